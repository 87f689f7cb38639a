package dev.insight.codeframe.framework;

import static dev.insight.codeframe.framework.FocusGroupFixture.ACCESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.insight.codeframe.qdpx.QdpxExporter;
import dev.insight.codeframe.transcript.TranscriptCoding;
import dev.insight.core.evidence.Consent;
import dev.insight.core.evidence.QuoteId;
import dev.insight.core.input.ReadMode;
import dev.insight.core.programme.ActivityId;
import dev.insight.core.redact.AuditEntry;
import dev.insight.core.redact.RedactionAudit;
import dev.insight.core.redact.RedactionKind;
import dev.insight.core.transcript.SpeakerListReader;
import dev.insight.core.transcript.Transcript;
import dev.insight.core.transcript.TranscriptReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatrixExporterTest {
  private final TranscriptCoding coding = FocusGroupFixture.coding();
  private final FrameworkMatrix matrix = FrameworkMatrix.of(List.of(coding), CasesBy.PARTICIPANT)
      .withSummary("P01", ACCESS, "Long CAMHS waits; <script>alert('x')</script> contact Zoë Adams")
      .withQuote("P01", ACCESS, coding.quote(coding.segments().get(0).id(), QuoteId.of("Q1"), Consent.GIVEN));

  @Test
  void csv_wideTable_redactedWithUnknownSpeakersRenamed(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("matrix.csv");

    RedactionAudit audit = MatrixExporter.redacting().write(matrix, out);

    List<CsvRecord> rows;
    try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(out)) {
      rows = csv.stream().toList();
    }
    assertThat(rows.get(0).getFields()).containsExactly("case", "Access to services", "Cost of living",
        "Views on the draft priorities");
    assertThat(rows).extracting(r -> r.getField(0)).containsExactly("case", "P01", "P02", "unidentified speaker 1");
    assertThat(rows.get(1).getField(1)).startsWith("Long CAMHS waits; <script>alert('x')</script> contact [name]\n"
        + "\u201CWaiting lists for CAMHS are the biggest thing.\u201D (P01; ")
        .endsWith("Quote Q1: \u201CWaiting lists for CAMHS are the biggest thing.\u201D \u2014 representative of a "
            + "children and young people's organisation (fg4, 00:00:07)");
    assertThat(rows.get(3).getField(3)).contains("Write to [email].").doesNotContain("Amira");
    assertThat(audit.redacted()).isTrue();
    assertThat(audit.counts()).containsEntry(RedactionKind.EMAIL, 1).containsEntry(RedactionKind.NAME, 1);
    assertThat(audit.entries()).contains(new AuditEntry("case P01, theme access, summary", RedactionKind.NAME, 54,
        63));
    assertThat(Files.list(dir)).containsExactly(out);
  }

  @Test
  void json_holdsCellsExcerptsQuotesAndTheAudit() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    MatrixExporter.redacting().write(matrix, ExportFormat.JSON, out);

    JsonNode root = new ObjectMapper().readTree(out.toByteArray());
    assertThat(root.at("/redaction/redacted").asBoolean()).isTrue();
    assertThat(root.at("/themes/0/id").asText()).isEqualTo("access");
    assertThat(root.at("/cases/2/label").asText()).isEqualTo("unidentified speaker 1");
    JsonNode first = root.at("/cells/0");
    assertThat(first.at("/case").asText()).isEqualTo("P01");
    assertThat(first.at("/excerpts/0/segment").asText()).isEqualTo("fg4:1:0-46");
    assertThat(first.at("/excerpts/0/codedAt").asText()).isEqualTo("2026-11-03T14:00:00Z");
    assertThat(first.at("/quotes/0/consent").asText()).isEqualTo("GIVEN");
    assertThat(root.at("/redaction/redactions")).hasSize(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("Amira").doesNotContain("Zoë Adams");
  }

  @Test
  void xlsx_workbookWithMatrixEvidenceAndRedactionSheets_redacted(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("matrix.xlsx");

    MatrixExporter.redacting().write(matrix, out);

    String xml = unzipText(out);
    assertThat(xml).contains("Matrix", "Evidence", "Redactions", "Waiting lists for CAMHS are the biggest thing.",
        "unidentified speaker 1", "[email]").doesNotContain("amira@example.org").doesNotContain("Zoë Adams");
  }

  @Test
  void html_selfContainedAndEscaped() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    MatrixExporter.redacting().write(matrix, ExportFormat.HTML, out);

    String html = out.toString(StandardCharsets.UTF_8);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        .contains("Yes, &lt;and&gt; it&#39;s worse in winter.").doesNotContain("<script").doesNotContain("src=")
        .doesNotContain("href=").contains("<blockquote>");
  }

  @Test
  void quoteWithoutConsent_cannotBeExported() {
    FrameworkMatrix withRefused = matrix.withQuote("P02", FocusGroupFixture.COST, coding.quote(
        coding.segments().get(2).id(), QuoteId.of("Q2"), "advice worker", Consent.NOT_RECORDED));

    assertThatThrownBy(() -> MatrixExporter.redacting().write(withRefused, ExportFormat.CSV,
        new ByteArrayOutputStream())).isInstanceOf(IllegalStateException.class)
        .hasMessage("a quote without consent to publication cannot be put in a report: Q2 (consent NOT_RECORDED); "
            + "record consent or remove the quote from the matrix");
    assertThatThrownBy(() -> MatrixExporter.internalUseOnly("analysis").write(withRefused, ExportFormat.CSV,
        new ByteArrayOutputStream())).isInstanceOf(IllegalStateException.class);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // the real name typed as the pseudonym, in another case, or one name of it
      "Zoë Adams,P01,Zoë Adams|participant P01: the pseudonym \"Zoë Adams\" holds a name on the speaker list",
      "Zoë Adams,P01,ZOE ADAMS|participant P01: the pseudonym \"ZOE ADAMS\" holds a name on the speaker list",
      "Zoë Adams,P01,Kwame|participant P01: the pseudonym \"Kwame\" holds a name on the speaker list",
      "Zoë Adams,zoe.adams@example.org,P01|participant zoe.adams@example.org: the id \"zoe.adams@example.org\" holds "
          + "an e-mail address"})
  void pseudonymThatIsPersonalData_refusedByRedactedExports_keptForInternalUse(String row, String message,
      @TempDir Path dir) throws IOException {
    Path speakers = dir.resolve("speakers.csv");
    Files.writeString(speakers, "name,participant,pseudonym,role,organisation,audiences,staff\n"
        + "Siobhán Ó Súilleabháin,F1,Facilitator,,,,yes\n" + row + ",,,,no\nKwame Mensah,P02,P02,,,,no\n",
        StandardCharsets.UTF_8);
    Transcript transcript = TranscriptReader.of(ReadMode.STRICT).withSpeakers(SpeakerListReader.read(speakers))
        .read(FocusGroupFixture.resource("group4.vtt")).value();
    TranscriptCoding coded = TranscriptCoding.builder(transcript, ActivityId.of("fg4"), FocusGroupFixture.codeframe())
        .code(1, 0, 10, FocusGroupFixture.WAITING, "AB", FocusGroupFixture.CODED_AT).build();
    FrameworkMatrix leaky = FrameworkMatrix.of(List.of(coded), CasesBy.PARTICIPANT);
    Path out = dir.resolve("matrix.csv");

    assertThatThrownBy(() -> MatrixExporter.redacting().write(leaky, out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message.replace("participant ", "case ").replace("the pseudonym", "the label"))
        .hasMessageEndingWith("a redacted export would publish it as a label. Replace the "
            + (message.contains("the id") ? "id" : "label") + " with one that is not personal data (such as P01) in "
            + "the speaker list, or export for internal use only");
    assertThat(out).doesNotExist();
    assertThatThrownBy(() -> QdpxExporter.redacting().write("fg4", List.of(coded), new ByteArrayOutputStream()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
    assertThat(MatrixExporter.internalUseOnly("coding meeting").write(leaky, ExportFormat.CSV,
        new ByteArrayOutputStream()).redacted()).isFalse();
  }

  @Test
  void internalUseOnly_keepsTextAndSaysSo() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    RedactionAudit audit = MatrixExporter.internalUseOnly("coding meeting").write(matrix, ExportFormat.CSV, out);

    String csv = out.toString(StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\"case (INTERNAL USE ONLY, not redacted: coding meeting)\",").contains("Amira Haddad")
        .contains("amira@example.org");
    assertThat(audit.redacted()).isFalse();
    assertThat(audit.entries()).isEmpty();
  }

  @Test
  void csv_cellThatLooksLikeAFormula_isMadeInert() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FrameworkMatrix formula = matrix.withSummary("P02", FocusGroupFixture.COST, "=HYPERLINK(\"http://x\")");

    MatrixExporter.redacting().write(formula, ExportFormat.CSV, out);

    assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"'=HYPERLINK(\"\"http://x\"\")");
  }

  @Test
  void unknownExtension_failsNamingTheFile(@TempDir Path dir) {
    assertThatThrownBy(() -> MatrixExporter.redacting().write(matrix, dir.resolve("m.pdf")))
        .hasMessageEndingWith("m.pdf: use .csv, .json, .xlsx or .html");
  }

  static String unzipText(Path file) throws IOException {
    StringBuilder text = new StringBuilder();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
        try (InputStream in = zip.getInputStream(entry)) {
          text.append(entry.getName()).append('\n').append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    return text.toString();
  }
}
