package dev.insight.codeframe.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.CodeSet;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.RefiQdaSchemas;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.List;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.SAXException;

/**
 * Codebooks written here are valid against the published REFI-QDA Codebook schema, checked by the JDK's schema
 * validator (secure processing on, no external DTDs or schemas), and a schema-valid codebook from another tool is
 * read with its sets.
 */
class RefiQdaSchemaTest {
  private static final Schema CODEBOOK = RefiQdaSchemas.CODEBOOK;

  private static void validate(Schema schema, byte[] xml) throws Exception {
    RefiQdaSchemas.validate(schema, xml);
  }

  @ParameterizedTest(name = "with sets: {0}")
  @ValueSource(booleans = {false, true})
  void writtenCodebook_isValidAgainstThePublishedSchema(boolean withSets) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    RefiQdaCodebook.write(InterchangeTest.rich(withSets), out);

    validate(CODEBOOK, out.toByteArray());
  }

  @Test
  void writtenCaseStudyCodeframe_isValid() throws Exception {
    Codeframe frame;
    try (InputStream in = RefiQdaSchemaTest.class.getResourceAsStream("/refi-qda/with-sets.qdc")) {
      frame = RefiQdaCodebook.read(in, "with-sets.qdc", "imported");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    RefiQdaCodebook.write(frame, out);

    validate(CODEBOOK, out.toByteArray());
  }

  @Test
  void schemaValidCodebookWithSets_isReadWithItsSets() throws Exception {
    byte[] file;
    try (InputStream in = RefiQdaSchemaTest.class.getResourceAsStream("/refi-qda/with-sets.qdc")) {
      file = in.readAllBytes();
    }
    validate(CODEBOOK, file); // the input really is what the standard allows

    Codeframe frame = RefiQdaCodebook.read(new ByteArrayInputStream(file), "with-sets.qdc", "imported");

    assertThat(frame.sets()).hasSize(1);
    CodeSet set = frame.sets().get(0);
    assertThat(set.name()).isEqualTo("For the board");
    assertThat(set.description()).isEqualTo("Codes shown in the board report");
    assertThat(set.members()).containsExactly(CodeId.of("0e5b2b3a-1111-4c1a-9a00-000000000002"),
        CodeId.of("{0E5B2B3A-1111-4C1A-9A00-000000000004}"));
    assertThat(frame.isNet(CodeId.of("0e5b2b3a-1111-4c1a-9a00-000000000001"))).isTrue();
  }

  @Test
  void memberCodeWithTargetGuid_theOldWay_isRefusedByTheSchema() {
    String old = "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code guid=\"0e5b2b3a-1111-4c1a-9a00-"
        + "000000000002\" name=\"A\" isCodable=\"true\"/></Codes><Sets><Set guid=\"0e5b2b3a-1111-4c1a-9a00-"
        + "0000000000aa\" name=\"S\"><MemberCode targetGUID=\"0e5b2b3a-1111-4c1a-9a00-000000000002\"/></Set>"
        + "</Sets></CodeBook>";

    // what this library wrote before: the schema names the member by guid
    assertThatThrownBy(() -> validate(CODEBOOK, old.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isInstanceOf(SAXException.class).hasMessageContaining("targetGUID");
    assertThat(List.of(RefiQdaCodebook.read(new ByteArrayInputStream(old.getBytes(
        java.nio.charset.StandardCharsets.UTF_8)), "old.qdc", "old").sets().get(0).members()))
        .as("still read, so files written before stay usable").hasSize(1);
  }
}
