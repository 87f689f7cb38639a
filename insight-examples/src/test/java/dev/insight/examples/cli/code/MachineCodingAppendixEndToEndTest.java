package dev.insight.examples.cli.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.insight.codeframe.Code;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.Provenance;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.codeframe.interchange.CodeframeFiles;
import dev.insight.codeframe.interchange.CodingCsv;
import dev.insight.examples.casestudy.CaseStudyFiles;
import dev.insight.examples.cli.Insight;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The machine-coding appendix from the command line, with no file edited by hand: a person codes some comments,
 * {@code code learn --report} cross-validates the model, {@code code predict --coding} codes the rest, a person
 * checks a sample of the machine's comments and {@code report} writes the appendix. Every figure is recomputed here
 * from the files themselves (the coded CSV rows, the cross-validation JSON, the person's codes), not through the
 * classes that made the report. The case study's coders' labels stand in for the person.
 */
class MachineCodingAppendixEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
  @TempDir
  Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Path survey;
  private Path frameFile;
  private Codeframe frame;
  private Map<String, List<String>> person;
  private List<String> ids;

  @BeforeEach
  void uncodedSurvey() throws Exception {
    survey = dir.resolve("survey.csv");
    CommentToReportEndToEndTest.writeWithoutCodeColumns(CaseStudyFiles.text(CaseStudyFiles.SURVEY), survey);
    frameFile = dir.resolve("codeframe.json");
    Files.writeString(frameFile, CaseStudyFiles.text("comment-codeframe.json"));
    for (String name : List.of(CaseStudyFiles.PROGRAMME, CaseStudyFiles.MARGINS)) {
      Files.writeString(dir.resolve(name), CaseStudyFiles.text(name));
    }
    frame = CodeframeFiles.read(frameFile);
    person = CommentToReportEndToEndTest.peopleCodes(CaseStudyFiles.text("staff-comments.csv"));
    ids = new ArrayList<>(new TreeSet<>(person.keySet()));
  }

  @Test
  void learnWithReport_predict_checkedSample_report_givesTheAppendixFiguresOfTheFiles() throws Exception {
    Path training = personCoding("training.csv", ids.subList(0, 90), "ann");
    Path cv = dir.resolve("cv.json");
    Path model = dir.resolve("comments.model");
    run("code", "learn", "--train", survey.toString(), "--text", "comment", "--id", "id", "--coding",
        training.toString(), "--codeframe", frameFile.toString(), "--model", model.toString(), "--folds", "5",
        "--report", cv.toString());
    Path coded = dir.resolve("coded.csv");
    run("code", "predict", "--model", model.toString(), "--data", survey.toString(), "--text", "comment", "--id",
        "id", "--codeframe", frameFile.toString(), "--coding", coded.toString(), "--reviewed", training.toString(),
        "--abstain-below", "0.6");

    // the coded file's rows, read as plain CSV: which comments the model coded, and per code who gave it
    Map<String, Set<String>> byUnit = new LinkedHashMap<>();
    Map<String, int[]> perCode = new LinkedHashMap<>();
    for (Code code : frame.codable()) {
      perCode.put(code.id().value(), new int[3]);
    }
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(coded)) {
      for (CsvRecord row : reader) {
        if (row.getStartingLineNumber() == 1 || row.getField(1).isEmpty()) {
          if (row.getStartingLineNumber() > 1) {
            byUnit.computeIfAbsent(row.getField(0), k -> new LinkedHashSet<>()).add("human");
          }
          continue;
        }
        byUnit.computeIfAbsent(row.getField(0), k -> new LinkedHashSet<>()).add(row.getField(2));
        perCode.get(row.getField(1))[List.of("human", "rule", "model").indexOf(row.getField(2))]++;
      }
    }
    List<String> machine = byUnit.entrySet().stream().filter(e -> !e.getValue().contains("human"))
        .map(Map.Entry::getKey).sorted().toList();
    long comments = commentsIn(survey);
    assertThat(machine).hasSizeGreaterThan(40);
    assertThat(machine.size()).isLessThan((int) comments - 90);

    // a person checks 40 of the machine's comments
    List<String> sample = machine.subList(0, 40);
    Path checked = personCoding("checked.csv", sample, "bo");

    Path report = dir.resolve("report");
    run(reportArgs(report, coded, "--model-report", cv.toString(), "--checked", checked.toString()));

    // the precision cross-validation measured at the smallest coverage at or above the one used
    double coverage = (double) machine.size() / comments;
    JsonNode point = null;
    for (JsonNode p : JSON.readTree(cv.toFile()).path("coverage")) {
      if (p.path("coverage").asDouble() >= coverage - 1e-9
          && (point == null || p.path("coverage").asDouble() < point.path("coverage").asDouble())) {
        point = p;
      }
    }
    assertThat(point).isNotNull();
    // Cohen's kappa, pooled over (comment, code) decisions and per code, from the person's and the machine's codes
    Map<String, Set<String>> machineCodes = codesOf(coded);
    int[] pooled = new int[4];
    Map<String, int[]> cells = new LinkedHashMap<>();
    for (Code code : frame.codable()) {
      int[] c = new int[4];
      for (String id : sample) {
        boolean a = person.get(id).contains(code.id().value());
        boolean b = machineCodes.getOrDefault(id, Set.of()).contains(code.id().value());
        c[a && b ? 0 : a ? 1 : b ? 2 : 3]++;
      }
      for (int i = 0; i < 4; i++) {
        pooled[i] += c[i];
      }
      cells.put(code.id().value(), c);
    }
    int exact = 0;
    for (String id : sample) {
      if (new TreeSet<>(person.get(id)).equals(new TreeSet<>(machineCodes.getOrDefault(id, Set.of())))) {
        exact++;
      }
    }

    JsonNode json = JSON.readTree(report.resolve("analysis.json").toFile()).path("machineCoding");
    assertThat(json.path("comments").asLong()).isEqualTo(comments);
    assertThat(json.path("codedByMachine").asInt()).isEqualTo(machine.size());
    assertThat(json.path("coverage").asDouble()).isCloseTo(coverage, within(1e-12));
    for (JsonNode row : json.path("byCode")) {
      int[] expected = perCode.get(row.path("code").asText());
      assertThat(new int[] {row.path("person").asInt(), row.path("rules").asInt(), row.path("model").asInt()})
          .as(row.toString()).containsExactly(expected);
    }
    List<String> never = new ArrayList<>();
    frame.codable().stream().filter(c -> perCode.get(c.id().value())[2] == 0).forEach(c -> never.add(c.label()));
    List<String> written = new ArrayList<>();
    json.path("neverAssigned").forEach(n -> written.add(n.asText()));
    assertThat(written).isEqualTo(never);
    assertThat(json.path("crossValidation").path("coverage").asDouble())
        .isEqualTo(point.path("coverage").asDouble());
    assertThat(json.path("crossValidation").path("precision").asDouble())
        .isCloseTo(point.path("precision").asDouble(), within(1e-12));
    JsonNode check = json.path("check");
    assertThat(check.path("comments").asInt()).isEqualTo(40);
    assertThat(check.path("kappa").asDouble()).isCloseTo(kappa(pooled), within(1e-12));
    assertThat(check.path("exactMatch").asDouble()).isCloseTo(exact / 40.0, within(1e-12));
    for (JsonNode row : check.path("codes")) {
      int[] c = cells.get(row.path("code").asText());
      assertThat(new int[] {row.path("both").asInt(), row.path("personOnly").asInt(),
          row.path("machineOnly").asInt(), row.path("neither").asInt()}).as(row.toString()).containsExactly(c);
      if (Double.isNaN(kappa(c))) {
        assertThat(row.path("kappa").isNull()).as(row.toString()).isTrue();
      } else {
        assertThat(row.path("kappa").asDouble()).as(row.toString()).isCloseTo(kappa(c), within(1e-12));
      }
    }

    String html = pageText(report.resolve("report.html"));
    assertThat(html).contains("id=\"machine-coding\"")
        .contains(String.format(Locale.ROOT, "coded %d of the %d comments (%d%%)", machine.size(), comments,
            Math.round(100 * coverage)))
        .containsPattern(String.format(Locale.ROOT, "Precision expected at this coverage \\(cross-validation at "
            + "%d%% coverage\\)</th>\\s*<td class=\"num\">%d%%", Math.round(100 * point.path("coverage")
            .asDouble()), Math.round(100 * point.path("precision").asDouble())))
        .containsPattern(String.format(Locale.ROOT, "all codes \\(Cohen's kappa\\)</th>\\s*<td class=\"num\">"
            + "%.2f", kappa(pooled)))
        .contains("Agreement per code on the 40 comments a person checked");
  }

  @Test
  void withoutReportOrSample_theAppendixSaysWhatWasNotMeasured_andTheJsonHasNulls() throws Exception {
    Path coded = machineCoded();
    Path report = dir.resolve("report");
    run(reportArgs(report, coded));

    JsonNode json = JSON.readTree(report.resolve("analysis.json").toFile()).path("machineCoding");
    assertThat(json.path("codedByMachine").asInt()).isPositive();
    assertThat(json.path("crossValidation").isNull()).isTrue();
    assertThat(json.path("check").isNull()).isTrue();
    assertThat(pageText(report.resolve("report.html")))
        .contains("The model's cross-validation report was not given, so the precision to expect at this "
            + "coverage was not measured.")
        .contains("No sample of the machine's coding was checked by a person, so its agreement with people "
            + "was not measured.")
        .doesNotContain("Precision expected at this coverage");
  }

  @Test
  void checkedCommentsTheMachineDidNotCode_areRefusedNamingTheFileAndIds() throws Exception {
    Path coded = machineCoded();
    Path checked = personCoding("checked.csv", List.of(ids.get(0)), "bo");
    Path report = dir.resolve("report");

    int exit = Insight.run(new PrintWriter(out), new PrintWriter(err),
        reportArgs(report, coded, "--checked", checked.toString()));

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains(checked + ": 1 of the 1 checked comments were not coded by the machine in "
        + "the coded files (" + ids.get(0) + ")");
    assertThat(report).doesNotExist();
  }

  @Test
  void aCrossValidationReportOfAnotherCodeframe_isRefusedNamingTheFile() throws Exception {
    Path coded = machineCoded();
    Path cv = dir.resolve("cv.json");
    ObjectNode other = (ObjectNode) JSON.readTree(Files.readString(dir.resolve("cv-source.json")));
    ((ObjectNode) other.path("perCode").get(0)).put("code", "waiting_times");
    Files.writeString(cv, JSON.writeValueAsString(other));
    Path report = dir.resolve("report");

    int exit = Insight.run(new PrintWriter(out), new PrintWriter(err),
        reportArgs(report, coded, "--model-report", cv.toString()));

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains(cv + ": the cross-validation report is of another codeframe: its codes "
        + "waiting_times are not in codeframe");
    assertThat(report).doesNotExist();
  }

  @Test
  void aJsonFileThatIsNotACrossValidationReport_isRefusedNamingTheFile() throws Exception {
    Path coded = machineCoded();
    Path cv = dir.resolve("cv.json");
    Files.writeString(cv, "{\"comments\": 3}");

    int exit = Insight.run(new PrintWriter(out), new PrintWriter(err),
        reportArgs(dir.resolve("report"), coded, "--model-report", cv.toString()));

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains(cv + ": not a cross-validation report written by insight code learn "
        + "--report");
  }

  /** Learns from 90 comments a person coded (writing cv-source.json) and codes the rest. */
  private Path machineCoded() {
    Path training = personCoding("training.csv", ids.subList(0, 90), "ann");
    Path model = dir.resolve("comments.model");
    run("code", "learn", "--train", survey.toString(), "--text", "comment", "--id", "id", "--coding",
        training.toString(), "--codeframe", frameFile.toString(), "--model", model.toString(), "--folds", "3",
        "--report", dir.resolve("cv-source.json").toString());
    Path coded = dir.resolve("coded.csv");
    run("code", "predict", "--model", model.toString(), "--data", survey.toString(), "--text", "comment", "--id",
        "id", "--codeframe", frameFile.toString(), "--coding", coded.toString(), "--reviewed", training.toString());
    return coded;
  }

  private String[] reportArgs(Path report, Path coded, String... more) {
    List<String> args = new ArrayList<>(List.of("report", "--programme", dir.resolve(CaseStudyFiles.PROGRAMME)
        .toString(), "--data", survey.toString(), "--id", "id", "--margins", dir.resolve(CaseStudyFiles.MARGINS)
        .toString(), "--priorities", "pri_workforce,pri_mental_health,pri_healthy_weight,pri_addiction",
        "--comment", "comment", "--coding", coded.toString(), "--codeframe", frameFile.toString(), "--out",
        report.toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** A coded file of the case study coders' codes for these comments, as a person (the coder) would write it. */
  private Path personCoding(String name, List<String> units, String coder) {
    Coding.Builder coding = Coding.builder(frame);
    for (String id : units) {
      coding.unit(UnitId.of(id));
      for (String code : person.get(id)) {
        coding.assign(UnitId.of(id), CodeId.of(code), new Provenance.Human(coder, AT));
      }
    }
    Path file = dir.resolve(name);
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      CodingCsv.write(coding.build(), writer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** The codes of each comment in a coded file, read as plain CSV. */
  private static Map<String, Set<String>> codesOf(Path coded) throws IOException {
    Map<String, Set<String>> codes = new HashMap<>();
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(coded)) {
      for (CsvRecord row : reader) {
        if (row.getStartingLineNumber() > 1 && !row.getField(1).isEmpty()) {
          codes.computeIfAbsent(row.getField(0), k -> new TreeSet<>()).add(row.getField(1));
        }
      }
    }
    return codes;
  }

  /** Respondents with a non-blank comment. */
  private static long commentsIn(Path survey) throws IOException {
    long count = 0;
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(survey)) {
      int column = -1;
      for (CsvRecord row : reader) {
        if (column < 0) {
          column = row.getFields().indexOf("comment");
          continue;
        }
        if (!row.getField(column).isBlank()) {
          count++;
        }
      }
    }
    return count;
  }

  /** The report page with the apostrophe in whichever spelling the templates chose, so the text is what is checked. */
  private static String pageText(Path page) throws IOException {
    return Files.readString(page).replace("&#39;", "'").replace("&#x27;", "'");
  }

  /** Cohen's kappa of {both, onlyFirst, onlySecond, neither}: (po - pe) / (1 - pe). */
  private static double kappa(int[] c) {
    double n = c[0] + c[1] + c[2] + c[3];
    double observed = (c[0] + c[3]) / n;
    double chance = ((c[0] + c[1]) * (double) (c[0] + c[2]) + (c[2] + c[3]) * (double) (c[1] + c[3])) / (n * n);
    return chance == 1 ? Double.NaN : (observed - chance) / (1 - chance);
  }

  private void run(String... args) {
    int code = Insight.run(new PrintWriter(out), new PrintWriter(err), args);
    assertThat(code).as(String.join(" ", args) + "\n" + err + out).isZero();
  }
}
