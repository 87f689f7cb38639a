package dev.insight.core.sss;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.codebook.AnswerScales;
import dev.insight.core.codebook.CodebookVariable;
import dev.insight.core.codebook.SurveyCodebook;
import dev.insight.core.codebook.VariableType;
import dev.insight.core.data.Category;
import dev.insight.core.input.InvalidInputException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a Triple-S metadata file ({@code .sss}) declares: its version, the survey's name and title, how its data is
 * laid out (fixed-width or CSV), and its variables in record order.
 *
 * @param version the {@code version} attribute, such as {@code 2.0}
 * @param name the survey's name, or blank
 * @param title the survey's title, or blank
 * @param csv whether the data is CSV ({@code format="csv"}), where positions count fields, rather than fixed-width,
 *     where they count characters
 * @param skip the lines before the first record in the data file
 * @param href the data file the record names, or null for the metadata file's name with {@code .asc},
 *     {@code .dat} or {@code .csv}
 * @param encoding the encoding the XML declaration gives (the data file's too), or null for UTF-8
 * @param variables the variables, in record order
 * @param notes what the reader left out and the user should know (filters not applied)
 */
public record TripleSMetadata(String version, String name, String title, boolean csv, int skip,
    @Nullable String href, @Nullable String encoding, List<TripleSVariable> variables, List<String> notes) {

  /**
   * Validates and copies.
   *
   * @param version the version
   * @param name the survey's name
   * @param title the survey's title
   * @param csv whether the data is CSV
   * @param skip the lines before the first record
   * @param href the data file named, or null
   * @param encoding the declared encoding, or null
   * @param variables the variables
   * @param notes what the reader left out
   */
  public TripleSMetadata {
    checkNotNull(version, "version");
    name = name == null ? "" : name;
    title = title == null ? "" : title;
    variables = List.copyOf(variables);
    notes = List.copyOf(notes);
  }

  /**
   * Reads a metadata file (Triple-S XML 1.1 to 3.0), safely: DTDs are never fetched, entity declarations are
   * refused, and size, depth and element count are bounded.
   *
   * @param file the {@code .sss} file
   * @return what it declares
   * @throws InvalidInputException naming the file, line and element of the first mistake: not XML, not Triple-S, an
   *     unknown variable type, a position or code that is not a number, a code declared twice, a hierarchical survey
   * @throws UncheckedIOException when the file cannot be read
   */
  public static TripleSMetadata read(Path file) {
    return MetadataParser.read(checkNotNull(file, "file"));
  }

  /**
   * The codebook the metadata gives: a single as a single-choice variable with its labelled codes in code order, a
   * multiple as a multiple-response variable over its {@code NAME_CODE} columns, a quantity as numeric (labelled
   * values whose label says "not stated", "don't know" and the like are its missing codes), a character variable
   * as text, a logical as single choice 0 "No" / 1 "Yes", a date as a date, a time as text, and the variable used
   * as {@code serial} as the respondent id. A code of a single whose label is a "no answer" phrase is marked
   * missing.
   *
   * @return the codebook, variables in record order
   */
  public SurveyCodebook codebook() {
    List<CodebookVariable> list = new ArrayList<>();
    for (TripleSVariable v : variables) {
      List<String> one = List.of(v.name());
      CodebookVariable c = switch (v.type()) {
        case SINGLE -> "serial".equals(v.use())
            ? new CodebookVariable(v.name(), v.label(), VariableType.ID, List.of(), one, null)
            : new CodebookVariable(v.name(), v.label(), VariableType.SINGLE, marked(v.values()), one, null);
        case MULTIPLE -> new CodebookVariable(v.name(), v.label(), VariableType.MULTIPLE, v.values(), v.columns(),
            null);
        case QUANTITY -> new CodebookVariable(v.name(), v.label(), "serial".equals(v.use()) ? VariableType.ID
            : VariableType.NUMERIC, "serial".equals(v.use()) ? List.of() : missingOnly(v.values()), one, null);
        case CHARACTER, TIME -> new CodebookVariable(v.name(), v.label(), "serial".equals(v.use())
            ? VariableType.ID : VariableType.TEXT, List.of(), one, null);
        case LOGICAL -> new CodebookVariable(v.name(), v.label(), VariableType.SINGLE,
            List.of(Category.of("0", "No"), Category.of("1", "Yes")), one, null);
        case DATE -> new CodebookVariable(v.name(), v.label(), VariableType.DATE, List.of(), one, null);
      };
      list.add(c);
    }
    return new SurveyCodebook(list);
  }

  /** The codes, those labelled as "no answer" marked missing. */
  private static List<Category> marked(List<Category> values) {
    return values.stream().map(c -> AnswerScales.isMissingCode(c.label()) || notStated(c.label())
        ? Category.missing(c.code(), c.label()) : c).toList();
  }

  /** The labelled values of a quantity that mean "no usable answer", as missing codes. */
  private static List<Category> missingOnly(List<Category> values) {
    return marked(values).stream().filter(Category::missing).toList();
  }

  private static boolean notStated(String label) {
    String text = label.strip().toLowerCase(java.util.Locale.ROOT);
    return text.equals("not stated") || text.equals("no answer") || text.equals("refused")
        || text.equals("missing") || text.equals("not answered");
  }

  /**
   * The data columns the survey reads as, in order: a variable's name, or for a multiple its {@code NAME_CODE}
   * columns.
   *
   * @return the column names
   */
  public List<String> columns() {
    List<String> columns = new ArrayList<>();
    variables.forEach(v -> columns.addAll(v.columns()));
    return columns;
  }

  /**
   * The name of the variable used as the respondent id ({@code use="serial"}), if one is.
   *
   * @return the serial variable's name, or null
   */
  public @Nullable String serial() {
    return variables.stream().filter(v -> "serial".equals(v.use())).map(TripleSVariable::name).findFirst()
        .orElse(null);
  }
}
