package dev.insight.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.insight.examples.casestudy.CaseStudyFiles;
import dev.insight.examples.report.JsonOutputs;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every JSON output of the command ({@code analysis.json} of {@code insight report} and {@code insight demo},
 * {@code insight table --out t.json}, {@code insight weight --report r.json}) validates against the JSON Schema
 * shipped in the jar, read by a real validator; and the validator does reject what the schema forbids.
 */
class JsonOutputsTest {
  @TempDir
  static Path folder;

  private static JsonSchema schema;

  @BeforeAll
  static void writeEveryOutput() throws IOException {
    try (InputStream in = JsonOutputs.class.getResourceAsStream(JsonOutputs.SCHEMA_RESOURCE)) {
      assertThat(in).as("the schema is in the jar at " + JsonOutputs.SCHEMA_RESOURCE).isNotNull();
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
    Path data = OtherProgrammeReportTest.fixture("survey.csv");
    Path margins = OtherProgrammeReportTest.fixture("margins.csv");
    run("demo", "--quiet", "--out", folder.resolve("demo").toString());
    assertThat(OtherProgrammeReportTest.report(folder.resolve("report"), new StringWriter(), new StringWriter()))
        .isZero();
    run("weight", "--data", data.toString(), "--id", "respondent", "--margins", margins.toString(), "--out",
        folder.resolve("w.csv").toString(), "--report", folder.resolve("weighting.json").toString());
    run("weight", "--data", data.toString(), "--id", "respondent", "--margins", margins.toString(), "--calfun",
        "raking", "--bounds", "0.3,3", "--trim", "100,250", "--out", folder.resolve("trimmed.csv").toString(),
        "--report", folder.resolve("weighting-trimmed.json").toString());
    assertThat(OtherProgrammeReportTest.report(folder.resolve("trimmed"), new StringWriter(), new StringWriter(),
        "--calfun", "raking", "--bounds", "0.3,3", "--trim", "100,250")).isZero();
    run("table", "--data", data.toString(), "--id", "respondent", "--weights", folder.resolve("w.csv").toString(),
        "--rows", "imp_*,visits", "--banner", "ward,age_band", "--out", folder.resolve("table.json").toString());
    machineCodedReport(folder.resolve("machine"));
  }

  /**
   * The case study's report with the machine-coding appendix filled: people's codes imported, a model learned with
   * its cross-validation report, every comment predicted and the people's codes as the checked sample.
   */
  private static void machineCodedReport(Path out) throws IOException {
    Path in = Files.createDirectories(folder.resolve("machine-in"));
    for (String name : List.of(CaseStudyFiles.PROGRAMME, CaseStudyFiles.MARGINS, CaseStudyFiles.SURVEY,
        "staff-comments.csv", "comment-codeframe.json")) {
      Files.writeString(in.resolve(name), CaseStudyFiles.text(name));
    }
    String frame = in.resolve("comment-codeframe.json").toString();
    String survey = in.resolve(CaseStudyFiles.SURVEY).toString();
    String people = in.resolve("people.csv").toString();
    String model = in.resolve("comments.model").toString();
    String cv = in.resolve("cv.json").toString();
    String coded = in.resolve("coded.csv").toString();
    run("code", "import", "--codeframe", frame, "--data", in.resolve("staff-comments.csv").toString(), "--id", "id",
        "--coder", "ann", "--coded-at", "2026-12-01T10:00:00Z", "--out", people);
    run("code", "learn", "--train", survey, "--text", "comment", "--id", "id", "--coding", people, "--codeframe",
        frame, "--model", model, "--folds", "3", "--report", cv);
    run("code", "predict", "--model", model, "--data", survey, "--text", "comment", "--id", "id", "--codeframe",
        frame, "--coding", coded);
    run("report", "--programme", in.resolve(CaseStudyFiles.PROGRAMME).toString(), "--data", survey, "--id", "id",
        "--margins", in.resolve(CaseStudyFiles.MARGINS).toString(), "--priorities",
        "pri_workforce,pri_mental_health,pri_healthy_weight,pri_addiction", "--comment", "comment", "--coding", coded,
        "--codeframe", frame, "--model-report", cv, "--checked", people, "--out", out.toString());
  }

  private static void run(String... args) {
    StringWriter err = new StringWriter();
    int code = Insight.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
    assertThat(code).as(String.join(" ", args) + ": " + err).isZero();
  }

  static Stream<String> outputs() {
    return Stream.of("demo/analysis.json", "report/analysis.json", "machine/analysis.json",
        "trimmed/analysis.json", "weighting.json", "weighting-trimmed.json", "table.json");
  }

  @ParameterizedTest
  @MethodSource("trimmedWeightings")
  void weightingTrimmedAfterCalibration_keepsBothStepsInOrder_theLastTheFinalWeights(String file, String pointer)
      throws IOException {
    JsonNode weighting = new ObjectMapper().readTree(folder.resolve(file).toFile()).at(pointer);
    JsonNode steps = weighting.path("steps");

    assertThat(steps).as(file).hasSize(2);
    assertThat(steps.get(0).path("method").asText()).isEqualTo("calibrate raking");
    assertThat(steps.get(0).path("converged").asBoolean()).isTrue();
    assertThat(steps.get(0).path("iterations").asInt()).isPositive();
    assertThat(steps.get(0).path("largestGap").isNumber()).isTrue();
    assertThat(steps.get(1).path("method").asText()).isEqualTo("trim");
    assertThat(weighting.path("method").asText()).isEqualTo("trim");
    assertThat(steps.get(1).path("maxWeight")).isEqualTo(weighting.path("maxWeight"));
    assertThat(steps.get(1).path("maxWeight").asDouble()).isLessThanOrEqualTo(250 + 1e-9);
    // the calibrated weights reach past the trimming's upper limit, so the steps' reports differ
    assertThat(steps.get(0).path("maxWeight").asDouble()).isGreaterThan(250);
  }

  static Stream<Arguments> trimmedWeightings() {
    return Stream.of(Arguments.of("weighting-trimmed.json", ""),
        Arguments.of("trimmed/analysis.json", "/survey/weighting"));
  }

  @ParameterizedTest
  @MethodSource("untrimmedWeightings")
  void weightingWithoutTrimming_hasOneStep_theFinalWeights(String file, String pointer) throws IOException {
    JsonNode weighting = new ObjectMapper().readTree(folder.resolve(file).toFile()).at(pointer);

    assertThat(weighting.path("steps")).as(file).hasSize(1);
    assertThat(weighting.path("steps").get(0).path("method")).isEqualTo(weighting.path("method"));
    assertThat(weighting.path("steps").get(0).path("weightSum")).isEqualTo(weighting.path("weightSum"));
  }

  static Stream<Arguments> untrimmedWeightings() {
    return Stream.of(Arguments.of("weighting.json", ""),
        Arguments.of("report/analysis.json", "/survey/weighting"));
  }

  @Test
  void schema_rejectsAWeightingStepWithoutItsMethod() throws IOException {
    ObjectNode json = (ObjectNode) new ObjectMapper().readTree(folder.resolve("weighting-trimmed.json").toFile());
    ((ObjectNode) json.path("steps").get(0)).remove("method");

    assertThat(schema.validate(json)).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("outputs")
  void output_validatesAgainstTheShippedSchema(String file) throws IOException {
    JsonNode json = new ObjectMapper().readTree(folder.resolve(file).toFile());

    Set<ValidationMessage> errors = schema.validate(json);

    assertThat(errors).as(file).isEmpty();
    assertThat(json.path("schemaVersion").asText()).isEqualTo(JsonOutputs.SCHEMA_VERSION);
    assertThat(Files.readString(folder.resolve(file))).doesNotContain("\"NaN\"", "Infinity");
  }

  @Test
  void schema_rejectsANumberWrittenAsAString() throws IOException {
    ObjectNode json = (ObjectNode) new ObjectMapper().readTree(folder.resolve("weighting.json").toFile());
    json.put("efficiency", "NaN");

    assertThat(schema.validate(json)).isNotEmpty();
  }

  @Test
  void machineCoding_isFilledInTheMachineCodedReport_andNullWithoutACodedFile() throws IOException {
    JsonNode machine = new ObjectMapper().readTree(folder.resolve("machine/analysis.json").toFile())
        .path("machineCoding");
    JsonNode none = new ObjectMapper().readTree(folder.resolve("report/analysis.json").toFile());

    assertThat(machine.path("codedByMachine").asInt()).isPositive();
    assertThat(machine.path("crossValidation").path("precision").isNumber()).isTrue();
    assertThat(machine.path("check").path("codes").size()).isPositive();
    assertThat(none.has("machineCoding")).isTrue();
    assertThat(none.path("machineCoding").isNull()).isTrue();
  }

  @Test
  void schema_rejectsMachineCodingWithoutItsCheck() throws IOException {
    ObjectNode json = (ObjectNode) new ObjectMapper().readTree(folder.resolve("machine/analysis.json").toFile());
    ((ObjectNode) json.path("machineCoding")).remove("check");

    assertThat(schema.validate(json)).isNotEmpty();
  }

  @Test
  void schema_rejectsAnUnknownKind() throws IOException {
    ObjectNode json = (ObjectNode) new ObjectMapper().readTree(folder.resolve("table.json").toFile());
    json.put("kind", "tables");

    assertThat(schema.validate(json)).isNotEmpty();
  }

  @Test
  void everyOutput_startsWithItsVersionAndKind() throws IOException {
    for (String file : outputs().toList()) {
      List<String> keys = List.copyOf(iterable(new ObjectMapper().readTree(folder.resolve(file).toFile())));
      assertThat(keys.subList(0, 2)).as(file).containsExactly("schemaVersion", "kind");
    }
  }

  @Test
  void analysis_isTheSameBytesEveryRun() throws IOException {
    Path again = folder.resolve("again");
    assertThat(OtherProgrammeReportTest.report(again, new StringWriter(), new StringWriter())).isZero();

    assertThat(Files.readString(again.resolve("analysis.json")))
        .isEqualTo(Files.readString(folder.resolve("report/analysis.json")));
  }

  @Test
  void theTableInTheAnalysis_hasTheSameNamesAsTheTableCommand() throws IOException {
    JsonNode analysisCell = new ObjectMapper().readTree(folder.resolve("report/analysis.json").toFile())
        .at("/survey/tables/blocks/0/rows/0/cells/0");
    JsonNode tableCell = new ObjectMapper().readTree(folder.resolve("table.json").toFile())
        .at("/blocks/0/rows/0/cells/0");

    assertThat(List.copyOf(iterable(analysisCell))).isEqualTo(List.copyOf(iterable(tableCell)));
  }

  private static java.util.List<String> iterable(JsonNode node) {
    java.util.List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
