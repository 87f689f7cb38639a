package dev.insight.core.codebook;

import dev.insight.core.csv.CsvFile;
import dev.insight.core.csv.DecimalNumber;
import dev.insight.core.data.Category;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Infers a {@link SurveyCodebook} from a CSV export in one pass, keeping at most {@value #DISTINCT} distinct values
 * per column, so memory stays bounded however many respondents there are.
 *
 * <p>Rules, in order: the id column is {@code id}; 0/1 columns sharing a prefix ({@code pri_a}, {@code pri_b}; the
 * prefix ends at the last {@code _}, {@code .}, {@code :} or {@code " - "}) are one multiple-response variable; a
 * column of numbers is numeric; a column of dates ({@code 2024-03-01}, {@code 01/03/2024}, either with a time) is a
 * date; a column whose answers are the points of a recognised scale ({@link AnswerScales}) is ordinal, in the
 * scale's order; a column whose cells are lists of recurring options joined by {@code ;} or {@code ,} is a
 * multiple-response variable in one cell (never a list of combinations); a column of at most {@value #CATEGORIES}
 * distinct answers, each used on average at least twice, is single choice (categories sorted, numbers numerically,
 * "no answer" codes last and marked missing); anything else is text.
 */
public final class CodebookInference {
  /** Distinct values kept per column. */
  static final int DISTINCT = 1000;
  /** The most categories a single-choice or multiple-response variable is inferred to have. */
  static final int CATEGORIES = 60;
  private static final Pattern DATE = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}([ T]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?"
          + "|\\d{1,2}/\\d{1,2}/\\d{4}( \\d{1,2}:\\d{2}(:\\d{2})?( ?[AaPp][Mm])?)?");
  private static final Pattern PREFIX = Pattern.compile("^(.+?)(_|\\.|:| - )[^_.:]*$");

  private CodebookInference() {}

  /** What one pass learns of a column. */
  private static final class Column {
    final String name;
    long answered;
    boolean numbers = true;
    boolean binary = true;
    boolean dates = true;
    boolean overflow;
    final Map<String, Integer> distinct = new LinkedHashMap<>();

    Column(String name) {
      this.name = name;
    }

    void add(String raw) {
      String value = raw.strip();
      if (value.isEmpty()) {
        return;
      }
      answered++;
      if (numbers && Double.isNaN(DecimalNumber.parse(value))) {
        numbers = false;
      }
      if (binary && !value.equals("0") && !value.equals("1")) {
        binary = false;
      }
      if (dates && !DATE.matcher(value).matches()) {
        dates = false;
      }
      if (!overflow) {
        distinct.merge(value, 1, Integer::sum);
        if (distinct.size() > DISTINCT) {
          overflow = true;
          distinct.clear();
        }
      }
    }
  }

  /**
   * Infers the codebook of a CSV file, reading it to the end.
   *
   * @param csv the file, positioned after its header
   * @param idColumn the respondent id column, or null when there is none
   * @return the codebook, variables in file order
   */
  public static SurveyCodebook infer(CsvFile csv, @Nullable String idColumn) {
    List<String> names = csv.header().names();
    Column[] columns = new Column[names.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = new Column(names.get(i));
    }
    while (csv.next()) {
      int n = Math.min(csv.fieldCount(), columns.length);
      for (int i = 0; i < n; i++) {
        columns[i].add(csv.field(i));
      }
    }
    return infer(java.util.Arrays.asList(columns), idColumn);
  }

  private static SurveyCodebook infer(List<Column> columns, @Nullable String idColumn) {
    // multiple-response groups: 0/1 columns sharing a prefix
    Map<String, List<Column>> groups = new LinkedHashMap<>();
    for (Column c : columns) {
      if (c.binary && c.answered > 0 && !c.name.equals(idColumn)) {
        var m = PREFIX.matcher(c.name);
        if (m.matches()) {
          groups.computeIfAbsent(m.group(1), p -> new ArrayList<>()).add(c);
        }
      }
    }
    groups.values().removeIf(g -> g.size() < 2);
    Map<Column, String> groupOf = new LinkedHashMap<>();
    groups.forEach((prefix, g) -> g.forEach(c -> groupOf.put(c, prefix)));
    Set<String> taken = new HashSet<>();
    columns.forEach(c -> taken.add(c.name));
    List<CodebookVariable> variables = new ArrayList<>();
    Set<String> emitted = new HashSet<>();
    for (Column c : columns) {
      String prefix = groupOf.get(c);
      if (prefix != null) {
        if (emitted.add(prefix)) {
          List<Column> g = groups.get(prefix);
          String name = taken.contains(prefix) ? prefix + "_options" : prefix;
          List<Category> options = g.stream().map(o -> Category.of(o.name, option(o.name, prefix))).toList();
          variables.add(new CodebookVariable(name, prefix, VariableType.MULTIPLE, options,
              g.stream().map(o -> o.name).toList(), null));
        }
        continue;
      }
      variables.add(variable(c, idColumn));
    }
    return new SurveyCodebook(variables);
  }

  private static String option(String column, String prefix) {
    String rest = column.substring(prefix.length());
    return rest.replaceFirst("^(_|\\.|:| - )", "").strip();
  }

  private static CodebookVariable variable(Column c, @Nullable String idColumn) {
    List<String> one = List.of(c.name);
    if (c.name.equals(idColumn)) {
      return new CodebookVariable(c.name, c.name, VariableType.ID, List.of(), one, null);
    }
    if (c.answered == 0) {
      return new CodebookVariable(c.name, c.name, VariableType.TEXT, List.of(), one, null);
    }
    if (c.numbers) {
      return new CodebookVariable(c.name, c.name, VariableType.NUMERIC, List.of(), one, null);
    }
    if (c.dates) {
      return new CodebookVariable(c.name, c.name, VariableType.DATE, List.of(), one, null);
    }
    if (c.overflow) {
      return new CodebookVariable(c.name, c.name, VariableType.TEXT, List.of(), one, null);
    }
    List<String> answers = new ArrayList<>(c.distinct.keySet());
    Optional<List<Category>> scale = AnswerScales.order(answers);
    if (scale.isPresent()) {
      return new CodebookVariable(c.name, c.name, VariableType.ORDINAL, scale.get(), one, null);
    }
    for (String delimiter : List.of(";", ",")) {
      List<String> options = options(c, delimiter);
      if (options != null) {
        return new CodebookVariable(c.name, c.name, VariableType.MULTIPLE, categories(options), one, delimiter);
      }
    }
    if (answers.size() <= CATEGORIES && answers.size() * 2 <= c.answered) {
      return new CodebookVariable(c.name, c.name, VariableType.SINGLE, categories(answers), one, null);
    }
    return new CodebookVariable(c.name, c.name, VariableType.TEXT, List.of(), one, null);
  }

  /**
   * The options of a column of delimited lists, or null when it is not one: some cell holds the delimiter, there
   * are fewer options than distinct cells, at most {@value #CATEGORIES} of them, and each option recurs (is chosen
   * in at least two cells), so a comma inside one free answer does not make a list.
   */
  private static @Nullable List<String> options(Column c, String delimiter) {
    Map<String, Integer> uses = new LinkedHashMap<>();
    boolean joined = false;
    for (Map.Entry<String, Integer> e : c.distinct.entrySet()) {
      String[] parts = e.getKey().split(Pattern.quote(delimiter), -1);
      joined |= parts.length > 1;
      Set<String> inCell = new HashSet<>();
      for (String part : parts) {
        String option = part.strip();
        if (!option.isEmpty() && inCell.add(option)) {
          uses.merge(option, e.getValue(), Integer::sum);
        }
      }
    }
    if (!joined || uses.size() >= c.distinct.size() || uses.size() > CATEGORIES) {
      return null;
    }
    if (uses.values().stream().anyMatch(u -> u < 2)) {
      return null;
    }
    return new ArrayList<>(uses.keySet());
  }

  /** Categories sorted (numbers numerically), "no answer" codes last and marked missing. */
  private static List<Category> categories(List<String> answers) {
    List<String> sorted = new ArrayList<>(answers);
    sorted.sort(Comparator.comparing(AnswerScales::isMissingCode).thenComparing(CodebookInference::compareNatural));
    return sorted.stream().map(a -> AnswerScales.isMissingCode(a) ? Category.missing(a, a) : Category.of(a))
        .toList();
  }

  private static int compareNatural(String a, String b) {
    double x = DecimalNumber.parse(a);
    double y = DecimalNumber.parse(b);
    if (!Double.isNaN(x) && !Double.isNaN(y)) {
      return Double.compare(x, y);
    }
    return a.compareTo(b);
  }
}
