package dev.insight.codeframe.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.Reserved;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.Provenance;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.core.input.InvalidInputException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodingJsonTest {
  private static final Instant AT = Instant.parse("2026-11-01T10:00:00Z");

  private static Codeframe frame() {
    return Codeframe.builder("f").version("2").code("sa", "Attitude", null).code("wa", "Waiting", null)
        .code("sl", "Levels", null).reserved("na", "No answer", Reserved.NO_ANSWER).build();
  }

  @Test
  void roundTrip_keepsEveryKindOfProvenance() {
    Coding coding = Coding.builder(frame())
        .assign(UnitId.of("r1"), CodeId.of("sa"), new Provenance.Human("ann", AT))
        .assign(UnitId.of("r1"), CodeId.of("wa"), new Provenance.Rule("wait*", List.of("waited"), AT))
        .assign(UnitId.of("r2"), CodeId.of("sl"), new Provenance.Model("svm v1", 0.82, List.of("staff"), AT))
        .unit(UnitId.of("r3"))
        .build();
    StringWriter out = new StringWriter();

    CodingJson.write(coding, out);
    Coding back = CodingJson.read(new StringReader(out.toString()), "c.json", frame());

    assertThat(back.units()).isEqualTo(coding.units());
    assertThat(back.assignments()).isEqualTo(coding.assignments());
  }

  @Test
  void read_unknownCodeBadKindAndOtherFrame_allReportedWithTheirPath() {
    String json = "{\"codeframe\": \"g\", \"version\": \"1\", \"units\": [{\"unit\": \"r1\", \"assignments\": ["
        + "{\"code\": \"zz\", \"by\": \"human\", \"coder\": \"ann\", \"at\": \"2026-11-01T10:00:00Z\"},"
        + "{\"code\": \"sa\", \"by\": \"oracle\", \"at\": \"2026-11-01T10:00:00Z\"}]}]}";

    assertThatThrownBy(() -> CodingJson.read(new StringReader(json), "c.json", frame()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("c.json: column \"codeframe\", value \"g 1\", the coding was made with another "
            + "codeframe than f 2")
        .hasMessageContaining("c.json: column \"units[0].assignments[0]\", value \"zz\", unit r1: unknown code zz "
            + "(not in codeframe f)")
        .hasMessageContaining("c.json: column \"units[0].assignments[1].by\", value \"oracle\", expected human, rule "
            + "or model");
  }

  @Test
  void read_malformed_namesTheLine() {
    assertThatThrownBy(() -> CodingJson.read(new StringReader("{\n\"units\": [\n}"), "c.json", frame()))
        .hasMessageStartingWith("c.json:3: malformed JSON:");
  }

  @Test
  void read_deeplyNestedValue_refusedNamingTheLimit() {
    String json = "{\"codeframe\": \"f\", \"version\": \"2\", \"units\": [{\"unit\": \"r1\", \"note\": "
        + "[".repeat(10_000) + "]".repeat(10_000) + "}]}";

    assertThatThrownBy(() -> CodingJson.read(new StringReader(json), "c.json", frame()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("c.json:1: the JSON passes a read limit: Document nesting depth (101) exceeds the maximum allowed "
            + "(100); if the file is trusted, raise the limit with -Dinsight.json.maxNestingDepth=N");
  }

  @Test
  void read_nullOrAnArray_saysWhatACodingFileHolds() {
    for (String json : List.of("null", "[]", "\"units\"", "")) {
      assertThatThrownBy(() -> CodingJson.read(new StringReader(json), "c.json", frame()))
          .as(json)
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("c.json: a coding file is a JSON object with \"codeframe\", \"version\" and \"units\"");
    }
  }
}
