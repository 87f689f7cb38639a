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
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An export in the shape each of six platforms downloads it (SurveyMonkey, Qualtrics, SmartSurvey, Microsoft Forms,
 * Google Forms, Citizen Space; see {@code exports/generate.py}) goes through describe, weight, estimate, table and
 * report as downloaded, with no {@code --id} and no edits, and every count agrees with a count made here from the
 * raw file with plain string handling (a quote-aware split of CSV lines; the worksheet's XML for the workbook),
 * never with insight's reader.
 */
class SixPlatformsEndToEndTest {
  private static final List<String> SCALE = List.of("Very dissatisfied", "Dissatisfied",
      "Neither satisfied nor dissatisfied", "Satisfied", "Very satisfied");
  private static final List<String> OLD_TOPICS = List.of("Workforce", "Mental health", "Housing", "Older people");
  private static final List<String> TOPICS = List.of("Workforce", "Mental health", "Housing, including homelessness",
      "Older people");

  @TempDir
  Path dir;

  /**
   * One platform's export and where its questions are in the raw file.
   *
   * @param file the export
   * @param format what describe says the format is
   * @param headerRows rows before the first respondent
   * @param idAt the raw column of the respondent id, or -1 when respondents are identified by their line
   * @param sector the sector variable's name, and {@code sectorAt} its raw column
   * @param topics the --rows name of the topics question, {@code priorities} the report's --priorities
   * @param topicsAt the raw topics columns: one column of joined choices, or one column per option
   * @param satisfaction the satisfaction variable's name, {@code satisfactionAt} its raw column
   * @param comment the comment variable's name
   * @param options the topics' option texts
   */
  record Platform(String file, String format, int headerRows, int idAt, String sector, int sectorAt, String topics,
      String priorities, List<Integer> topicsAt, String satisfaction, int satisfactionAt, String comment,
      List<String> options) {
    @Override
    public String toString() {
      return format;
    }
  }

  static Stream<Arguments> platforms() {
    return Stream.of(
        new Platform("surveymonkey.csv", "surveymonkey", 2, 0, "q1", 9, "q2_*", "q2_1,q2_2,q2_3,q2_4",
            List.of(10, 11, 12, 13), "q3", 15, "q4", OLD_TOPICS),
        new Platform("qualtrics.csv", "qualtrics", 3, 8, "Q1", 17, "Q2", "Q2", List.of(18), "Q3", 20, "Q4",
            OLD_TOPICS),
        new Platform("smartsurvey.csv", "smartsurvey", 1, 0, "q1", 9, "q2_*", "q2_1,q2_2,q2_3,q2_4",
            List.of(10, 11, 12, 13), "q3", 15, "q4", TOPICS),
        new Platform("microsoft-forms.xlsx", "microsoft-forms", 1, 0, "q1", 5, "q2", "q2", List.of(6), "q3", 7, "q4",
            TOPICS),
        new Platform("google-forms.csv", "google-forms", 1, -1, "q1", 2, "q2", "q2", List.of(3), "q3", 4, "q5",
            TOPICS),
        new Platform("citizen-space.csv", "citizen-space", 1, 0, "q1", 2, "q2_*", "q2_1,q2_2,q2_3,q2_4",
            List.of(3, 4, 5, 6), "q3", 7, "q4", TOPICS))
        .map(Arguments::of);
  }

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

  /** The raw rows of a file, split here: CSV lines with RFC 4180 quotes, or the worksheet XML of a workbook. */
  static List<List<String>> raw(Path file) throws IOException {
    return file.toString().endsWith(".xlsx") ? sheet(file) : csv(file);
  }

  private static List<List<String>> csv(Path file) throws IOException {
    List<List<String>> records = new ArrayList<>();
    for (String line : Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "").split("\r?\n")) {
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

  private static final Pattern ROW = Pattern.compile("<row r=\"(\\d+)\">(.*?)</row>");
  private static final Pattern CELL = Pattern.compile(
      "<c r=\"([A-Z]+)\\d+\"[^>]*>(?:<v>([^<]*)</v>|<is><t[^>]*>([^<]*)</t></is>)</c>");

  private static List<List<String>> sheet(Path file) throws IOException {
    String xml = null;
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.getName().equals("xl/worksheets/sheet1.xml")) {
          xml = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    assertThat(xml).isNotNull();
    List<List<String>> rows = new ArrayList<>();
    Matcher row = ROW.matcher(xml);
    while (row.find()) {
      List<String> cells = new ArrayList<>();
      Matcher cell = CELL.matcher(row.group(2));
      while (cell.find()) {
        int at = 0;
        for (char c : cell.group(1).toCharArray()) {
          at = at * 26 + (c - 'A' + 1);
        }
        while (cells.size() < at) {
          cells.add("");
        }
        String value = cell.group(2) != null ? cell.group(2) : cell.group(3);
        cells.set(at - 1, value.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
      }
      rows.add(cells);
    }
    return rows;
  }

  private static String at(List<String> row, int column) {
    return column < row.size() ? row.get(column).strip() : "";
  }

  /** Label to the Total column's unweighted count, for the category and option rows of a table block. */
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

  private static boolean chose(Platform p, List<String> row, String option) {
    if (p.topicsAt().size() == 1) {
      return at(row, p.topicsAt().get(0)).contains(option);
    }
    int k = p.options().indexOf(option);
    return !at(row, p.topicsAt().get(k)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("platforms")
  void export_asDownloaded_goesThroughEveryCommandWithCountsAsInTheRawFile(Platform p) throws IOException {
    Path data = copy(p.file());
    List<List<String>> all = raw(data);
    List<List<String>> rows = all.subList(p.headerRows(), all.size());
    List<String> ids = new ArrayList<>();
    for (int k = 0; k < rows.size(); k++) {
      ids.add(p.idAt() < 0 ? Integer.toString(p.headerRows() + k + 1) : at(rows.get(k), p.idAt()));
    }

    Run describe = run("describe", "--data", data.toString(), "--json");
    assertThat(describe.code()).as(describe.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(describe.out());
    assertThat(root.path("format").asText()).isEqualTo(p.format());
    assertThat(root.path("respondents").asInt()).isEqualTo(rows.size());
    Map<String, JsonNode> variables = new LinkedHashMap<>();
    root.path("variables").forEach(v -> variables.put(v.path("name").asText(), v));
    assertThat(variables.get(p.sector()).path("type").asText()).isEqualTo("single");
    assertThat(variables.get(p.sector()).path("label").asText()).isEqualTo("Which sector do you work in?");
    assertThat(variables.get(p.satisfaction()).path("type").asText()).isEqualTo("ordinal");
    List<String> scale = new ArrayList<>();
    variables.get(p.satisfaction()).path("categories").forEach(c -> scale.add(c.path("code").asText()));
    assertThat(scale.subList(0, 5)).containsExactlyElementsOf(SCALE);
    String topicsVariable = p.topics().replace("_*", "");
    assertThat(variables.get(topicsVariable).path("type").asText()).isEqualTo("multiple");
    List<String> optionLabels = new ArrayList<>();
    variables.get(topicsVariable).path("categories").forEach(c -> optionLabels.add(c.path("label").asText()));
    assertThat(optionLabels).containsAll(p.options());
    if (p.idAt() < 0) {
      assertThat(root.path("problems").toString()).contains("no respondent id column: each respondent is "
          + "identified by the line their record starts on");
    }

    Path margins = dir.resolve("margins.csv");
    Files.writeString(margins, "variable,category,target\n" + p.sector() + ",NHS,0.5\n" + p.sector()
        + ",Local authority,0.3\n" + p.sector() + ",Voluntary sector,0.2\n");
    Path weights = dir.resolve("w.csv");
    Run weight = run("weight", "--data", data.toString(), "--margins", margins.toString(), "--out",
        weights.toString());
    assertThat(weight.code()).as(weight.err()).isZero();
    assertThat(weight.err()).contains(p.idAt() < 0 ? "insight weight: note: no respondent id column: each "
        + "respondent is identified by the line their record starts on" : "insight weight: note: respondent id: "
        + "column ");
    List<String> weighted = Files.readAllLines(weights);
    assertThat(weighted.subList(1, weighted.size()).stream().map(l -> l.substring(0, l.lastIndexOf(','))))
        .containsExactlyElementsOf(ids);

    Path estimate = dir.resolve("e.csv");
    Run estimated = run("estimate", "--data", data.toString(), "--weights", weights.toString(), "--proportion",
        p.sector() + "=NHS", "--out", estimate.toString());
    assertThat(estimated.code()).as(estimated.err()).isZero();
    String[] line = Files.readAllLines(estimate).get(1).split(",");
    assertThat(Double.parseDouble(line[4])).isCloseTo(0.5, within(1e-6));
    assertThat(Double.parseDouble(line[2])).isCloseTo(rows.size(), within(1e-6));

    Path table = dir.resolve("t.json");
    Run tabled = run("table", "--data", data.toString(), "--unweighted", "--rows", p.satisfaction() + ","
        + p.topics(), "--boxes", "--out", table.toString());
    assertThat(tabled.code()).as(tabled.err()).isZero();
    JsonNode blocks = new ObjectMapper().readTree(table.toFile()).path("blocks");
    Map<String, Integer> expectedScale = new LinkedHashMap<>();
    SCALE.forEach(point -> expectedScale.put(point, (int) rows.stream()
        .filter(r -> at(r, p.satisfactionAt()).equals(point)).count()));
    assertThat(totals(blocks.get(0))).containsAllEntriesOf(expectedScale);
    assertThat(blocks.get(0).path("bases").get(0).path("unweighted").asLong()).isEqualTo(rows.stream()
        .filter(r -> SCALE.contains(at(r, p.satisfactionAt()))).count());
    Map<String, Integer> expectedTopics = new TreeMap<>();
    for (String option : p.options()) {
      expectedTopics.put(option, (int) rows.stream().filter(r -> chose(p, r, option)).count());
    }
    Map<String, Integer> topics = new TreeMap<>(totals(blocks.get(1)));
    topics.keySet().retainAll(p.options());
    assertThat(topics).isEqualTo(expectedTopics);
    Path sectorTable = dir.resolve("s.json");
    Run bySector = run("table", "--data", data.toString(), "--weights", weights.toString(), "--rows", p.sector(),
        "--out", sectorTable.toString());
    assertThat(bySector.code()).as(bySector.err()).isZero();
    Map<String, Integer> sectors = new TreeMap<>();
    rows.forEach(r -> sectors.merge(at(r, p.sectorAt()), 1, Integer::sum));
    assertThat(new TreeMap<>(totals(new ObjectMapper().readTree(sectorTable.toFile()).path("blocks").get(0))))
        .isEqualTo(sectors);

    Path coded = dir.resolve("coded.csv");
    Files.writeString(coded, "id,code,by,source,confidence,at,evidence\n" + ids.get(0)
        + ",simple,human,ann,,2026-12-01T10:00:00Z,\n" + ids.get(1) + ",care,human,ann,,2026-12-01T10:00:00Z,\n");
    Path frame = dir.resolve("frame.csv");
    Files.writeString(frame, "code,label,parent,description,rule\ncare,Joined-up care,,,care\n"
        + "simple,Keep it simple,,,simple\n");
    Path programme = dir.resolve("programme.json");
    try (InputStream in = getClass().getResourceAsStream("/other-programme/programme.json")) {
      Files.copy(in, programme);
    }
    Path report = dir.resolve("report");
    Run reported = run("report", "--programme", programme.toString(), "--data", data.toString(), "--margins",
        margins.toString(), "--priorities", p.priorities(), "--comment", p.comment(), "--coding", coded.toString(),
        "--codeframe", frame.toString(), "--group-by", p.sector(), "--out", report.toString());
    assertThat(reported.code()).as(reported.err()).isZero();
    JsonNode analysis = new ObjectMapper().readTree(report.resolve("analysis.json").toFile()).path("survey");
    assertThat(analysis.path("respondents").asInt()).isEqualTo(rows.size());
    Map<String, Integer> charted = new TreeMap<>();
    analysis.path("question").path("rows").forEach(r -> charted.put(r.path("label").asText(),
        r.path("count").asInt()));
    charted.keySet().retainAll(p.options());
    assertThat(charted).isEqualTo(expectedTopics);
  }
}
