package dev.insight.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code insight table} on weighted, designed and replicate designs against R: every cell of
 * {@code expected_table_weighting.csv} and every test of {@code expected_table_weighting_tests.csv}
 * ({@code make_table_weighting.R}): the column percentages of {@code awards} by {@code stype} with their standard
 * errors ({@code --se}), the Rao-Scott test
 * ({@code svychisq}) and the quantile rows of {@code api00} with their intervals and standard errors
 * ({@code svyby(..., svyquantile)}), after R's {@code calibrate(calfun = "raking", bounds = c(0.5, 2))} on the
 * stratified sample, after {@code calibrate(calfun = "raking")} then {@code trimWeights} on the cluster sample, on
 * the cluster, stratified and JK1 replicate designs as drawn, and on the JK1 design calibrated (every replicate
 * re-weighted); the table's notes say what weighting was done.
 */
class TableWeightingGoldenTest {
  private static final double RELATIVE = 1e-6;

  @TempDir
  Path dir;

  static Stream<String> designs() {
    return EstimateGolden.golden("expected_table_weighting_tests.csv").stream().map(r -> r.get("design"));
  }

  /* A case's totals of calibrate_totals.csv (make_calibrate.R) as a margins file. */
  private Path totals(String calibration) {
    StringBuilder text = new StringBuilder("variable,category,target\n");
    for (Map<String, String> row : EstimateGolden.golden("calibrate_totals.csv")) {
      if (row.get("calibration").equals(calibration)) {
        text.append(row.get("variable")).append(',').append(row.get("category")).append(',')
            .append(row.get("target")).append('\n');
      }
    }
    Path path = dir.resolve(calibration + ".csv");
    try {
      Files.writeString(path, text.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return path;
  }

  private List<String> options(String design) {
    Path strat = EstimateGolden.copy(dir, "apistrat.csv");
    Path clus1 = EstimateGolden.copy(dir, "apiclus1.csv");
    List<String> calibrate = List.of("--base-weight", "pw", "--tolerance", "1e-12", "--max-iterations", "200");
    List<String> args = new ArrayList<>();
    switch (design) {
      case "strat_raking_bounded" -> {
        args.addAll(List.of("--data", strat.toString(), "--strata", "stype", "--fpc", "fpc", "--margins",
            totals("strat_raking_bounded").toString(), "--method", "calibrate", "--calfun", "raking", "--bounds",
            "0.5,2"));
        args.addAll(calibrate);
      }
      case "clus1_raked_trim" -> {
        args.addAll(List.of("--data", clus1.toString(), "--cluster", "dnum", "--fpc", "fpc", "--margins",
            totals("clus1_raking_numeric").toString(), "--calfun", "raking", "--trim", "28,50"));
        args.addAll(calibrate);
      }
      case "clus1" -> args.addAll(List.of("--data", clus1.toString(), "--weight", "pw", "--cluster", "dnum",
          "--fpc", "fpc"));
      case "strat" -> args.addAll(List.of("--data", strat.toString(), "--weight", "pw", "--strata", "stype",
          "--fpc", "fpc"));
      case "clus1_jk1" -> args.addAll(List.of("--data", clus1.toString(), "--weight", "pw", "--cluster", "dnum",
          "--fpc", "fpc", "--replicates", "JK1"));
      case "clus1_jk1_raking" -> {
        // the replicates made from the design, then every one calibrated with the full sample (R's calibrate of an
        // svyrep.design)
        args.addAll(List.of("--data", clus1.toString(), "--cluster", "dnum", "--fpc", "fpc", "--replicates", "JK1",
            "--margins", totals("clus1_raking_numeric").toString(), "--calfun", "raking"));
        args.addAll(calibrate);
      }
      default -> throw new IllegalArgumentException(design);
    }
    return args;
  }

  private JsonNode table(String design) throws IOException {
    Path json = dir.resolve(design + ".json");
    List<String> args = new ArrayList<>(List.of("table", "--id", "cds", "--rows", "awards", "--banner", "stype",
        "--quantiles", "api00:0.25,0.5,0.75", "--se", "--out", json.toString()));
    args.addAll(options(design));
    StringWriter err = new StringWriter();
    int code = Insight.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args.toArray(String[]::new));
    assertThat(code).as("%s: %s", args, err).isZero();
    return new ObjectMapper().readTree(json.toFile());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("designs")
  void percentagesTestsAndQuantiles_matchR(String design) throws IOException {
    JsonNode table = table(design);
    List<String> columns = new ArrayList<>();
    for (JsonNode column : table.path("columns")) {
      columns.add(column.path("variable").isNull() ? "Total"
          : column.path("variable").asText() + "=" + column.path("code").asText());
    }
    JsonNode awards = table.path("blocks").get(0);
    JsonNode quantiles = table.path("blocks").get(1);
    assertThat(quantiles.path("variable").asText()).isEqualTo("api00");
    int checked = 0;
    for (Map<String, String> row : EstimateGolden.golden("expected_table_weighting.csv")) {
      if (!row.get("design").equals(design)) {
        continue;
      }
      int column = columns.indexOf(row.get("column"));
      assertThat(column).as(row.get("column")).isNotNegative();
      String what = design + " " + row.get("row") + " " + row.get("column");
      String name = row.get("row");
      if (name.startsWith("awards=")) {
        JsonNode cell = row(awards, name.substring("awards=".length())).path("cells").get(column);
        assertClose(what, cell.path("columnPercent"), row.get("estimate"));
        assertClose(what + " se", cell.path("se"), row.get("se"));
      } else {
        JsonNode quantileRow = row(quantiles, name.substring("api00@".length()));
        assertThat(quantileRow.path("kind").asText()).isEqualTo("quantile");
        JsonNode cell = quantileRow.path("cells").get(column);
        assertClose(what + " quantile", cell.path("quantile"), row.get("estimate"));
        assertClose(what + " se", cell.path("se"), row.get("se"));
        assertClose(what + " ci_low", cell.path("ciLow"), row.get("ci_low"));
        assertClose(what + " ci_high", cell.path("ciHigh"), row.get("ci_high"));
      }
      checked++;
    }
    assertThat(checked).isEqualTo(2 * 4 + 3 * 4);
    Map<String, String> expected = EstimateGolden.golden("expected_table_weighting_tests.csv").stream()
        .filter(r -> r.get("design").equals(design)).findFirst().orElseThrow();
    JsonNode test = awards.path("tests").get(0);
    assertClose(design + " F", test.path("f"), expected.get("f"));
    assertClose(design + " ndf", test.path("ndf"), expected.get("ndf"));
    assertClose(design + " ddf", test.path("ddf"), expected.get("ddf"));
    assertClose(design + " p", test.path("fPValue"), expected.get("p"));
    String notes = table.path("notes").toString();
    if (design.equals("strat_raking_bounded")) {
      assertThat(notes).contains("calibrated (R's calibrate) with the raking distance, the g-weights (final over "
          + "starting weight) bounded to between 0.5 and 2", "starting from the weights in column pw",
          "Weighting report: calibrate raking: converged");
    } else if (design.equals("clus1_raked_trim")) {
      assertThat(notes).contains("then trimmed to between 28 and 50 (R's trimWeights", "Trimming report: trim: ");
    }
  }

  private static JsonNode row(JsonNode block, String code) {
    for (JsonNode row : block.path("rows")) {
      if (row.path("code").asText().equals(code)) {
        return row;
      }
    }
    throw new AssertionError("no row " + code + " in " + block.path("variable"));
  }

  private static void assertClose(String what, JsonNode actual, String expected) {
    if (expected.equals("NaN") || expected.equals("NA")) {
      assertThat(actual.isNull()).as("%s: %s vs R %s", what, actual, expected).isTrue();
      return;
    }
    double e = Double.parseDouble(expected);
    assertThat(actual.isNumber()).as("%s: %s vs R %s", what, actual, expected).isTrue();
    if (Math.abs(e) < 1e-9) {
      // a standard error R computes as zero up to rounding (a stratum the calibration fixes): zero here too
      assertThat(Math.abs(actual.asDouble())).as("%s: %s vs R %s", what, actual, expected).isLessThan(1e-9);
    } else {
      assertThat(Math.abs(actual.asDouble() - e) / Math.abs(e)).as("%s: %s vs R %s", what, actual, expected)
          .isLessThanOrEqualTo(RELATIVE);
    }
  }
}
