package dev.insight.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export as a survey platform writes it (byte-order mark, CRLF, question text as headers, a text satisfaction
 * scale, a multiple choice joined in one cell) through describe and table, the table's counts checked against
 * counts made here from the raw file.
 */
class ExportTablesTest {
  private static final String SATISFACTION = "How satisfied are you with the strategy?";
  private static final String TOPICS = "Which topics matter most to you?";

  @TempDir
  Path dir;
  private Path data;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Insight.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeEach
  void copy() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/exports/scale-and-choices.csv")) {
      data = dir.resolve("export.csv");
      Files.copy(in, data, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The raw file's records, split here without insight's reader (quotes hold commas, never quotes). */
  private List<List<String>> raw() {
    try {
      String text = Files.readString(data, StandardCharsets.UTF_8).replace("\uFEFF", "");
      List<List<String>> records = new ArrayList<>();
      for (String line : text.split("\r\n")) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
          if (c == '"') {
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
      return records.subList(1, records.size());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode table(String... extra) throws IOException {
    Path out = dir.resolve("t.json");
    List<String> args = new ArrayList<>(List.of("table", "--data", data.toString(), "--id", "id", "--unweighted",
        "--out", out.toString()));
    args.addAll(List.of(extra));
    Run run = run(args.toArray(String[]::new));
    assertThat(run.code()).as(run.err()).isZero();
    return new ObjectMapper().readTree(out.toFile());
  }

  /** Code to the Total column's unweighted count, for each row of a block. */
  private static Map<String, Integer> totals(JsonNode block) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (JsonNode row : block.path("rows")) {
      if (row.path("kind").asText().equals("category") || row.path("kind").asText().equals("option")) {
        counts.put(row.path("code").asText(), row.path("cells").get(0).path("unweightedCount").asInt());
      }
    }
    return counts;
  }

  @Test
  void table_textScale_isInItsNaturalOrderWithBoxesAndCountsAsInTheFile() throws IOException {
    JsonNode block = table("--rows", SATISFACTION, "--boxes").path("blocks").get(0);

    Map<String, Integer> expected = new LinkedHashMap<>();
    for (String point : List.of("Very dissatisfied", "Fairly dissatisfied", "Neither satisfied nor dissatisfied",
        "Fairly satisfied", "Very satisfied")) {
      expected.put(point, (int) raw().stream().filter(r -> r.get(2).equals(point)).count());
    }
    assertThat(totals(block)).containsExactlyEntriesOf(expected);
    int top2 = expected.get("Fairly satisfied") + expected.get("Very satisfied");
    JsonNode box = null;
    for (JsonNode row : block.path("rows")) {
      if (row.path("code").asText().equals("top2")) {
        box = row;
      }
    }
    assertThat(box).isNotNull();
    assertThat(box.path("cells").get(0).path("unweightedCount").asInt()).isEqualTo(top2);
  }

  @Test
  void table_choicesJoinedInOneCell_areOptionsOfOneQuestionNotCombinations() throws IOException {
    JsonNode block = table("--rows", TOPICS, "--banner", "sector").path("blocks").get(0);

    Map<String, Integer> expected = new TreeMap<>();
    for (List<String> r : raw()) {
      for (String topic : r.get(3).split(", ")) {
        if (!topic.isEmpty()) {
          expected.merge(topic, 1, Integer::sum);
        }
      }
    }
    assertThat(totals(block)).containsExactlyEntriesOf(expected);
    long answered = raw().stream().filter(r -> !r.get(3).isEmpty()).count();
    assertThat(block.path("bases").get(0).path("unweighted").asLong()).isEqualTo(answered);
  }

  @Test
  void table_boxesOnTextInNoKnownOrder_areRefusedSayingHowToGiveTheOrder() {
    Run run = run("table", "--data", data.toString(), "--id", "id", "--unweighted", "--rows", "sector",
        "--boxes", "--out", dir.resolve("t.csv").toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).isEqualToIgnoringNewLines("insight table: --boxes on sector: its answers are text in no "
        + "order insight recognises (County council, NHS, VCFSE), so the top and bottom boxes are unknown; give the "
        + "order in a codebook (--codebook FILE, listing the categories from lowest to highest, as insight describe "
        + "--json writes them), or code the answers as numbers");
    assertThat(dir.resolve("t.csv")).doesNotExist();
  }

  @Test
  void table_codebookGivingTheOrder_showsTheCategoriesInThatOrder() throws IOException {
    Path codebook = dir.resolve("codebook.csv");
    Files.writeString(codebook, "variable,code,label\nsector,VCFSE,Voluntary\nsector,County council,Council\n"
        + "sector,NHS,NHS\ncontact,No,No\ncontact,Yes,Yes\n");

    JsonNode block = table("--rows", "sector", "--codebook", codebook.toString()).path("blocks").get(0);

    assertThat(totals(block).keySet()).containsExactly("VCFSE", "County council", "NHS");
  }

  @Test
  void describe_json_hasTheDocumentedShape() throws IOException {
    Run run = run("describe", "--data", data.toString(), "--json");

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertThat(root.fieldNames()).toIterable().containsExactly("format", "encoding", "respondents", "problems",
        "variables");
    assertThat(root.path("format").asText()).isEqualTo("csv");
    assertThat(root.path("encoding").asText()).isEqualTo("UTF-8");
    assertThat(root.path("respondents").asInt()).isEqualTo(raw().size());
    assertThat(root.path("problems")).hasSize(1);
    assertThat(root.path("problems").get(0).asText()).endsWith(SATISFACTION + ": \"Don't know\" read as a missing "
        + "code (no usable answer: left out of bases, boxes and means) from its wording; a codebook can say otherwise");
    List<String> types = new ArrayList<>();
    for (JsonNode v : root.path("variables")) {
      assertThat(v.fieldNames()).toIterable().containsExactly("name", "label", "type", "categories", "columns");
      types.add(v.path("type").asText());
      for (JsonNode c : v.path("categories")) {
        List<String> fields = new ArrayList<>();
        c.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).isEqualTo(c.path("missing").asBoolean() ? List.of("code", "label", "missing")
            : List.of("code", "label"));
      }
    }
    assertThat(types).containsExactly("id", "single", "ordinal", "multiple", "single");
    JsonNode scale = root.path("variables").get(2);
    assertThat(scale.path("categories").get(0).path("code").asText()).isEqualTo("Very dissatisfied");
    assertThat(scale.path("categories").get(5).path("code").asText()).isEqualTo("Don't know");
    assertThat(scale.path("categories").get(5).path("missing").asBoolean()).isTrue();
    assertThat(scale.path("columns").get(0).asText()).isEqualTo(SATISFACTION);
  }
}
