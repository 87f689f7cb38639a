package dev.insight.codeframe.qdpx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.RefiQdaSchemas;
import dev.insight.codeframe.coding.Provenance;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.core.input.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading REFI-QDA projects: a project shaped as QualCoder exports it (its export code writes the users, a code book,
 * text sources as internal files under sources/, selections with codings by user and time, and cases by source), and
 * projects that are broken in the ways real files are.
 */
class QdpxImporterTest {
  private static final String TEXT = "I waited three months for an appointment. The nurse was kind.";
  @TempDir
  Path dir;

  /** A project.qde as QualCoder's REFI-QDA export writes it. */
  private static String qualCoderProject(int start, int end, String codeRef) {
    int nurse = TEXT.indexOf("The nurse");
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        + "<Project xmlns=\"urn:QDA-XML:project:1.0\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        + "name=\"Interviews\" origin=\"QualCoder 3.5\" creatingUserGUID=\"5c94bc9e-db8c-4f1d-9cd6-e900c7440860\" "
        + "creationDateTime=\"2024-03-01T10:00:00Z\">\n"
        + "<Users><User guid=\"5c94bc9e-db8c-4f1d-9cd6-e900c7440860\" name=\"colin\"/></Users>\n"
        + "<CodeBook><Codes>\n"
        + "<Code guid=\"a1000000-0000-4000-8000-000000000001\" name=\"Access\" isCodable=\"true\" color=\"#F5D0A9\">"
        + "<Description>Access to services</Description>\n"
        + "<Code guid=\"a1000000-0000-4000-8000-000000000002\" name=\"Waiting\" isCodable=\"true\" color=\"#81BEF7\"/>"
        + "</Code>\n"
        + "<Code guid=\"a1000000-0000-4000-8000-000000000003\" name=\"Staff\" isCodable=\"true\"/>\n"
        + "</Codes></CodeBook>\n"
        + "<Cases><Case guid=\"c1000000-0000-4000-8000-000000000001\" name=\"Participant 1\">"
        + "<SourceRef targetGUID=\"b1000000-0000-4000-8000-000000000001\"/></Case></Cases>\n"
        + "<Sources><TextSource guid=\"b1000000-0000-4000-8000-000000000001\" name=\"interview1.txt\" "
        + "plainTextPath=\"internal://b1000000-0000-4000-8000-000000000001.txt\" "
        + "creatingUser=\"5c94bc9e-db8c-4f1d-9cd6-e900c7440860\" creationDateTime=\"2024-03-01T10:00:00Z\">\n"
        + "<PlainTextSelection guid=\"d1000000-0000-4000-8000-000000000001\" name=\"" + start + "," + end
        + "\" startPosition=\"" + start + "\" endPosition=\"" + end + "\" "
        + "creatingUser=\"5c94bc9e-db8c-4f1d-9cd6-e900c7440860\" creationDateTime=\"2024-03-02T09:30:00Z\">"
        + "<Coding guid=\"e1000000-0000-4000-8000-000000000001\" creatingUser=\"5c94bc9e-db8c-4f1d-9cd6-e900c7440860\" "
        + "creationDateTime=\"2024-03-02T09:30:00Z\"><CodeRef targetGUID=\"" + codeRef + "\"/></Coding>"
        + "</PlainTextSelection>\n"
        + "<PlainTextSelection guid=\"d1000000-0000-4000-8000-000000000002\" name=\"nurse\" startPosition=\""
        + nurse + "\" endPosition=\"" + TEXT.length() + "\">"
        + "<Coding guid=\"e1000000-0000-4000-8000-000000000002\" creatingUser=\"5c94bc9e-db8c-4f1d-9cd6-e900c7440860\" "
        + "creationDateTime=\"2024-03-02T09:31:00Z\"><CodeRef targetGUID=\"a1000000-0000-4000-8000-000000000003\"/>"
        + "</Coding></PlainTextSelection>\n"
        + "</TextSource></Sources>\n"
        + "</Project>\n";
  }

