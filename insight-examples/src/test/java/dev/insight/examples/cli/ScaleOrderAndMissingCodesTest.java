package dev.insight.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mean or a box on text is computed only in an order someone gave or insight recognises, never alphabetically,
 * and numeric missing codes are left out only when a codebook declares them, each said.
 */
class ScaleOrderAndMissingCodesTest {
  private static final String REFUSED = ": its answers are text in no order insight recognises (Amber, Green, Red), "
      + "so a mean would depend on an order nobody gave; give the order in a codebook (--codebook FILE, listing the "
      + "categories from lowest to highest, as insight describe --json writes them), or code the answers as numbers";

  @TempDir
  Path dir;
  private Path data;
  private Path weights;
  /** Rating (a text scale in no known order), satisfaction (a recognised scale), years (99 = don't know). */
  private final List<String[]> rows = new ArrayList<>();

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Insight.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeEach
  void write() throws IOException {
    String[] ratings = {"Green", "Amber", "Red", "Green", "Red", "Amber", "Green", "Green"};
    String[] satisfaction = {"Very satisfied", "Dissatisfied", "Don't know", "Satisfied", "Very dissatisfied",
        "Satisfied", "Neither satisfied nor dissatisfied", "Very satisfied"};
    String[] years = {"3", "12", "99", "7", "99", "1", "25", "4"};
    StringBuilder csv = new StringBuilder("id,rating,satisfaction,years\n");
    for (int i = 0; i < ratings.length; i++) {
      rows.add(new String[] {"R" + i, ratings[i], satisfaction[i], years[i]});
      csv.append("R").append(i).append(',').append(ratings[i]).append(',').append(satisfaction[i]).append(',')
          .append(years[i]).append('\n');
    }
    data = dir.resolve("survey.csv");
    Files.writeString(data, csv.toString());
    StringBuilder ones = new StringBuilder("id,weight\n");
    rows.forEach(r -> ones.append(r[0]).append(",1\n"));
    weights = dir.resolve("w.csv");
    Files.writeString(weights, ones.toString());
  }

  private double meanOf(JsonNode block) {
    for (JsonNode row : block.path("rows")) {
      if (row.path("kind").asText().equals("mean")) {
        return row.path("cells").get(0).path("mean").asDouble();
      }
    }
    throw new AssertionError("no mean row in " + block);
  }

