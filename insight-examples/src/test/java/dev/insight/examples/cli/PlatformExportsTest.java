package dev.insight.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Exports in the shape Qualtrics and SurveyMonkey download them (made from their documented layouts: three header
 * rows with import ids; two header rows with one column per option holding the option text) go through describe,
 * weight, estimate and table with no edits, and the tables agree with counts made here from the raw file.
 */
class PlatformExportsTest {
  private static final List<String> SCALE = List.of("Very dissatisfied", "Dissatisfied",
      "Neither satisfied nor dissatisfied", "Satisfied", "Very satisfied");
  private static final List<String> TOPICS = List.of("Workforce", "Mental health", "Housing", "Older people");

  @TempDir
  Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Insight.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path copy(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/exports/" + name)) {
      Path target = dir.resolve(name);
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    }
  }

  /** The raw records, split here without insight's reader (RFC 4180 quotes, no line breaks in fields). */
  private static List<List<String>> records(Path file) throws IOException {
    List<List<String>> records = new ArrayList<>();
    for (String line : Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "").split("\r\n")) {
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = !quoted;
        } else if (c == ',' && !quoted) {
          fields.add(field.toString());
          field.setLength(0);
        } else {
          field.append(c);
        }
      }
      fields.add(field.toString());
      records.add(fields);
    }
    return records;
  }

  private static Map<String, Integer> totals(JsonNode block) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (JsonNode row : block.path("rows")) {
      String kind = row.path("kind").asText();
      if (kind.equals("category") || kind.equals("option")) {
        counts.put(row.path("label").asText(), row.path("cells").get(0).path("unweightedCount").asInt());
      }
    }
    return counts;
  }

  @ParameterizedTest
  @CsvSource({"qualtrics.csv,3,ResponseId,8,Q1,Q2,Q3,18,Q2", "surveymonkey.csv,2,respondent_id,0,q1,q2_*,q3,10,q2"})
  void export_asDownloaded_goesThroughDescribeWeightEstimateAndTable(String name, int headerRows, String id,
      int idAt, String sector, String topics, String satisfaction, int topicsAt, String topicsName)
      throws IOException {
    Path data = copy(name);
    List<List<String>> raw = records(data);
    List<List<String>> rows = raw.subList(headerRows, raw.size());
    int sectorAt = topicsAt - 1;
    int satisfactionAt = name.startsWith("qualtrics") ? topicsAt + 2 : topicsAt + 5;

    Run describe = run("describe", "--data", data.toString(), "--json");
    assertThat(describe.code()).as(describe.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(describe.out());
    assertThat(root.path("respondents").asInt()).isEqualTo(rows.size());
    assertThat(root.path("format").asText()).isEqualTo(name.replace(".csv", ""));
    Map<String, JsonNode> variables = new LinkedHashMap<>();
    root.path("variables").forEach(v -> variables.put(v.path("name").asText(), v));
    assertThat(variables.get(id).path("type").asText()).isEqualTo("id");
    assertThat(variables.get(sector).path("type").asText()).isEqualTo("single");
    assertThat(variables.get(sector).path("label").asText()).isEqualTo("Which sector do you work in?");
    assertThat(variables.get(topicsName).path("type").asText()).isEqualTo("multiple");
    assertThat(variables.get(satisfaction).path("type").asText()).isEqualTo("ordinal");
    List<String> scale = new ArrayList<>();
    variables.get(satisfaction).path("categories").forEach(c -> scale.add(c.path("code").asText()));
    assertThat(scale).containsExactlyElementsOf(SCALE);

    Path margins = dir.resolve("margins.csv");
    Files.writeString(margins, "variable,category,target\n" + sector + ",NHS,0.5\n" + sector
        + ",Local authority,0.3\n" + sector + ",Voluntary sector,0.2\n");
    Path weights = dir.resolve("w.csv");
    Run weight = run("weight", "--data", data.toString(), "--id", id, "--margins", margins.toString(), "--out",
        weights.toString());
    assertThat(weight.code()).as(weight.err()).isZero();
    Path estimate = dir.resolve("e.csv");
    Run estimated = run("estimate", "--data", data.toString(), "--id", id, "--weights", weights.toString(),
        "--proportion", sector + "=NHS", "--out", estimate.toString());
    assertThat(estimated.code()).as(estimated.err()).isZero();
    String[] all = Files.readAllLines(estimate).get(1).split(",");
    assertThat(Double.parseDouble(all[4])).isCloseTo(0.5, within(1e-6));
    assertThat(Double.parseDouble(all[2])).isCloseTo(rows.size(), within(1e-6));

    Path table = dir.resolve("t.json");
    Run tabled = run("table", "--data", data.toString(), "--id", id, "--unweighted", "--rows",
        satisfaction + "," + topics, "--banner", sector, "--boxes", "--out", table.toString());
    assertThat(tabled.code()).as(tabled.err()).isZero();
    JsonNode blocks = new ObjectMapper().readTree(table.toFile()).path("blocks");
    Map<String, Integer> expectedScale = new LinkedHashMap<>();
    SCALE.forEach(p -> expectedScale.put(p, (int) rows.stream().filter(r -> r.get(satisfactionAt).equals(p))
        .count()));
    assertThat(totals(blocks.get(0))).containsExactlyEntriesOf(expectedScale);
    for (String topic : TOPICS) {
      long chosen = rows.stream().filter(r -> r.subList(topicsAt, topicsAt + 4).contains(topic)
          || List.of(r.get(topicsAt).split(",")).contains(topic)).count();
      assertThat(totals(blocks.get(1))).as(topic).containsEntry(topic, (int) chosen);
    }
    long sectorNhs = rows.stream().filter(r -> r.get(sectorAt).equals("NHS")).count();
    Path weighted = dir.resolve("tw.json");
    assertThat(run("table", "--data", data.toString(), "--id", id, "--weights", weights.toString(), "--rows",
        satisfaction, "--banner", sector, "--out", weighted.toString()).code()).isZero();
    JsonNode bases = new ObjectMapper().readTree(weighted.toFile()).path("blocks").get(0).path("bases");
    long answered = rows.stream().filter(r -> !r.get(satisfactionAt).isEmpty()).count();
    assertThat(bases.get(0).path("unweighted").asLong()).isEqualTo(answered);
    assertThat(sectorNhs).isPositive();
    assertThat(idAt).isEqualTo(raw.get(0).indexOf(id.equals("respondent_id") ? "Respondent ID" : id));
  }
}
