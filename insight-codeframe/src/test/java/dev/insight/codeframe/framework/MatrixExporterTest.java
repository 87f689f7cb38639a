package dev.insight.codeframe.framework;

import static dev.insight.codeframe.framework.FocusGroupFixture.ACCESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.insight.codeframe.transcript.TranscriptCoding;
import dev.insight.core.evidence.Consent;
import dev.insight.core.evidence.QuoteId;
import dev.insight.core.redact.AuditEntry;
import dev.insight.core.redact.RedactionAudit;
import dev.insight.core.redact.RedactionKind;
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