  @Test
  void tableMeans_onTextInNoKnownOrder_isRefusedSayingHowToGiveTheOrder() {
    Path out = dir.resolve("t.json");
    Run run = run("table", "--data", data.toString(), "--unweighted", "--rows", "satisfaction", "--means",
        "rating", "--out", out.toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("insight table: --means rating" + REFUSED);
    assertThat(out).doesNotExist();
  }

  @Test
  void tableMeansWithBoxes_onTextInNoKnownOrder_isRefused() {
    Run run = run("table", "--data", data.toString(), "--unweighted", "--rows", "satisfaction", "--means",
        "rating", "--boxes", "--out", dir.resolve("t.json").toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("--means rating" + REFUSED);
  }

  @Test
  void estimateMean_onTextInNoKnownOrder_isRefusedSayingHowToGiveTheOrder() {
    Path out = dir.resolve("e.csv");
    Run run = run("estimate", "--data", data.toString(), "--weights", weights.toString(), "--mean", "rating", "--out", out.toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("insight estimate: --mean rating" + REFUSED);
    assertThat(out).doesNotExist();
  }

  @Test
  void estimateMean_onTextWithTheOrderInACodebook_scoresThePointsInThatOrder() throws IOException {
    Path codebook = dir.resolve("codebook.csv");
    Files.writeString(codebook, "variable,code,label\nrating,Red,Red\nrating,Amber,Amber\nrating,Green,Green\n");
    Path out = dir.resolve("e.csv");

    Run run = run("estimate", "--data", data.toString(), "--weights", weights.toString(), "--mean", "rating", "--codebook", codebook.toString(),
        "--out", out.toString());

    assertThat(run.code()).as(run.err()).isZero();
    List<String> order = List.of("Red", "Amber", "Green");
    double expected = rows.stream().mapToInt(r -> order.indexOf(r[1]) + 1).average().orElseThrow();
    assertThat(Double.parseDouble(Files.readAllLines(out).get(1).split(",")[4])).isCloseTo(expected,
        within(1e-12));
    assertThat(run.err()).contains("--mean rating: a text scale, scored 1 Red, 2 Amber, 3 Green");
  }

  @Test
  void tableMeans_onARecognisedScale_scoresItsPointsAndLeavesDontKnowOut() throws IOException {
    Path out = dir.resolve("t.json");
    Run run = run("table", "--data", data.toString(), "--unweighted", "--rows", "rating", "--means",
        "satisfaction", "--out", out.toString());

    assertThat(run.code()).as(run.err()).isZero();
    List<String> scale = List.of("Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied",
        "Satisfied", "Very satisfied");
    double expected = rows.stream().filter(r -> scale.contains(r[2])).mapToInt(r -> scale.indexOf(r[2]) + 1)
        .average().orElseThrow();
    JsonNode block = new ObjectMapper().readTree(out.toFile()).path("blocks").get(1);
    assertThat(meanOf(block)).isCloseTo(expected, within(1e-9));
    assertThat(run.err()).contains("--means satisfaction: a text scale, scored 1 Very dissatisfied, 2 Dissatisfied, "
        + "3 Neither satisfied nor dissatisfied, 4 Satisfied, 5 Very satisfied").contains("--means satisfaction: 1 answer of Don't know left out as missing");
  }

  @Test
  void numericMissingCode_declaredInACodebook_isLeftOutOfTheMeanAndSaid() throws IOException {
    Path codebook = dir.resolve("codebook.csv");
    Files.writeString(codebook, "variable,code,label,missing\nyears,99,Don't know,yes\n");
    Path out = dir.resolve("e.csv");

    Run run = run("estimate", "--data", data.toString(), "--weights", weights.toString(), "--mean", "years", "--codebook", codebook.toString(),
        "--out", out.toString());

    assertThat(run.code()).as(run.err()).isZero();
    double expected = rows.stream().filter(r -> !r[3].equals("99")).mapToInt(r -> Integer.parseInt(r[3]))
        .average().orElseThrow();
    assertThat(Double.parseDouble(Files.readAllLines(out).get(1).split(",")[4])).isCloseTo(expected,
        within(1e-12));
    assertThat(run.err()).contains("insight estimate: note: years: 2 answers of 99 (missing codes of the "
        + "codebook) left out of means, totals and bases");
  }

  @Test
  void numericMissingCode_declaredInACodebook_isLeftOutOfTotals() throws IOException {
    Path codebook = dir.resolve("codebook.csv");
    Files.writeString(codebook, "variable,code,label,missing\nyears,99,Don't know,yes\n");
    Path out = dir.resolve("e.csv");

    Run run = run("estimate", "--data", data.toString(), "--weights", weights.toString(), "--total", "years", "--codebook", codebook.toString(),
        "--out", out.toString());

    assertThat(run.code()).as(run.err()).isZero();
    double expected = rows.stream().filter(r -> !r[3].equals("99")).mapToInt(r -> Integer.parseInt(r[3])).sum();
    assertThat(Double.parseDouble(Files.readAllLines(out).get(1).split(",")[4])).isCloseTo(expected,
        within(1e-9));
    assertThat(run.err()).contains("insight estimate: note: years: 2 answers of 99 (missing codes of the "
        + "codebook) left out of means, totals and bases");
  }

  @Test
  void numericMissingCode_notDeclared_isCountedAsANumberAndDescribeSaysSo() throws IOException {
    Run describe = run("describe", "--data", data.toString(), "--json");

    assertThat(describe.code()).as(describe.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(describe.out());
    assertThat(root.path("problems").toString()).contains("years: the value 99 (2 answers) stands apart from the "
        + "others, as missing codes such as 99 \\\"Don't know\\\" do; it is counted as a number: if it means no "
        + "answer, declare it in a codebook (--codebook with the CSV header variable,code,label,missing and a row "
        + "such as years,99,Don't know,yes)")
        .contains("satisfaction: \\\"Don't know\\\" read as a missing code (no usable answer: left out of bases, "
            + "boxes and means) from its wording; a codebook can say otherwise");
  }

  @Test
  void describe_withTheCodebook_showsTheNumericMissingCodes() throws IOException {
    Path codebook = dir.resolve("codebook.csv");
    Files.writeString(codebook, "variable,code,label,missing\nyears,99,Don't know,yes\n");

    Run describe = run("describe", "--data", data.toString(), "--json", "--codebook", codebook.toString());

    assertThat(describe.code()).as(describe.err()).isZero();
    JsonNode years = null;
    for (JsonNode v : new ObjectMapper().readTree(describe.out()).path("variables")) {
      if (v.path("name").asText().equals("years")) {
        years = v;
      }
    }
    assertThat(years).isNotNull();
    assertThat(years.path("type").asText()).isEqualTo("numeric");
    assertThat(years.path("categories").toString()).isEqualTo(
        "[{\"code\":\"99\",\"label\":\"Don't know\",\"missing\":true}]");
  }

  @Test
  void tableMeans_onNumbersWithATypo_namesTheLineColumnAndValue() throws IOException {
    Path typo = dir.resolve("typo.csv");
    Files.writeString(typo, "id,sector,years\nR1,NHS,3\nR2,NHS,40f\nR3,Police,7\n");

    Run run = run("table", "--data", typo.toString(), "--unweighted", "--rows", "sector", "--means", "years",
        "--out", dir.resolve("t.json").toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains(typo + ":3: column \"years\", value \"40f\"");
  }
}
