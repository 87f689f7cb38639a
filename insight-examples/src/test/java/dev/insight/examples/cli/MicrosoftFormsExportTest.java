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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workbook in the shape Microsoft Forms downloads (its fixed leading columns Id, Start time, Completion time,
 * Email, Name; time stamps as date cells; the question text as column name; multiple choices as options each
 * followed by {@code ;}) goes through describe, weight, estimate and table with no edits; the tables agree with
 * counts made here from the answers written; Email and Name stay out of the codebook unless asked for.
 */
class MicrosoftFormsExportTest {
  private static final List<String> SECTORS = List.of("NHS", "Local authority", "Voluntary sector");
  private static final List<String> TOPICS = List.of("Workforce", "Mental health", "Housing", "Older people");
  private static final List<String> SCALE = List.of("Very dissatisfied", "Dissatisfied",
      "Neither satisfied nor dissatisfied", "Satisfied", "Very satisfied");
  private static final int RESPONDENTS = 40;

  @TempDir
  Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Insight.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  private static String sector(int i) {
    return SECTORS.get(i % 3);
  }

  private static List<String> topics(int i) {
    List<String> chosen = new ArrayList<>();
    for (int t = 0; t < TOPICS.size(); t++) {
      if ((i >> t & 1) == 1 || (i % 4 == t && i % 16 == 0)) {
        chosen.add(TOPICS.get(t));
      }
    }
    return chosen;
  }

  private static String satisfaction(int i) {
    return i % 11 == 0 ? "" : SCALE.get(i * 7 % 5);
  }

  private Path export() throws IOException {
    StringBuilder rows = new StringBuilder(Workbooks.row(1, List.of("Id", "Start time", "Completion time", "Email",
        "Name", "Which sector do you work in?", "Which of these topics matter most to you?",
        "Overall, how satisfied are you with the draft strategy?", "Is there anything else you would like to tell us?")));
    for (int i = 1; i <= RESPONDENTS; i++) {
      int r = i + 1;
      double start = 45352 + i * 0.25;
      List<String> chosen = topics(i);
      rows.append("<row r=\"").append(r).append("\">")
          .append("<c r=\"A").append(r).append("\"><v>").append(i).append("</v></c>")
          .append("<c r=\"B").append(r).append("\" s=\"1\"><v>").append(start).append("</v></c>")
          .append("<c r=\"C").append(r).append("\" s=\"1\"><v>").append(start + 0.0625).append("</v></c>")
          .append(text("D" + r, "person" + i + "@example.org"))
          .append(text("E" + r, "Person " + i))
          .append(text("F" + r, sector(i)))
          .append(chosen.isEmpty() ? "" : text("G" + r, String.join(";", chosen) + ";"))
          .append(satisfaction(i).isEmpty() ? "" : text("H" + r, satisfaction(i)))
          .append(i % 5 == 0 ? text("I" + r, "More joined-up care, please.") : "")
          .append("</row>");
    }
    return Workbooks.write(dir.resolve("Consultation(1-40).xlsx"), "Sheet1", rows.toString(), true);
  }

  private static String text(String ref, String value) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + value + "</t></is></c>";
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

  @Test
  void formsWorkbook_asDownloaded_goesThroughDescribeWeightEstimateAndTable() throws IOException {
    Path data = export();

    Run describe = run("describe", "--data", data.toString(), "--json");
    assertThat(describe.code()).as(describe.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(describe.out());
    assertThat(root.path("format").asText()).isEqualTo("microsoft-forms");
    assertThat(root.path("respondents").asInt()).isEqualTo(RESPONDENTS);
    Map<String, JsonNode> variables = new LinkedHashMap<>();
    root.path("variables").forEach(v -> variables.put(v.path("name").asText(), v));
    assertThat(variables.keySet()).containsExactly("id", "start_time", "completion_time", "q1", "q2", "q3", "q4");
    assertThat(describe.out()).doesNotContain("example.org").doesNotContain("Person 1");
    assertThat(variables.get("id").path("type").asText()).isEqualTo("id");
    assertThat(variables.get("start_time").path("type").asText()).isEqualTo("date");
    assertThat(variables.get("q1").path("label").asText()).isEqualTo("Which sector do you work in?");
    assertThat(variables.get("q2").path("type").asText()).isEqualTo("multiple");
    List<String> options = new ArrayList<>();
    variables.get("q2").path("categories").forEach(c -> options.add(c.path("code").asText()));
    assertThat(options).containsExactlyInAnyOrderElementsOf(TOPICS);
    assertThat(variables.get("q3").path("type").asText()).isEqualTo("ordinal");
    List<String> scale = new ArrayList<>();
    variables.get("q3").path("categories").forEach(c -> scale.add(c.path("code").asText()));
    assertThat(scale).containsExactlyElementsOf(SCALE);
    assertThat(root.path("problems").toString()).contains("email and name hold personal data");

    Run personal = run("describe", "--data", data.toString(), "--json", "--personal");
    assertThat(personal.code()).as(personal.err()).isZero();
    assertThat(personal.out()).contains("\"email\"").contains("\"name\"");

    Path margins = dir.resolve("margins.csv");
    Files.writeString(margins, "variable,category,target\nq1,NHS,0.5\nq1,Local authority,0.3\n"
        + "q1,Voluntary sector,0.2\n");
    Path weights = dir.resolve("w.csv");
    Run weight = run("weight", "--data", data.toString(), "--id", "id", "--margins", margins.toString(), "--out",
        weights.toString());
    assertThat(weight.code()).as(weight.err()).isZero();
    Path estimate = dir.resolve("e.csv");
    Run estimated = run("estimate", "--data", data.toString(), "--id", "id", "--weights", weights.toString(),
        "--proportion", "q1=NHS", "--out", estimate.toString());
    assertThat(estimated.code()).as(estimated.err()).isZero();
    String[] all = Files.readAllLines(estimate).get(1).split(",");
    assertThat(Double.parseDouble(all[4])).isCloseTo(0.5, within(1e-6));

    Path table = dir.resolve("t.json");
    Run tabled = run("table", "--data", data.toString(), "--id", "id", "--unweighted", "--rows", "q3,q2",
        "--banner", "q1", "--boxes", "--out", table.toString());
    assertThat(tabled.code()).as(tabled.err()).isZero();
    JsonNode blocks = new ObjectMapper().readTree(table.toFile()).path("blocks");
    Map<String, Integer> expectedScale = new LinkedHashMap<>();
    for (String point : SCALE) {
      int n = 0;
      for (int i = 1; i <= RESPONDENTS; i++) {
        n += satisfaction(i).equals(point) ? 1 : 0;
      }
      expectedScale.put(point, n);
    }
    assertThat(totals(blocks.get(0))).containsExactlyEntriesOf(expectedScale);
    for (String topic : TOPICS) {
      int n = 0;
      for (int i = 1; i <= RESPONDENTS; i++) {
        n += topics(i).contains(topic) ? 1 : 0;
      }
      assertThat(totals(blocks.get(1))).as(topic).containsEntry(topic, n);
    }
  }
}
