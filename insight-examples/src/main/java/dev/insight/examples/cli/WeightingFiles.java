package dev.insight.examples.cli;

import dev.insight.core.csv.CsvFile;
import dev.insight.core.csv.CsvOptions;
import dev.insight.core.csv.DecimalNumber;
import dev.insight.core.input.ProblemCollector;
import dev.insight.core.input.ReadMode;
import dev.insight.stats.design.SurveyDesign;
import dev.insight.stats.design.TargetKind;
import java.io.PrintWriter;
import java.io.Reader;
import org.jspecify.annotations.Nullable;
import dev.insight.core.data.Dataset;
import dev.insight.core.internal.SpreadsheetText;
import dev.insight.core.data.RespondentId;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import dev.insight.stats.design.Margin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The files of the weighting and estimate commands: margins, weights, atomic output. */
final class WeightingFiles {
  private WeightingFiles() {}

  /**
   * Reads the margins of raking, post-stratification or linear calibration from a margins file, as
   * {@link CalibrationTotals#readMargins(Path, Double)} (the one reader of the format).
   *
   * @param file the margins file
   * @param population the population total of {@code --population}, or null
   */
  static List<Margin> readMargins(Path file, @Nullable Double population) {
    return CalibrationTotals.readMargins(file, population);
  }

  /** Reads margins from CSV text, as {@link CalibrationTotals#readMargins(Reader, String)}. */
  static List<Margin> readMargins(Reader reader, String source) {
    return CalibrationTotals.readMargins(reader, source);
  }

  /**
   * The starting weights before weighting to margins, the same in every command: equal weights summing to the
   * counts' total, or, for shares, to the number of respondents (so the weighted base is the sample size).
   */
  static SurveyDesign.Builder startWeights(SurveyDesign.Builder builder, List<Margin> margins, int respondents) {
    if (margins.get(0).kind() == TargetKind.COUNTS) {
      return builder.equalWeights(margins.get(0).total());
    }
    return builder.equalWeights(respondents);
  }

  /** Weights read from a weights file: one per row of the data, 0 for a respondent outside the weighted sample. */
  record Weights(double[] values, int outside, @Nullable String firstOutside) {}

  /**
   * Reads a weights file, the same for every command. The rule, stated once:
   * <ul>
   *   <li>the file has the columns {@code id} and {@code weight} (others are ignored);</li>
   *   <li>each id is a respondent of the data, given once;</li>
   *   <li>each weight is a plain decimal number, finite and not negative: blank, {@code NaN}, infinite, negative
   *       and forms such as {@code 0x1p3} are errors naming the line;</li>
   *   <li>a weight of 0, and a respondent of the data absent from the file (as {@code insight weight --missing
   *       exclude} leaves them), puts that respondent outside the weighted sample: counted nowhere, and said on
   *       standard error;</li>
   *   <li>at least one respondent has a weight above 0.</li>
   * </ul>
   */
  static Weights readWeights(Path file, Dataset data) {
    String source = file.toString();
    double[] weights = new double[data.rowCount()];
    boolean[] seen = new boolean[data.rowCount()];
    ProblemCollector problems = ProblemCollector.of(source, ReadMode.STRICT);
    try (CsvFile csv = SurveyFiles.open(file, null, CsvOptions.defaults(), problems)) {
      long headerLine = csv.headerLine();
      int idAt = csv.header().indexOf("id").orElse(-1);
      int weightAt = csv.header().indexOf("weight").orElse(-1);
      if (idAt < 0 || weightAt < 0) {
        String missing = idAt < 0 ? "id" : "weight";
        throw new InvalidInputException(new InputProblem(source, headerLine, missing, null,
            "the weights file needs the columns id,weight; " + csv.header().whyNot(missing)));
      }
      int needed = Math.max(idAt, weightAt) + 1;
      while (csv.next()) {
        long line = csv.line();
        if (csv.fieldCount() < needed) {
          throw new InvalidInputException(new InputProblem(source, line, null, null,
              "expected id,weight but found " + csv.fieldCount() + " fields"));
        }
        // insight weight neutralised ids a spreadsheet would take as formulas; they read back as they were
        String id = SpreadsheetText.restore(csv.field(idAt).strip());
        int row = id.isEmpty() ? -1 : data.rowOf(RespondentId.of(id)).orElse(-1);
        if (row < 0) {
          throw new InvalidInputException(new InputProblem(source, line, "id", id, id.isEmpty()
              ? "the respondent id is blank" : "respondent " + id + " is not in the data"));
        }
        if (seen[row]) {
          throw new InvalidInputException(new InputProblem(source, line, "id", id,
              "respondent " + id + " has two weights"));
        }
        String text = csv.field(weightAt).strip();
        double weight = DecimalNumber.parse(text);
        if (Double.isNaN(weight)) {
          throw new InvalidInputException(new InputProblem(source, line, "weight", text, "weight of respondent "
              + id + " is " + (text.isEmpty() ? "blank" : DecimalNumber.why(text))
              + "; a weight is a number of 0 or more (0 leaves the respondent out of the weighted sample)"));
        }
        if (weight < 0) {
          throw new InvalidInputException(new InputProblem(source, line, "weight", text, "weight of respondent "
              + id + " is negative; a weight is a number of 0 or more (0 leaves the respondent out of the "
              + "weighted sample)"));
        }
        weights[row] = weight;
        seen[row] = true;
      }
    }
    int outside = 0;
    String first = null;
    for (int row = 0; row < seen.length; row++) {
      if (!seen[row] || weights[row] == 0) {
        weights[row] = 0;
        if (outside++ == 0) {
          first = data.id(row).value();
        }
      }
    }
    if (outside == weights.length) {
      throw new InvalidInputException(new InputProblem(source, 0, null, null, "no respondent of the data has a "
          + "weight above 0 in this file"));
    }
    return new Weights(weights, outside, first);
  }

  /**
   * A design with the weights of a weights file, respondents outside the weighted sample left out (weight 0), said
   * on {@code err}.
   */
  static SurveyDesign withWeights(SurveyDesign.Builder builder, Path file, Dataset data, PrintWriter err,
      String command) {
    Weights weights = readWeights(file, data);
    if (weights.outside() > 0) {
      err.println("insight " + command + ": note: " + weights.outside() + " respondent"
          + (weights.outside() == 1 ? " has" : "s have") + " no weight above 0 in " + file + " (the first: "
          + weights.firstOutside() + ") and " + (weights.outside() == 1 ? "is" : "are")
          + " left out of the weighted sample");
      err.flush();
    }
    // a weight of 0 puts the respondent outside the sample, as in R: counted nowhere, the design kept whole
    return builder.weights(weights.values()).build();
  }

  /** A number that reads back exactly (so at least 12 significant digits where it has them), whatever the locale. */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "NA";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    // Double.toString round-trips exactly (up to 17 significant digits) and is far faster than String.format,
    // which matters for a million weights; scientific notation is left to the formatter
    String shortest = Double.toString(value);
    if (shortest.indexOf('E') < 0) {
      return shortest;
    }
    String text = String.format(Locale.ROOT, "%.15g", value);
    if (text.contains("e") || text.contains("E")) {
      return text;
    }
    return text.indexOf('.') >= 0 ? text.replaceFirst("0+$", "").replaceFirst("\\.$", "") : text;
  }
}
