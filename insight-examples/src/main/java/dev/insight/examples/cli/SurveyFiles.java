package dev.insight.examples.cli;

import dev.insight.core.codebook.CodebookInference;
import dev.insight.core.codebook.CodebookVariable;
import dev.insight.core.codebook.SurveyCodebook;
import dev.insight.core.codebook.VariableType;
import dev.insight.core.csv.ColumnSpec;
import dev.insight.core.csv.CsvFile;
import dev.insight.core.csv.CsvHeader;
import dev.insight.core.csv.ExportLayout;
import dev.insight.core.csv.CsvOptions;
import dev.insight.core.csv.DecimalNumber;
import dev.insight.core.csv.SurveyCsvReader;
import dev.insight.core.csv.SurveyMapping;
import dev.insight.core.csv.DecimalNumber;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.NumericVariable;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.ProblemCollector;
import dev.insight.core.input.ReadMode;
import dev.insight.core.input.ReadResult;
import dev.insight.core.sss.TripleS;
import dev.insight.core.sss.TripleSMetadata;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The one way the commands read {@code --data}: CSV, a sheet of an XLSX workbook ({@link XlsxRows}) or a Triple-S
 * survey ({@link TripleS}, its metadata's codebook given as if by {@code --codebook}), through
 * insight-core's {@link SurveyCsvReader} with the encoding and mode given, every note (a delimiter detected, a column renamed) and, in lenient mode, every problem written
 * to standard error, so nothing is dropped without a line saying so.
 */
final class SurveyFiles {
  private SurveyFiles() {}

  /** The CSV options of {@code --encoding}. */
  static CsvOptions options(DataOptions input) {
    CsvOptions options = CsvOptions.defaults();
    if (input.encoding != null) {
      try {
        options = options.withEncoding(Charset.forName(input.encoding.strip()));
      } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
        throw new IllegalArgumentException("--encoding " + input.encoding + " is not an encoding this Java knows; "
            + "try UTF-8, UTF-16LE, windows-1252 or ISO-8859-1", e);
      }
    }
    if (input.format != null && !isTripleSName(input.format)) {
      try {
        options = options.withLayout(ExportLayout.parse(input.format));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(e.getMessage() + ", or triple-s for Triple-S metadata", e);
      }
    }
    return options;
  }

  /** Whether {@code --format} names Triple-S. */
  private static boolean isTripleSName(String format) {
    String name = format.strip().toLowerCase(java.util.Locale.ROOT);
    return name.equals("triple-s") || name.equals("triples") || name.equals("sss");
  }

  /** Whether the data is a Triple-S survey: {@code --format triple-s}, or a {@code .sss} file when none is given. */
  static boolean isTripleS(DataOptions input) {
    return input.format != null ? isTripleSName(input.format) : TripleS.isMetadata(input.data);
  }

  /**
   * Reads the survey as mapped (categories and delimiters from {@code --codebook} for the variables it lists),
   * reporting notes and (lenient) problems on {@code err} under the command's name.
   */
  static Dataset read(DataOptions input, SurveyMapping mapping, PrintWriter err, String command) {
    if (input.idNote != null) {
      err.println("insight " + command + ": note: " + input.idNote);
    }
    SurveyCodebook given = codebook(input);
    ProblemCollector problems = ProblemCollector.of(input.data.toString(),
        input.lenient ? ReadMode.LENIENT : ReadMode.STRICT);
    ReadResult<Dataset> result;
    try (CsvFile csv = open(input, problems)) {
      result = SurveyCsvReader.read(csv, given == null ? mapping : apply(mapping, given));
    }
    report(result, err, command);
    noteMissingCodes(result.value(), err, command);
    return result.value();
  }

  /** Says how many answers of each numeric variable were missing codes, left out of means, totals and bases. */
  private static void noteMissingCodes(Dataset data, PrintWriter err, String command) {
    for (String name : data.variableNames()) {
      if (data.variable(name) instanceof NumericVariable v && v.missingCodes().length > 0) {
        java.util.Map<Double, Integer> counts = new java.util.TreeMap<>();
        for (int row = 0; row < v.size(); row++) {
          double value = v.valueAt(row);
          if (!Double.isNaN(value) && v.isMissing(row)) {
            counts.merge(value, 1, Integer::sum);
          }
        }
        if (!counts.isEmpty()) {
          err.println("insight " + command + ": note: " + name + ": " + counts.entrySet().stream()
              .map(e -> e.getValue() + " answer" + (e.getValue() == 1 ? "" : "s") + " of "
                  + (e.getKey() == Math.rint(e.getKey()) ? Long.toString((long) (double) e.getKey())
                  : Double.toString(e.getKey()))).collect(java.util.stream.Collectors.joining(", "))
              + " (missing codes of the codebook) left out of means, totals and bases");
        }
      }
    }
    err.flush();
  }

  /**
   * Reads the survey as {@link #read} does, then applies the codebook rules to the categories found: text scales
   * in their natural order, choices joined in one cell split into a multiple-response variable. Variables in
   * {@code keepSingle} (margins, filters) and those the codebook file gives stay as read.
   */
  static Dataset readRefined(DataOptions input, SurveyMapping mapping, PrintWriter err, String command,
      Set<String> keepSingle) {
    Dataset data = read(input, mapping, err, command);
    Set<String> keep = new HashSet<>(keepSingle);
    SurveyCodebook given = codebook(input);
    if (given != null) {
      given.variables().forEach(v -> keep.add(v.name()));
    }
    Dataset refined = CodebookInference.refine(data, keep, note -> err.println("insight " + command + ": note: "
        + note));
    err.flush();
    return refined;
  }

  /**
   * The respondent id column: {@code --id}, else the first column named as ids are ({@link
   * DescribeCommand#isIdName}), else {@link SurveyMapping#LINE_ID} (each respondent identified by the line their
   * record starts on). How it was found is said when the data is read.
   */
  static String id(DataOptions input) {
    if (input.id == null) {
      java.util.Optional<String> named = csvHeader(input).names().stream().filter(DescribeCommand::isIdName)
          .findFirst();
      input.id = named.orElse(SurveyMapping.LINE_ID);
      input.idNote = named.map(n -> "respondent id: column " + n + " (found by its name; --id names another)")
          .orElse("no respondent id column: each respondent is identified by the line their record starts on "
              + "(--id names an id column)");
    }
    return input.id;
  }

  /** The respondent id a Triple-S survey declares (its {@code use="serial"} variable), or null. */
  static @Nullable String serial(DataOptions input) {
    return isTripleS(input) ? TripleSMetadata.read(input.data).serial() : null;
  }

  /**
   * The codebook of {@code --codebook}, or null; for a Triple-S survey, its metadata's codebook with the variables
   * of {@code --codebook} put in place of those they name.
   */
  static @Nullable SurveyCodebook codebook(DataOptions input) {
    SurveyCodebook given = input.codebook == null ? null : SurveyCodebook.read(input.codebook);
    if (isTripleS(input)) {
      SurveyCodebook declared = TripleSMetadata.read(input.data).codebook();
      return given == null ? declared : declared.overriddenBy(given);
    }
    return given;
  }

  /** The mapping with the categories (and delimiters) of the codebook for the single-column variables it lists. */
  private static SurveyMapping apply(SurveyMapping mapping, SurveyCodebook codebook) {
    List<ColumnSpec> specs = new ArrayList<>();
    for (ColumnSpec spec : mapping.variables()) {
      if (spec instanceof ColumnSpec.Numeric n) {
        CodebookVariable v = codebook.variable(n.name()).or(() -> codebook.ofColumn(n.column())).orElse(null);
        List<Double> codes = new ArrayList<>(n.missingCodes());
        if (v != null) {
          v.missingCodes().stream().map(DecimalNumber::parse).filter(d -> !Double.isNaN(d)).forEach(codes::add);
        }
        specs.add(codes.size() == n.missingCodes().size() ? spec
            : new ColumnSpec.Numeric(n.name(), n.column(), n.label() != null ? n.label() : v.label(), codes));
        continue;
      }
      if (spec instanceof ColumnSpec.Categorical c && c.categories().isEmpty()) {
        CodebookVariable v = codebook.variable(c.name()).or(() -> codebook.ofColumn(c.column())).orElse(null);
        if (v != null && v.type() == VariableType.NUMERIC) {
          // a numeric question's missing codes: its other values are numbers, not unknown categories
          specs.add(spec);
          continue;
        }
        if (v != null && v.type() == VariableType.MULTIPLE && v.delimiter() != null) {
          specs.add(new ColumnSpec.MultiList(c.name(), c.column(), v.label(), v.delimiter(), v.categories()));
          continue;
        }
        if (v != null && !v.categories().isEmpty() && v.columns().size() == 1) {
          specs.add(new ColumnSpec.Categorical(c.name(), c.column(), v.label(), v.categories()));
          continue;
        }
      }
      if (spec instanceof ColumnSpec.Numeric n && n.missingCodes().isEmpty()) {
        // a numeric variable's missing codes (a Triple-S quantity's "Not stated" value, say)
        CodebookVariable v = codebook.variable(n.name()).or(() -> codebook.ofColumn(n.column())).orElse(null);
        if (v != null && v.type() == VariableType.NUMERIC && !v.missingCodes().isEmpty()) {
          List<Double> codes = v.missingCodes().stream().map(DecimalNumber::parse).filter(d -> !d.isNaN()).toList();
          specs.add(new ColumnSpec.Numeric(n.name(), n.column(), n.label() != null ? n.label() : v.label(), codes));
          continue;
        }
      }
      specs.add(spec);
    }
    return new SurveyMapping(mapping.idColumn(), specs);
  }

  /** Writes the notes and problems of a read to standard error. */
  static void report(ReadResult<?> result, PrintWriter err, String command) {
    for (InputProblem note : result.notes()) {
      err.println("insight " + command + ": note: " + note.describe());
    }
    List<InputProblem> problems = result.problems();
    if (!problems.isEmpty()) {
      err.println("insight " + command + ": " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
          + " (--lenient: every respondent that could be kept was kept):");
      for (InputProblem problem : problems) {
        err.println("  " + problem.describe());
      }
    }
    err.flush();
  }

  /** The header of the data file, columns uniquely named, for commands that pick columns by prefix. */
  static List<String> header(DataOptions input) {
    return csvHeader(input).names();
  }

  /**
   * Opens the data file: an XLSX workbook (by its name; the sheet of {@code --sheet}, or the first) or CSV text,
   * read alike after the header.
   */
  static CsvFile open(DataOptions input, ProblemCollector problems) {
    if (isTripleS(input)) {
      if (input.sheet != null) {
        throw new IllegalArgumentException("--sheet " + input.sheet + ": " + input.data + " is a Triple-S survey, "
            + "not an XLSX workbook");
      }
      return TripleS.open(input.data, options(input), problems);
    }
    return open(input.data, input.sheet, options(input), problems);
  }

  /** Opens a CSV file or a sheet of an XLSX workbook. */
  static CsvFile open(Path file, @Nullable String sheet, CsvOptions options, ProblemCollector problems) {
    if (XlsxRows.isXlsx(file)) {
      return CsvFile.of(XlsxRows.open(file, sheet, problems), options, problems);
    }
    if (sheet != null) {
      throw new IllegalArgumentException("--sheet " + sheet + ": " + file + " is not an XLSX workbook");
    }
    return CsvFile.open(file, options, problems);
  }

  /** The header of the data file, with a platform's question and option texts. */
  static CsvHeader csvHeader(DataOptions input) {
    try (CsvFile csv = open(input, ProblemCollector.of(input.data.toString(), ReadMode.LENIENT))) {
      return csv.header();
    }
  }
}
