package dev.insight.core.consideration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.core.evidence.Response;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.programme.Programme;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsiderationLogTest {
  @TempDir
  Path dir;

  @Test
  void record_writesOneEntryPerConsideration_withTheEvidenceSpelledOut() {
    ConsiderationLog log = ConsiderationLog.empty().record(Fixtures.considered());

    assertThat(log.size()).isEqualTo(2);
    var first = log.entries().get(0);
    assertThat(first.get("sequence").asInt()).isEqualTo(1);
    assertThat(first.get("response").asText()).isEqualTo("YSWD-1");
    assertThat(first.get("consideredBy").asText()).isEqualTo("Integrated care partnership board");
    assertThat(first.get("consideredOn").asText()).isEqualTo("2022-10-20");
    assertThat(first.get("previous").asText()).isEqualTo(ConsiderationLog.GENESIS);
    assertThat(first.get("evidence").findValuesAsText("kind")).containsExactly("finding", "prevalence", "quote",
        "source");
    assertThat(first.get("evidence").get(1).get("text").asText())
        .isEqualTo("needs detail on delivery, monitoring and evaluation: 12.0% (95% CI 7.8% to 17.6%; base 180 "
            + "respondents), Staff and volunteer survey (survey); logit, Taylor linearisation");
    assertThat(log.entries().get(1).get("previous").asText()).isEqualTo(first.get("hash").asText());
    assertThat(log.verify().intact()).isTrue();
  }

  @Test
  void record_again_appendsOnlyWhatIsNew_andKeepsTheEntriesWritten() {
    Programme programme = Fixtures.considered();
    ConsiderationLog log = ConsiderationLog.empty().record(programme);
    assertThat(log.record(programme)).isSameAs(log);

    List<Response> responses = new ArrayList<>(programme.responses());
    responses.set(1, responses.get(1).considered(Fixtures.board(LocalDate.of(2022, 11, 4), "F-fg-ethnicity")));
    ConsiderationLog longer = log.record(programme.withResponses(responses));

    assertThat(longer.size()).isEqualTo(3);
    assertThat(longer.entries().subList(0, 2)).isEqualTo(log.entries());
    assertThat(longer.entries().get(2).get("response").asText()).isEqualTo("YSWD-2");
    assertThat(longer.verify().intact()).isTrue();
  }

  @Test
  void verify_afterWriteAndRead_isIntact_andGivesTheHead() {
    ConsiderationLog log = ConsiderationLog.empty().record(Fixtures.considered());
    Path file = dir.resolve("log.json");
    log.write(file);

    LogCheck check = ConsiderationLog.read(file).verify();

    assertThat(check.intact()).isTrue();
    assertThat(check.entries()).isEqualTo(2);
    assertThat(check.head()).isEqualTo(log.entries().get(1).get("hash").asText()).hasSize(64);
  }

  @Test
  void verify_anEditedEntry_namesItAsTheFirstBroken() throws IOException {
    Path file = dir.resolve("log.json");
    ConsiderationLog.empty().record(Fixtures.considered()).write(file);
    String json = Files.readString(file);
    Files.writeString(file, json.replace("2022-11-03", "2022-10-03"));

    LogCheck check = ConsiderationLog.read(file).verify();

    assertThat(check.brokenAt()).isEqualTo(2);
    assertThat(check.reason()).startsWith("entry 2 (response YSWD-1) was changed after it was written: its content "
        + "hashes to ");
  }

  @Test
  void verify_anEditedEvidenceText_isDetected() throws IOException {
    Path file = dir.resolve("log.json");
    ConsiderationLog.empty().record(Fixtures.considered()).write(file);
    Files.writeString(file, Files.readString(file).replaceFirst("12\\.0%", "21.0%"));

    assertThat(ConsiderationLog.read(file).verify().brokenAt()).isEqualTo(1);
  }

  @Test
  void verify_aRemovedEntry_breaksTheChainAtTheNextOne() {
    ConsiderationLog log = ConsiderationLog.empty().record(Fixtures.considered());
    Path file = dir.resolve("log.json");
    log.write(file);
    String text = readString(file);
    int second = text.indexOf("\"sequence\" : 2");
    // drop the first entry by renumbering the second as the first: its previous hash no longer fits
    String tampered = text.substring(0, text.indexOf("{", text.indexOf("\"entries\""))) + "{\n    \"sequence\" : 1"
        + text.substring(second + "\"sequence\" : 2".length());
    writeString(file, tampered);

    LogCheck check = ConsiderationLog.read(file).verify();

    assertThat(check.brokenAt()).isEqualTo(1);
    assertThat(check.reason()).contains("does not follow the entry before it");
  }

  @Test
  void record_onABrokenLog_refusesToAppend() throws IOException {
    Path file = dir.resolve("log.json");
    ConsiderationLog.empty().record(Fixtures.considered()).write(file);
    Files.writeString(file, Files.readString(file).replace("Reduce to six", "Keep ten"));

    assertThatThrownBy(() -> ConsiderationLog.read(file).record(Fixtures.considered()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot add to a consideration log whose chain is broken: entry 1: entry 1 "
            + "(response YSWD-1) was changed after it was written");
  }

  @Test
  void read_aLogFromANewerVersion_failsSayingSo() throws IOException {
    Path file = dir.resolve("log.json");
    Files.writeString(file, "{\"format\": \"insight-consideration-log\", \"version\": 2, \"entries\": []}");

    assertThatThrownBy(() -> ConsiderationLog.read(file)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("consideration log written by a newer version of insight (format version 2; this "
            + "version reads up to 1)");
  }

  @Test
  void read_somethingElse_failsNamingTheFile() throws IOException {
    Path file = dir.resolve("other.json");
    Files.writeString(file, "[1, 2]");

    assertThatThrownBy(() -> ConsiderationLog.read(file)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("other.json").hasMessageContaining("not a consideration log");
  }

  @Test
  void read_deeplyNestedEntry_refusedNamingTheLimit() throws IOException {
    Path file = dir.resolve("log.json");
    Files.writeString(file, "{\"format\": \"insight-consideration-log\", \"version\": 1, \"entries\": "
        + "[".repeat(10_000) + "]".repeat(10_000) + "}");

    assertThatThrownBy(() -> ConsiderationLog.read(file)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not a consideration log (the JSON passes a read limit: Document nesting depth (101) "
            + "exceeds the maximum allowed (100); if the file is trusted, raise the limit with "
            + "-Dinsight.json.maxNestingDepth=N)");
  }

  @Test
  void canonicalJson_sortsMembers_andWritesNoWhitespace() throws IOException {
    var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        "{\"b\": [2, \"x\"], \"a\": {\"d\": \"\u00e9\\n\", \"c\": 1}}");

    assertThat(CanonicalJson.write(node)).isEqualTo("{\"a\":{\"c\":1,\"d\":\"\u00e9\\n\"},\"b\":[2,\"x\"]}");
    // the SHA-256 of "abc" (FIPS 180-2, appendix B.1)
    assertThat(CanonicalJson.sha256("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void writeString(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
