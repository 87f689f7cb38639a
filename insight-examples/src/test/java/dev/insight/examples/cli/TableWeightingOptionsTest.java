package dev.insight.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code insight table} with the weighting options of {@code insight weight} and {@code estimate}, and quantile rows:
 * options that do not fit together, or values that cannot be right, fail with a message naming the option and the
 * value, and write nothing.
 */
class TableWeightingOptionsTest {
  @TempDir
  Path dir;

  private Path data;
  private Path margins;
  private Path out;

  private record Run(int code, String out, String err) {}

  @BeforeEach
  void files() throws Exception {
    data = EstimateGolden.copy(dir, "apistrat.csv");
    margins = dir.resolve("margins.csv");
    Files.writeString(margins, "variable,category,target\nstype,E,4421\nstype,H,755\nstype,M,1018\n");
    out = dir.resolve("t.json");
  }

  private Run table(String... more) {
    List<String> args = new ArrayList<>(List.of("table", "--data", data.toString(), "--id", "cds", "--rows",
        "awards", "--banner", "sch.wide", "--out", out.toString()));
    args.addAll(List.of(more));
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = Insight.run(new PrintWriter(o), new PrintWriter(e), args.toArray(String[]::new));
    return new Run(code, o.toString(), e.toString());
  }

  private void assertRefused(Run run, String message) {
    assertThat(run.code()).as(run.err()).isEqualTo(1);
    assertThat(run.err()).contains(message).doesNotContain("Exception", "\tat ");
    assertThat(out).doesNotExist();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--calfun raking|--calfun applies to weighting to --margins; give --margins M.csv, or leave --calfun out",
      "--trim 20,60|--trim applies to weighting to --margins",
      "--base-weight pw|--base-weight applies to weighting to --margins",
      "--population 6194|--population applies to weighting to --margins"})
  void weightingOptionWithoutMargins_isRefusedNamingIt(String option, String message) {
    List<String> args = new ArrayList<>(List.of("--weight", "pw"));
    args.addAll(List.of(option.split(" ")));

    assertRefused(table(args.toArray(String[]::new)), message);
  }

  @Test
  void calfunWithAnotherMethod_isRefused() {
    assertRefused(table("--margins", margins.toString(), "--method", "rake", "--calfun", "raking"),
        "--calfun applies to --method calibrate, not rake");
  }

  @Test
  void trimBoundsReversed_isRefused() {
    assertRefused(table("--margins", margins.toString(), "--base-weight", "pw", "--trim", "50,28"),
        "--trim 50,28: LOW must be below HIGH, such as 0,150");
  }

  @Test
  void calibrationBoundsReversed_isRefused() {
    assertRefused(table("--margins", margins.toString(), "--base-weight", "pw", "--calfun", "raking", "--bounds",
        "2,0.5"), "--bounds 2,0.5: LOW must be below HIGH, such as 0.3,3");
  }

  @Test
  void trimStrictWithoutTrim_isRefused() {
    assertRefused(table("--margins", margins.toString(), "--trim-strict"), "--trim-strict applies to --trim");
  }

  @Test
  void weightsAndMarginsTogether_areRefused() {
    assertRefused(table("--weight", "pw", "--margins", margins.toString()),
        "give one of --weights, --weight, --unweighted or --margins, not two (to weight to --margins from the "
            + "weights of a column, give it as --base-weight COL)");
  }

  @Test
  void noWeights_isRefusedListingTheWays() {
    assertRefused(table(), "give one of --weights, --weight, --unweighted or --margins");
  }

  @Test
  void replicateColumnsWithMarginsButNoBaseWeight_areRefused() throws Exception {
    Path replicates = EstimateGolden.copy(dir, "apiclus1_replicates.csv");
    data = replicates;
    assertRefused(table("--margins", margins.toString(), "--repweights", "jk1_", "--type", "JK1"),
        "--repweights with --margins needs --base-weight COL");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "api00:1.5|--quantiles api00:1.5: probability 1.5 is not in (0, 1]",
      "api00:0.5,0.5|--quantiles api00:0.5,0.5: probability 0.5 is given twice",
      "api00|--quantiles api00: expected VAR:P1[,P2...]",
      "nosuch:0.5|quantile row variable nosuch does not exist in apistrat.csv"})
  void badQuantiles_areRefused(String quantiles, String message) {
    assertRefused(table("--weight", "pw", "--quantiles", quantiles), message);
  }

  @Test
  void quantilesOfTextAnswers_areRefusedNamingTheColumn() {
    Run run = table("--weight", "pw", "--quantiles", "stype:0.5");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("stype").doesNotContain("Exception");
    assertThat(out).doesNotExist();
  }

  @Test
  void noQuestions_isRefused() {
    StringWriter e = new StringWriter();
    int code = Insight.run(new PrintWriter(new StringWriter()), new PrintWriter(e), "table", "--data",
        data.toString(), "--id", "cds", "--weight", "pw", "--out", out.toString());

    assertThat(code).isEqualTo(1);
    assertThat(e.toString()).contains("give the questions down the side: --rows, --means, --quantiles or --medians");
  }

  @Test
  void mediansShorthand_isTheQuantileAtOneHalf() throws Exception {
    Run median = table("--weight", "pw", "--medians", "api00,api99");
    assertThat(median.code()).as(median.err()).isZero();
    String medians = Files.readString(out);
    Files.delete(out);
    Run quantile = table("--weight", "pw", "--quantiles", "api00:0.5", "--quantile", "api99:0.5");
    assertThat(quantile.code()).as(quantile.err()).isZero();

    assertThat(medians).isEqualTo(Files.readString(out)).contains("\"label\" : \"Median\"");
  }

  @Test
  void quantileRowsInAWorkbook_areNumbersWithTheirIntervalAndStandardErrorUnderThem() throws Exception {
    Path json = dir.resolve("q.json");
    out = dir.resolve("q.xlsx");
    assertThat(table("--weight", "pw", "--strata", "stype", "--fpc", "fpc", "--quantiles", "api00:0.25,0.5")
        .code()).isZero();
    Path xlsx = out;
    out = json;
    assertThat(table("--weight", "pw", "--strata", "stype", "--fpc", "fpc", "--quantiles", "api00:0.25,0.5")
        .code()).isZero();
    JsonNode median = new ObjectMapper().readTree(json.toFile()).path("blocks").get(1).path("rows").get(1).path("cells").get(0);

    try (InputStream in = Files.newInputStream(xlsx); ReadableWorkbook workbook = new ReadableWorkbook(in)) {
      List<Row> rows = workbook.getSheets().toList().get(2).read();
      int at = 0;
      while (!"Median".equals(rows.get(at).getCellText(0))) {
        at++;
      }
      assertThat(rows.get(at).getCell(1).asNumber().doubleValue()).isEqualTo(median.path("quantile").asDouble());
      assertThat(rows.get(at + 1).getCellText(0)).isEqualTo("  Lower 95% limit");
      assertThat(rows.get(at + 1).getCell(1).asNumber().doubleValue()).isEqualTo(median.path("ciLow").asDouble());
      assertThat(rows.get(at + 2).getCell(1).asNumber().doubleValue()).isEqualTo(median.path("ciHigh").asDouble());
      assertThat(rows.get(at + 3).getCellText(0)).isEqualTo("  Standard error");
      assertThat(rows.get(at + 3).getCell(1).asNumber().doubleValue()).isEqualTo(median.path("se").asDouble());
    }
  }
}
