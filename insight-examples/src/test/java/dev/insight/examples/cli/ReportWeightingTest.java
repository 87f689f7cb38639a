package dev.insight.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code insight report} with the weighting options of {@code weight}, {@code estimate} and {@code table}, end to
 * end: a survey calibrated with the raking distance and bounded g-weights, then trimmed. The methods text names the
 * calibration, its distance and bounds, and the trimming with its limits; and every figure is the one
 * {@code insight table} and {@code insight estimate} give with the same options on the same file.
 */
class ReportWeightingTest {
  private static final List<String> WEIGHTING = List.of("--calfun", "raking", "--bounds", "0.3,3", "--trim",
      "100,250");
  private static final String PRIORITIES = "imp_toilets,imp_lighting,imp_play,imp_paths,imp_seating,imp_events";

  @TempDir
  static Path folder;

  private static String html;
  private static JsonNode analysis;

  private static String run(String... args) {
    StringWriter err = new StringWriter();
    int code = Insight.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
    assertThat(code).as("%s: %s", String.join(" ", args), err).isZero();
    return err.toString();
  }

  @BeforeAll
  static void report() throws IOException {
    StringWriter err = new StringWriter();
    int code = OtherProgrammeReportTest.report(folder.resolve("out"), new StringWriter(), err,
        WEIGHTING.toArray(String[]::new));
    assertThat(code).as(err.toString()).isZero();
    html = Files.readString(folder.resolve("out/report.html")).replace("&#39;", "'");
    analysis = new ObjectMapper().readTree(folder.resolve("out/analysis.json").toFile());
  }

  @Test
  void methodsText_namesTheCalibrationItsBoundsAndTheTrimming() {
    String methods = html.substring(html.indexOf("<h3>Weighting</h3>"));

    assertThat(methods).contains("weighted to population targets by ward and age band so that its profile "
        + "matches the population's: it was calibrated (R's calibrate) with the raking distance, the g-weights "
        + "(final over starting weight) bounded to between 0.3 and 3, starting from equal weights.")
        .contains("The weights were then trimmed to between 100 and 250 (R's trimWeights: the weight taken off "
            + "shared equally among the weights inside the bounds, in one pass), so the weighted sample need not "
            + "meet every target exactly.")
        .doesNotContain("raking (iterative proportional fitting)");
  }

  @Test
  void weights_areWithinTheTrimmingLimits() {
    JsonNode weighting = analysis.path("survey").path("weighting");

    assertThat(weighting.path("minWeight").asDouble()).isGreaterThanOrEqualTo(100 - 1e-9);
    assertThat(weighting.path("maxWeight").asDouble()).isLessThanOrEqualTo(250 + 1e-9);
  }

  @Test
  void bannerTable_isTheTableCommandsWithTheSameOptions() throws IOException {
    Path table = folder.resolve("table.json");
    List<String> args = new ArrayList<>(List.of("table", "--data", OtherProgrammeReportTest.fixture("survey.csv")
        .toString(), "--id", "respondent", "--margins", OtherProgrammeReportTest.fixture("margins.csv").toString(),
        "--rows", "imp_*", "--banner", "ward,age_band", "--suppress", "threshold:5", "--out", table.toString()));
    args.addAll(WEIGHTING);
    run(args.toArray(String[]::new));
    JsonNode written = new ObjectMapper().readTree(table.toFile());
    JsonNode expected = written.path("blocks").get(0);
    // the calibrated weights reach outside the trimming limits, so the trimming changed them
    java.util.regex.Matcher range = java.util.regex.Pattern.compile("Weighting report: calibrate raking: converged"
        + ".*?weights ([0-9.]+) to ([0-9.]+)").matcher(written.path("notes").toString());
    assertThat(range.find()).as(written.path("notes").toString()).isTrue();
    assertThat(Double.parseDouble(range.group(1)) < 100 || Double.parseDouble(range.group(2)) > 250)
        .as(range.group()).isTrue();
    assertThat(written.path("notes").toString()).contains("then trimmed to between 100 and 250");
    JsonNode actual = analysis.path("survey").path("tables").path("blocks").get(0);

    assertThat(actual.path("rows")).hasSize(6);
    for (int r = 0; r < 6; r++) {
      JsonNode row = actual.path("rows").get(r);
      assertThat(row.path("code").asText()).isEqualTo(expected.path("rows").get(r).path("code").asText());
      assertThat(row.path("cells")).isEqualTo(expected.path("rows").get(r).path("cells"));
    }
    assertThat(actual.path("bases")).isEqualTo(expected.path("bases"));
    assertThat(actual.path("tests")).isEqualTo(expected.path("tests"));
  }

  @Test
  void priorities_areTheEstimateCommandsWithTheSameOptions() throws IOException {
    for (JsonNode row : analysis.path("survey").path("question").path("rows")) {
      Path out = folder.resolve(row.path("code").asText() + ".csv");
      List<String> args = new ArrayList<>(List.of("estimate", "--data", OtherProgrammeReportTest.fixture(
          "survey.csv").toString(), "--id", "respondent", "--margins", OtherProgrammeReportTest.fixture(
          "margins.csv").toString(), "--proportion", row.path("code").asText(), "--out", out.toString()));
      args.addAll(WEIGHTING);
      run(args.toArray(String[]::new));
      Map<String, String> all = EstimateGolden.rows(Files.readString(out)).get(0);
      JsonNode estimate = row.path("estimate");

      assertThat(estimate.path("value").asDouble()).as(row.path("code").asText())
          .isCloseTo(Double.parseDouble(all.get("estimate")), org.assertj.core.api.Assertions.within(1e-12));
      assertThat(estimate.path("standardError").asDouble()).as(row.path("code").asText())
          .isCloseTo(Double.parseDouble(all.get("se")), org.assertj.core.api.Assertions.within(1e-12));
    }
  }

  @Test
  void reportWithoutMargins_isRefused() {
    StringWriter err = new StringWriter();
    List<String> args = new ArrayList<>(List.of("report", "--programme", OtherProgrammeReportTest.fixture(
        "programme.json").toString(), "--data", OtherProgrammeReportTest.fixture("survey.csv").toString(), "--id",
        "respondent", "--priorities", PRIORITIES, "--comment", "remarks", "--codes", "code_safety", "--out",
        folder.resolve("none").toString()));
    int code = Insight.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args.toArray(String[]::new));

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("--margins M.csv is required");
    assertThat(folder.resolve("none")).doesNotExist();
  }

  @Test
  void reportWithCalfunAndAnotherMethod_isRefused() {
    StringWriter err = new StringWriter();
    int code = OtherProgrammeReportTest.report(folder.resolve("bad"), new StringWriter(), err, "--method",
        "poststratify", "--calfun", "logit");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("--calfun applies to --method calibrate, not poststratify");
    assertThat(folder.resolve("bad")).doesNotExist();
  }
}
