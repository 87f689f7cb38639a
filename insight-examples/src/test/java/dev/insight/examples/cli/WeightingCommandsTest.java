package dev.insight.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code insight weight} and {@code insight estimate} against R's golden staff-survey values. */
class WeightingCommandsTest {
  /** As the golden README asks: R printed 12 significant digits; iterative fits differ below 1e-8. */
  private static final double RELATIVE = 1e-6;

  @TempDir
  Path dir;
  private Path data;
  private Path margins;

  @BeforeEach
  void copy() {
    data = resource("staff_survey.csv");
    margins = resource("margins.csv");
  }

  private Path resource(String name) {
    try (InputStream in = getClass().getResourceAsStream("/weighting/" + name)) {
      Path target = dir.resolve(name);
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Insight.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  private static List<String[]> csv(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .map(line -> line.replace("\"", "").split(",", -1)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertClose(String what, double actual, double expected) {
    assertThat(Math.abs(actual - expected) / Math.abs(expected)).as("%s: %s vs R %s", what, actual, expected)
        .isLessThanOrEqualTo(RELATIVE);
  }

  private void assertWeightsMatch(Path written, String golden) {
    List<String[]> actual = csv(written);
    List<String[]> expected = csv(resource(golden));
    assertThat(actual).hasSameSizeAs(expected);
    assertThat(actual.get(0)).containsExactly("id", "weight");
    for (int i = 1; i < expected.size(); i++) {
      assertThat(actual.get(i)[0]).isEqualTo(expected.get(i)[0]);
      assertClose(expected.get(i)[0], Double.parseDouble(actual.get(i)[1]), Double.parseDouble(expected.get(i)[1]));
      assertThat(actual.get(i)[1].replace(".", "").replaceFirst("^0+", "").length())
          .as("significant digits of %s", actual.get(i)[1]).isGreaterThanOrEqualTo(12);
    }
  }

  @Test
  void weight_rake_writesRsWeightsInRowOrderAndAReport() throws IOException {
    Path out = dir.resolve("w.csv");
    Path report = dir.resolve("r.json");
    Run run = run("weight", "--data", data.toString(), "--id", "id", "--margins", margins.toString(), "--out",
        out.toString(), "--report", report.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertWeightsMatch(out, "expected_rake_weights.csv");
    String json = Files.readString(report);
    assertThat(json).contains("\"method\" : \"rake\"", "\"converged\" : true", "\"efficiency\"",
        "\"effectiveBase\"", "\"designEffect\"", "\"maxToMinRatio\"");
  }

  @Test
  void weight_linearWithBounds_matchesR() throws IOException {
    Path twoMargins = dir.resolve("m2.csv");
    List<String> lines = Files.readAllLines(margins);
    Files.write(twoMargins, lines.stream().filter(l -> !l.contains("\"age\"")).toList());
    Path out = dir.resolve("w.csv");
    Run run = run("weight", "--data", data.toString(), "--id", "id", "--margins", twoMargins.toString(), "--method",
        "linear", "--bounds", "0.3,3", "--out", out.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertWeightsMatch(out, "expected_linear_bounded_weights.csv");
  }

  @Test
  void weight_poststratifyOnThreeVariables_failsWithoutWritingOutput() {
    Path out = dir.resolve("w.csv");
    Run run = run("weight", "--data", data.toString(), "--id", "id", "--margins", margins.toString(), "--method",
        "poststratify", "--out", out.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("insight weight: --method poststratify takes the targets of one variable but "
        + "the margins file has [sector, area, age]; use --method rake");
    assertThat(out).doesNotExist();
  }

  @Test
  void weight_targetCategoryWithoutRespondents_namesVariableAndCategory() throws IOException {
    Files.writeString(margins, "\"sector\",\"Charity\",100\n", StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    Files.writeString(margins, Files.readString(margins).replace("\"sector\",\"NHS\",61000",
        "\"sector\",\"NHS\",60900"));
    Path out = dir.resolve("w.csv");
    Run run = run("weight", "--data", data.toString(), "--id", "id", "--margins", margins.toString(), "--out",
        out.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("target category Charity of sector has no respondents in the sample, so its "
        + "target 100 can never be reached");
    assertThat(out).doesNotExist();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "rake|\"sector:area\",\"NHS:Mid Essex\",3000|column \"variable\", value \"sector:area\", sector:area is an "
          + "interaction, which raking, post-stratification and --method linear cannot weight to: they take one "
          + "categorical variable per row; calibrate to an interaction with --method calibrate",
      "linear|\"staff_years\",,123456|column \"category\", value \"\", the category of staff_years is blank, which "
          + "makes the row the population total of a numeric variable: raking, post-stratification and --method "
          + "linear cannot use it; give the category, or calibrate to the total with --method calibrate"})
  void weight_calibrationRowsInMarginsForRakingOrLinear_areRefusedNamingFileLineColumnAndValue(String method,
      String row, String message) throws IOException {
    Files.writeString(margins, row + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    long line = Files.readAllLines(margins).size();
    Path out = dir.resolve("w.csv");
    Run run = run("weight", "--data", data.toString(), "--id", "id", "--margins", margins.toString(), "--method",
        method, "--out", out.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains(margins + ":" + line + ": " + message).doesNotContain("\tat ");
    assertThat(out).doesNotExist();
  }

  @Test
  void weight_badTargetInMarginsFile_namesFileLineAndValue() throws IOException {
    Files.writeString(margins, Files.readString(margins).replace("61000", "lots"));
    Run run = run("weight", "--data", data.toString(), "--id", "id", "--margins", margins.toString(), "--out",
        dir.resolve("w.csv").toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("margins.csv:2: column \"target\", value \"lots\", target for sector=NHS is not a number");
  }

  @Test
  void weight_missingWeightingValue_failsByDefaultAndIsExcludedOnRequest() throws IOException {
    Files.writeString(data, Files.readString(data).replace("\"R0002\",\"NHS\",\"South and West Herts\",\"50-64\"",
        "\"R0002\",\"NHS\",\"South and West Herts\",\"\""));
    Path out = dir.resolve("w.csv");
    Run failed = run("weight", "--data", data.toString(), "--id", "id", "--margins", margins.toString(), "--out",
        out.toString());
    assertThat(failed.code()).isEqualTo(1);
    assertThat(failed.err()).contains("weighting variable age is missing for respondent R0002 (row 2)");
    assertThat(out).doesNotExist();
    Run excluded = run("weight", "--data", data.toString(), "--id", "id", "--margins", margins.toString(), "--out",
        out.toString(), "--missing", "exclude");
    assertThat(excluded.code()).as(excluded.err()).isZero();
    List<String[]> rows = csv(out);
    assertThat(rows).hasSize(759);
    assertThat(rows.stream().map(r -> r[0])).doesNotContain("R0002").contains("R0001", "R0003");
  }

  @Test
  void estimate_withWeightsFile_matchesRsFixedWeightColumns() {
    Path weights = dir.resolve("w.csv");
    assertThat(run("weight", "--data", data.toString(), "--id", "id", "--margins", margins.toString(), "--out",
        weights.toString()).code()).isZero();
    Path out = dir.resolve("e.csv");
    Run run = run("estimate", "--data", data.toString(), "--id", "id", "--weights", weights.toString(),
        "--proportion", "pri_workforce", "--by", "sector", "--ci", "logit", "--out", out.toString());
    assertThat(run.code()).as(run.err()).isZero();
    List<String[]> rows = csv(out);
    assertThat(rows.get(0)).containsExactly("subgroup", "unweighted_n", "weighted_n", "effective_n", "estimate",
        "se", "ci_low", "ci_high", "deff", "df", "t", "p");
    assertThat(rows.get(1)[0]).isEqualTo("(all)");
    Map<String, String[]> golden = goldenRows("pri_workforce");
    assertThat(rows).hasSize(golden.size() + 1);
    for (String[] row : rows.subList(1, rows.size())) {
      String[] g = golden.get(row[0]);
      assertThat(row[1]).isEqualTo(g[2]);
      assertClose(row[0] + " weighted_n", Double.parseDouble(row[2]), Double.parseDouble(g[3]));
      assertClose(row[0] + " effective_n", Double.parseDouble(row[3]), Double.parseDouble(g[4]));
      assertClose(row[0] + " estimate", Double.parseDouble(row[4]), Double.parseDouble(g[5]));
      assertClose(row[0] + " se", Double.parseDouble(row[5]), Double.parseDouble(g[6]));
      assertClose(row[0] + " ci_low", Double.parseDouble(row[6]), Double.parseDouble(g[9]));
      assertClose(row[0] + " ci_high", Double.parseDouble(row[7]), Double.parseDouble(g[10]));
      assertClose(row[0] + " deff", Double.parseDouble(row[8]), Double.parseDouble(g[7]));
    }
  }

  @Test
  void estimate_withMargins_givesTheCalibratedStandardError() {
    Path out = dir.resolve("e.csv");
    Run run = run("estimate", "--data", data.toString(), "--id", "id", "--margins", margins.toString(),
        "--proportion", "pri_housing", "--by", "sector", "--ci", "beta", "--out", out.toString());
    assertThat(run.code()).as(run.err()).isZero();
    Map<String, String[]> golden = goldenRows("pri_housing");
    for (String[] row : csv(out).subList(1, 7)) {
      assertClose(row[0] + " se calibrated", Double.parseDouble(row[5]), Double.parseDouble(golden.get(row[0])[8]));
    }
  }

  @Test
  void estimate_proportionOfACategory_andBadRequests() {
    Path out = dir.resolve("e.csv");
    Run ok = run("estimate", "--data", data.toString(), "--id", "id", "--margins", margins.toString(),
        "--proportion", "contact=Yes", "--by", "area", "--ci", "wilson", "--out", out.toString());
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(csv(out)).hasSize(5);
    Run notBinary = run("estimate", "--data", data.toString(), "--id", "id", "--margins", margins.toString(),
        "--proportion", "contact", "--out", dir.resolve("x.csv").toString());
    assertThat(notBinary.code()).isEqualTo(1);
    assertThat(notBinary.err()).contains("contact");
    assertThat(dir.resolve("x.csv")).doesNotExist();
    Run logitMean = run("estimate", "--data", data.toString(), "--id", "id", "--margins", margins.toString(),
        "--mean", "pri_carers", "--ci", "logit", "--out", dir.resolve("x.csv").toString());
    assertThat(logitMean.code()).isEqualTo(1);
    assertThat(logitMean.err()).contains("--ci logit applies to --proportion; means, totals and ratios get wald "
        + "intervals");
    Run noCategory = run("estimate", "--data", data.toString(), "--id", "id", "--margins", margins.toString(),
        "--proportion", "contact=Maybe", "--out", dir.resolve("x.csv").toString());
    assertThat(noCategory.err()).contains("variable contact has no category Maybe; its categories are [No, Yes]");
  }

  private Map<String, String[]> goldenRows(String variable) {
    Map<String, String[]> rows = new HashMap<>();
    for (String[] row : csv(resource("expected_priority_estimates.csv"))) {
      if (row[0].equals(variable)) {
        rows.put(row[1], row);
      }
    }
    return rows;
  }
}
