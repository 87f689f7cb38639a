package dev.insight.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reading contract every survey command shares: one rule for weights files, margins as counts or shares meaning
 * the same in weight, estimate, table and report, and the data read alike (encodings, delimiters) by each.
 */
class InputContractTest {
  @TempDir
  Path dir;
  private Path data;
  private Path counts;
  private Path shares;
  private Path weights;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Insight.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
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

  @BeforeEach
  void files() throws IOException {
    data = resource("staff_survey.csv");
    counts = resource("margins.csv");
    weights = resource("expected_rake_weights.csv");
    // the same margins as shares: each count over its margin's total (103,000 in every margin)
    Map<String, Double> totals = new LinkedHashMap<>();
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(counts).subList(1, Files.readAllLines(counts).size())) {
      String[] f = line.replace("\"", "").split(",");
      rows.add(f);
      totals.merge(f[0], Double.parseDouble(f[2]), Double::sum);
    }
    StringBuilder text = new StringBuilder("variable,category,target\n");
    for (String[] f : rows) {
      text.append(f[0]).append(',').append(f[1]).append(',').append(Double.parseDouble(f[2]) / totals.get(f[0]))
          .append('\n');
    }
    shares = dir.resolve("shares.csv");
    Files.writeString(shares, text);
  }

  private static List<String[]> csv(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(l -> l.replace("\"", "").split(",", -1))
        .toList();
  }

  /** The (all) row of an estimate: unweighted_n, weighted_n, effective_n, estimate, se, ..., deff. */
  private String[] estimateAll(String... weighting) throws IOException {
    Path out = dir.resolve("e.csv");
    List<String> args = new ArrayList<>(List.of("estimate", "--data", data.toString(), "--id", "id",
        "--proportion", "pri_housing", "--out", out.toString()));
    args.addAll(List.of(weighting));
    Run run = run(args.toArray(String[]::new));
    assertThat(run.code()).as(run.err()).isZero();
    return csv(out).get(1);
  }

  /** The Total base of a table of pri_housing by sector: unweighted, weighted, effective. */
  private JsonNode tableTotalBase(String... weighting) throws IOException {
    Path out = dir.resolve("t.json");
    List<String> args = new ArrayList<>(List.of("table", "--data", data.toString(), "--id", "id",
        "--rows", "pri_housing", "--banner", "sector", "--out", out.toString()));
    args.addAll(List.of(weighting));
    Run run = run(args.toArray(String[]::new));
    assertThat(run.code()).as(run.err()).isZero();
    return new ObjectMapper().readTree(out.toFile()).path("blocks").get(0).path("bases").get(0);
  }

  @Test
  void sharesWithoutPopulation_scaleTheWeightsToTheSampleInEveryCommand() throws IOException {
    Path w = dir.resolve("w.csv");
    Run weight = run("weight", "--data", data.toString(), "--id", "id", "--margins", shares.toString(), "--out",
        w.toString());
    assertThat(weight.code()).as(weight.err()).isZero();
    double sum = csv(w).stream().skip(1).mapToDouble(f -> Double.parseDouble(f[1])).sum();
    assertThat(sum).isCloseTo(759, within(1e-6));

    String[] estimate = estimateAll("--margins", shares.toString());
    JsonNode table = tableTotalBase("--margins", shares.toString());
    JsonNode fromWeights = tableTotalBase("--weights", w.toString());
    String[] estimateFromWeights = estimateAll("--weights", w.toString());

    assertThat(Double.parseDouble(estimate[2])).isCloseTo(759, within(1e-6));
    assertThat(table.path("weighted").asDouble()).isCloseTo(759, within(1e-6));
    assertThat(fromWeights.path("weighted").asDouble()).isCloseTo(759, within(1e-6));
    assertThat(Double.parseDouble(estimateFromWeights[2])).isCloseTo(759, within(1e-6));
    double effective = Double.parseDouble(estimate[3]);
    assertThat(table.path("effective").asDouble()).isCloseTo(effective, within(1e-6));
    assertThat(fromWeights.path("effective").asDouble()).isCloseTo(effective, within(1e-6));
    assertThat(Double.parseDouble(estimateFromWeights[3])).isCloseTo(effective, within(1e-6));
    // against sampling with replacement (golden/deff_shares.R in insight-stats): 1.04169172013
    assertThat(Double.parseDouble(estimate[8])).isCloseTo(1.04169172013, within(1e-6));
  }

  @Test
  void sharesWithPopulation_weighExactlyAsTheCounts() throws IOException {
    Path fromCounts = dir.resolve("wc.csv");
    Path fromShares = dir.resolve("ws.csv");
    assertThat(run("weight", "--data", data.toString(), "--id", "id", "--margins", counts.toString(), "--out",
        fromCounts.toString()).code()).isZero();
    assertThat(run("weight", "--data", data.toString(), "--id", "id", "--margins", shares.toString(),
        "--population", "103000", "--out", fromShares.toString()).code()).isZero();
    List<String[]> a = csv(fromCounts);
    List<String[]> b = csv(fromShares);
    assertThat(b).hasSameSizeAs(a);
    for (int i = 1; i < a.size(); i++) {
      assertThat(Double.parseDouble(b.get(i)[1])).isCloseTo(Double.parseDouble(a.get(i)[1]),
          within(1e-6 * Double.parseDouble(a.get(i)[1])));
    }
    String[] estimate = estimateAll("--margins", shares.toString(), "--population", "103000");
    assertThat(Double.parseDouble(estimate[2])).isCloseTo(103000, within(1e-6));
    assertThat(tableTotalBase("--margins", shares.toString(), "--population", "103000").path("weighted")
        .asDouble()).isCloseTo(103000, within(1e-4));
  }

  @Test
  void populationDisagreeingWithCounts_isRefused() {
    Run run = run("weight", "--data", data.toString(), "--id", "id", "--margins", counts.toString(),
        "--population", "5000", "--out", dir.resolve("w.csv").toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).isEqualToIgnoringNewLines("insight weight: --population 5000 differs from the total of "
        + "the counts in margins.csv (103000); give shares with --population, or counts alone");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "NaN|value \"NaN\", weight of respondent R0003 is not a number",
      "-1.5|value \"-1.5\", weight of respondent R0003 is negative",
      "Infinity|value \"Infinity\", weight of respondent R0003 is not a number",
      "0x1p3|value \"0x1p3\", weight of respondent R0003 is not a number",
      "40f|value \"40f\", weight of respondent R0003 is not a number",
      "1e400|value \"1e400\", weight of respondent R0003 is too large a number (beyond 1.8e308)",
      "''|value \"\", weight of respondent R0003 is blank"})
  void badWeight_isRefusedAlikeByEstimateAndTable(String weight, String message) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(weights));
    lines.set(3, "R0003," + weight);
    Files.write(weights, lines);
    String expected = weights + ":4: column \"weight\", " + message;

    Run estimate = run("estimate", "--data", data.toString(), "--id", "id", "--weights", weights.toString(),
        "--proportion", "pri_housing", "--out", dir.resolve("e.csv").toString());
    Run table = run("table", "--data", data.toString(), "--id", "id", "--weights", weights.toString(), "--rows",
        "pri_housing", "--out", dir.resolve("t.csv").toString());

    assertThat(estimate.code()).isEqualTo(1);
    assertThat(table.code()).isEqualTo(1);
    assertThat(estimate.err()).startsWith("insight estimate: " + expected);
    assertThat(table.err()).startsWith("insight table: " + expected);
    assertThat(dir.resolve("e.csv")).doesNotExist();
    assertThat(dir.resolve("t.csv")).doesNotExist();
  }

  @Test
  void zeroOrAbsentWeight_leavesTheRespondentOutOfEveryCommandAlikeAndSaysSo() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(weights));
    lines.set(3, "R0003,0");
    lines.remove(5);
    Files.write(weights, lines);

    Run estimate = run("estimate", "--data", data.toString(), "--id", "id", "--weights", weights.toString(),
        "--proportion", "pri_housing", "--out", dir.resolve("e.csv").toString());
    Path t = dir.resolve("t.json");
    Run table = run("table", "--data", data.toString(), "--id", "id", "--weights", weights.toString(), "--rows",
        "pri_housing", "--out", t.toString());

    String note = "2 respondents have no weight above 0 in " + weights + " (the first: R0003) and are left out of "
        + "the weighted sample";
    assertThat(estimate.err()).isEqualToIgnoringNewLines("insight estimate: note: " + note);
    assertThat(table.err()).isEqualToIgnoringNewLines("insight table: note: " + note);
    assertThat(csv(dir.resolve("e.csv")).get(1)[1]).isEqualTo("757");
    JsonNode base = new ObjectMapper().readTree(t.toFile()).path("blocks").get(0).path("bases").get(0);
    assertThat(base.path("unweighted").asInt()).isEqualTo(757);
    assertThat(base.path("weighted").asDouble()).isCloseTo(Double.parseDouble(csv(dir.resolve("e.csv")).get(1)[2]),
        within(1e-6));
  }

  @Test
  void blankByValue_isCountedAndSaid() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(data));
    lines.set(2, lines.get(2).replace("\"NHS\"", "\"\""));
    Files.write(data, lines);

    Run estimate = run("estimate", "--data", data.toString(), "--id", "id", "--weights", weights.toString(),
        "--proportion", "pri_housing", "--by", "sector", "--out", dir.resolve("e.csv").toString());
    Run table = run("table", "--data", data.toString(), "--id", "id", "--weights", weights.toString(), "--rows",
        "pri_housing", "--banner", "sector", "--out", dir.resolve("t.csv").toString());

    assertThat(estimate.err()).isEqualToIgnoringNewLines("insight estimate: note: 1 respondent has no answer to "
        + "--by sector (the first: R0002); counted in (all), in no subgroup");
    assertThat(table.err()).isEqualToIgnoringNewLines("insight table: note: 1 respondent has no answer to the "
        + "banner variable sector (the first: R0002); counted in Total, in no sector column");
  }

  @Test
  void dataInWindows1252WithSemicolons_isReadWithItsEncodingAndRefusedWithout() throws IOException {
    String text = Files.readString(data).replace(",", ";").replace("\"NHS\"", "\"NHS – Trust\"");
    Path ansi = dir.resolve("ansi.csv");
    Files.write(ansi, text.getBytes(Charset.forName("windows-1252")));

    Run refused = run("table", "--data", ansi.toString(), "--id", "id", "--weights", weights.toString(),
        "--rows", "pri_housing", "--banner", "sector", "--out", dir.resolve("t.csv").toString());
    Run read = run("table", "--data", ansi.toString(), "--id", "id", "--weights", weights.toString(),
        "--rows", "pri_housing", "--banner", "sector", "--encoding", "windows-1252", "--out",
        dir.resolve("t.csv").toString());

    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).startsWith("insight table: " + ansi + ":2: value \"0x96\", bytes not valid in UTF-8 "
        + "at byte offset ");
    assertThat(read.code()).as(read.err()).isZero();
    assertThat(read.err()).isEqualToIgnoringNewLines("insight table: note: " + ansi + ":1: fields are "
        + "semicolon-delimited (detected from the header)");
    assertThat(Files.readString(dir.resolve("t.csv"))).contains("NHS – Trust");
  }
}