  private Path zip(String name, String qde) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("project.qde"));
      zip.write(qde.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("sources/b1000000-0000-4000-8000-000000000001.txt"));
      zip.write(TEXT.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return file;
  }

  @Test
  void qualCoderShapedProject_givesSourcesSegmentsCodingAndCases() throws Exception {
    String qde = qualCoderProject(0, TEXT.indexOf('.') + 1, "a1000000-0000-4000-8000-000000000002");
    RefiQdaSchemas.validate(RefiQdaSchemas.PROJECT, qde.getBytes(StandardCharsets.UTF_8)); // a valid project

    QdpxProject project = QdpxImporter.read(zip("qualcoder.qdpx", qde));

    assertThat(project.name()).isEqualTo("Interviews");
    assertThat(project.sources()).singleElement().satisfies(s -> assertThat(s.text()).isEqualTo(TEXT));
    assertThat(project.segments()).extracting(QdpxProject.Segment::text)
        .containsExactly("I waited three months for an appointment.", "The nurse was kind.");
    UnitId waiting = UnitId.of("d1000000-0000-4000-8000-000000000001");
    assertThat(project.coding().codes(waiting)).containsExactly(CodeId.of("a1000000-0000-4000-8000-000000000002"));
    assertThat(project.coding().assignments(waiting).get(0).provenance())
        .isEqualTo(new Provenance.Human("colin", Instant.parse("2024-03-02T09:30:00Z")));
    assertThat(project.codeframe().code(CodeId.of("a1000000-0000-4000-8000-000000000002")).parent())
        .isEqualTo(CodeId.of("a1000000-0000-4000-8000-000000000001"));
    assertThat(project.cases()).containsOnlyKeys("Participant 1");
    assertThat(project.cases().get("Participant 1")).hasSize(2);
  }

  @Test
  void selectionOutsideItsSource_isAClearError() throws IOException {
    Path file = zip("outside.qdpx", qualCoderProject(20, TEXT.length() + 40, "a1000000-0000-4000-8000-000000000002"));

    assertThatThrownBy(() -> QdpxImporter.read(file)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(file + ": column \"TextSource interview1.txt / PlainTextSelection "
            + "d1000000-0000-4000-8000-000000000001\", value \"20..101\", the selection falls outside its source, "
            + "which has 61 characters");
  }

  @Test
  void codingWithACodeNotInTheCodeBook_isAClearError() throws IOException {
    Path file = zip("unknown.qdpx", qualCoderProject(0, 5, "ffffffff-0000-4000-8000-000000000009"));

    assertThatThrownBy(() -> QdpxImporter.read(file)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("value \"ffffffff-0000-4000-8000-000000000009\", codes with a code that is not in the "
            + "code book");
  }

  @Test
  void archiveWithoutAProject_isRefused() throws IOException {
    Path file = dir.resolve("empty.qdpx");
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("readme.txt"));
      zip.closeEntry();
    }

    assertThatThrownBy(() -> QdpxImporter.read(file)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not a REFI-QDA project: the archive has no project.qde");
  }

  @Test
  void projectWithADoctype_isRefused() throws IOException {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"&x;\"/>";

    assertThatThrownBy(() -> QdpxImporter.read(zip("xxe.qdpx", xxe))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("malformed XML").hasMessageContaining("DOCTYPE");
  }

  @Test
  void exportedProject_readsBackWithTheSameCodesOnTheSameWords() throws Exception {
    Path file = dir.resolve("export.qdpx");
    QdpxExporterTest.exportForImport(file);

    QdpxProject project = QdpxImporter.read(file);

    assertThat(project.codeframe().sets()).singleElement()
        .satisfies(set -> assertThat(set.name()).isEqualTo("for the board"));
    assertThat(project.segments()).isNotEmpty();
    assertThat(project.coding().counts()).containsEntry(CodeId.of("waiting"), 2).containsEntry(CodeId.of("cost"), 2);
    assertThat(project.coding().assignments()).allSatisfy(a ->
        assertThat(((Provenance.Human) a.provenance()).coder()).isIn("AB", "CD"));
    assertThat(project.cases()).isNotEmpty();
    Map<String, java.util.List<UnitId>> cases = project.cases();
    assertThat(cases.values()).allSatisfy(units -> assertThat(units).isNotEmpty());
  }
}
