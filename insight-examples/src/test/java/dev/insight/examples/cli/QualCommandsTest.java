package dev.insight.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualCommandsTest {
  @TempDir
  Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private static String resource(String name) {
    try {
      return Path.of(QualCommandsTest.class.getResource("/qual/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private int run(String... args) {
    return Insight.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void transcript_toCsvMatrixWithReportAndQdpx_redacted() throws IOException {
    Path matrix = dir.resolve("matrix.csv");
    Path report = dir.resolve("r.json");
    Path project = dir.resolve("fg.qdpx");

    int code = run("transcript", "--in", resource("group4.vtt"), "--speakers", resource("speakers.csv"),
        "--codeframe", resource("codeframe.csv"), "--out", matrix.toString(), "--report", report.toString(),
        "--qdpx", project.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("group4.vtt: 5 turns, 4 speakers, 3 coded segments")
        .contains("matrix: 3 cases x 3 themes");
    String csv = Files.readString(matrix, StandardCharsets.UTF_8);
    assertThat(csv).startsWith("case,Access to services,Cost of living,Views on the draft priorities")
        .contains("\u201CWaiting lists for CAMHS are the biggest thing.\u201D (P01; group4.vtt, turn 2, 00:00:07; "
            + "waiting, rule: wait*)")
        .contains("unidentified speaker 1").doesNotContain("Amira").doesNotContain("Zoë");
    JsonNode audit = new ObjectMapper().readTree(report.toFile());
    assertThat(audit.get("redacted").asBoolean()).isTrue();
    assertThat(audit.get("matrix").asText()).isEqualTo("matrix.csv");
    assertThat(Files.size(project)).isPositive();
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("matrix.csv", "r.json",
          "fg.qdpx");
    }
  }

  @Test
  void transcript_pseudonymThatIsTheRealName_refusedAndNothingWritten() throws IOException {
    Path speakers = dir.resolve("speakers.csv");
    Files.writeString(speakers, Files.readString(Path.of(resource("speakers.csv")), StandardCharsets.UTF_8)
        .replace("Zoë Adams,P01,P01,", "Zoë Adams,P01,Zoë Adams,"), StandardCharsets.UTF_8);
    Path matrix = dir.resolve("matrix.csv");

    int code = run("transcript", "--in", resource("group4.vtt"), "--speakers", speakers.toString(),
        "--codeframe", resource("codeframe.csv"), "--out", matrix.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("case P01: the label \"Zoë Adams\" holds a name on the speaker list, which "
        + "this export redacts everywhere else (it reads \"[name]\" redacted)");
    assertThat(matrix).doesNotExist();
  }

  @Test
  void transcript_htmlByGroupWithInternalUseOnly_saysItIsNotRedacted() throws IOException {
    Path matrix = dir.resolve("m.html");

    int code = run("transcript", "--in", resource("group4.vtt"), "--codeframe", resource("codeframe.csv"),
        "--out", matrix.toString(), "--by", "group", "--segments", "turn", "--internal-use-only", "team analysis");

    assertThat(code).as(err.toString()).isZero();
    assertThat(Files.readString(matrix)).contains("INTERNAL USE ONLY").contains("Amira Haddad");
    assertThat(out.toString()).contains("matrix: 1 cases x 3 themes").contains("NOT redacted");
  }

  @Test
  void transcript_unknownSpeakerWhenRequired_failsNamingFileLineAndName_andWritesNothing() {
    Path matrix = dir.resolve("m.xlsx");

    int code = run("transcript", "--in", resource("group4.vtt"), "--speakers", resource("speakers.csv"),
        "--require-speakers", "--codeframe", resource("codeframe.csv"), "--out", matrix.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("group4.vtt:20: column \"speaker\", value \"Amira Haddad\", unknown speaker");
    assertThat(matrix).doesNotExist();
  }

  @Test
  void transcript_lenient_warnsAndWrites() {
    Path matrix = dir.resolve("m.json");

    int code = run("transcript", "--in", resource("group4.vtt"), "--speakers", resource("speakers.csv"),
        "--require-speakers", "--lenient", "--codeframe", resource("codeframe.csv"), "--out", matrix.toString());

    assertThat(code).isZero();
    assertThat(err.toString()).startsWith("warning: ").contains("Amira Haddad");
    assertThat(matrix).exists();
  }

  @Test
  void transcript_badOptionValues_failWithTheChoices() {
    int code = run("transcript", "--in", resource("group4.vtt"), "--codeframe", resource("codeframe.csv"),
        "--out", dir.resolve("m.csv").toString(), "--by", "organisation");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("--by: 'organisation' is not one of [participant, group]");
    assertThat(run("transcript", "--in", resource("group4.vtt"), "--codeframe", resource("codeframe.csv"),
        "--out", dir.resolve("m.pdf").toString())).isEqualTo(1);
    assertThat(err.toString()).contains("use .csv, .json, .xlsx or .html");
  }

  @Test
  void redact_textColumn_redactedAndOtherColumnsKept_withReport() throws IOException {
    Path redacted = dir.resolve("redacted.csv");
    Path report = dir.resolve("report.json");

    int code = run("redact", "--in", resource("comments.csv"), "--text", "comment", "--out", redacted.toString(),
        "--report", report.toString(), "--speakers", resource("speakers.csv"));

    assertThat(code).as(err.toString()).isZero();
    assertThat(Files.readAllLines(redacted, StandardCharsets.UTF_8)).containsExactly(
        "id,group,comment",
        "1,staff,Please call me on [phone] or email [email]",
        "2,public,\"My NHS number is [NHS number], my postcode [postcode].\"",
        "3,public,Reference 943 476 5918 is not an NHS number; [name] helped a lot.",
        "4,staff,\"Nothing personal here, just too many priorities.\"");
    JsonNode audit = new ObjectMapper().readTree(report.toFile());
    assertThat(audit.get("rows").asInt()).isEqualTo(4);
    assertThat(audit.at("/counts/PHONE").asInt()).isEqualTo(1);
    assertThat(audit.at("/counts/NHS_NUMBER").asInt()).isEqualTo(1);
    assertThat(audit.at("/redactions/0/where").asText()).isEqualTo("line 2, column comment");
    assertThat(audit.at("/redactions/0/start").asInt()).isEqualTo(18);
    assertThat(audit.toString()).doesNotContain("07700");
    assertThat(out.toString()).contains("4 rows, 3 fields redacted, 5 redactions");
  }

  @Test
  void redact_columnNameRepeated_everyColumnOfThatNameRedactedAndSaid() throws IOException {
    // SurveyMonkey repeats "Other (please specify)" after each question with an "Other" option
    Path in = dir.resolve("surveymonkey.csv");
    Files.writeString(in, "Respondent ID,Q1,Other (please specify),Q2,Other (please specify)\n"
        + "101,Yes,ring 07700 900123,No,\"write to jo@example.org, or Zoë Adams\"\n", StandardCharsets.UTF_8);
    Path redacted = dir.resolve("out.csv");
    Path report = dir.resolve("report.json");

    int code = run("redact", "--in", in.toString(), "--text", "Other (please specify)", "--out", redacted.toString(),
        "--speakers", resource("speakers.csv"), "--report", report.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(Files.readAllLines(redacted, StandardCharsets.UTF_8)).containsExactly(
        "Respondent ID,Q1,Other (please specify),Q2,Other (please specify)",
        "101,Yes,ring [phone],No,\"write to [email], or [name]\"");
    assertThat(out.toString()).contains("\"Other (please specify)\" names 2 columns (fields 3, 5): all are redacted")
        .contains("1 rows, 2 fields redacted, 3 redactions");
    JsonNode audit = new ObjectMapper().readTree(report.toFile());
    assertThat(audit.at("/redactions/1/where").asText()).isEqualTo("line 2, column Other (please specify) (field 5)");
  }

  @Test
  void redact_missingColumn_failsNamingItAndWritesNothing() {
    Path redacted = dir.resolve("redacted.csv");

    int code = run("redact", "--in", resource("comments.csv"), "--text", "remarks", "--out", redacted.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("comments.csv:1: column \"remarks\", missing column; the header has [id, "
        + "group, comment]");
    assertThat(redacted).doesNotExist();
  }

  @Test
  void redact_rowWithWrongFieldCount_failsNamingTheLineAndWritesNothing() throws IOException {
    Path in = dir.resolve("bad.csv");
    Files.writeString(in, "id,comment\n1,fine\n2,\"a, b\",extra\n", StandardCharsets.UTF_8);
    Path redacted = dir.resolve("out.csv");

    int code = run("redact", "--in", in.toString(), "--text", "comment", "--out", redacted.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("bad.csv:3: expected 2 fields as in the header but found 3");
    assertThat(redacted).doesNotExist();
  }

  @Test
  void help_describesBothCommands() {
    assertThat(run("transcript", "--help")).isZero();
    assertThat(out.toString()).contains("--speakers").contains("--internal-use-only");
    assertThat(run("redact", "--help")).isZero();
    assertThat(out.toString()).contains("--report");
  }
}
