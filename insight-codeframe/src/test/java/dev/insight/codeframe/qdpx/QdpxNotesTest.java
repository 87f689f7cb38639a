package dev.insight.codeframe.qdpx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.RefiQdaSchemas;
import dev.insight.core.input.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memos both ways: a code's description, and notes in the project's {@code Notes} referred to by {@code NoteRef}s
 * from codes and sources (code memos, source memos) or by nothing (the project's journal), as the Project schema
 * defines them and as QualCoder's REFI-QDA export writes them (a note per memo, {@code PlainTextContent} inline,
 * the {@code NoteRef} in the element the memo is about).
 */
class QdpxNotesTest {
  private static final String TEXT = "I waited three months for an appointment. The nurse was kind.";
  private static final String USER = "5c94bc9e-db8c-4f1d-9cd6-e900c7440860";
  private static final String WAITING = "a1000000-0000-4000-8000-000000000002";
  private static final String CODE_MEMO = "f1000000-0000-4000-8000-000000000001";
  private static final String SOURCE_MEMO = "f1000000-0000-4000-8000-000000000002";
  private static final String JOURNAL = "f1000000-0000-4000-8000-000000000003";
  @TempDir
  Path dir;

  /** A project.qde with memos, in the shape QualCoder's export writes. */
  private static String project(String creatingUser, String codeNoteRef) {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        + "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"Interviews\" origin=\"QualCoder 3.5\" "
        + "creationDateTime=\"2024-03-01T10:00:00Z\">\n"
        + "<Users><User guid=\"" + USER + "\" name=\"colin\"/></Users>\n"
        + "<CodeBook><Codes>\n"
        + "<Code guid=\"a1000000-0000-4000-8000-000000000001\" name=\"Access\" isCodable=\"true\">"
        + "<Description>Getting to services at all</Description>\n"
        + "<Code guid=\"" + WAITING + "\" name=\"Waiting\" isCodable=\"true\">"
        + "<Description>Time from referral to appointment</Description>"
        + "<NoteRef targetGUID=\"" + codeNoteRef + "\"/></Code>"
        + "</Code>\n"
        + "</Codes></CodeBook>\n"
        + "<Sources><TextSource guid=\"b1000000-0000-4000-8000-000000000001\" name=\"interview1.txt\" "
        + "plainTextPath=\"internal://b1000000-0000-4000-8000-000000000001.txt\">\n"
        + "<PlainTextSelection guid=\"d1000000-0000-4000-8000-000000000001\" startPosition=\"0\" endPosition=\"41\">"
        + "<Coding guid=\"e1000000-0000-4000-8000-000000000001\" creatingUser=\"" + USER + "\" "
        + "creationDateTime=\"2024-03-02T09:30:00Z\"><CodeRef targetGUID=\"" + WAITING + "\"/></Coding>"
        + "</PlainTextSelection>\n"
        + "<NoteRef targetGUID=\"" + SOURCE_MEMO + "\"/>"
        + "</TextSource></Sources>\n"
        + "<Notes>\n"
        + "<Note guid=\"" + CODE_MEMO + "\" name=\"Waiting memo\" creatingUser=\"" + creatingUser + "\" "
        + "creationDateTime=\"2024-03-03T08:00:00Z\"><PlainTextContent>Split into first and follow-up appointments "
        + "after wave 1?</PlainTextContent></Note>\n"
        + "<Note guid=\"" + SOURCE_MEMO + "\" name=\"interview1.txt\" creatingUser=\"" + creatingUser + "\" "
        + "creationDateTime=\"2024-03-01T11:00:00Z\" plainTextPath=\"internal://" + SOURCE_MEMO + ".txt\"/>\n"
        + "<Note guid=\"" + JOURNAL + "\" name=\"Journal: first reading\" creationDateTime=\"2024-03-01T12:00:00Z\">"
        + "<PlainTextContent>Waiting dominates the first ten interviews.</PlainTextContent></Note>\n"
        + "</Notes>\n"
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
      zip.putNextEntry(new ZipEntry("sources/" + SOURCE_MEMO + ".txt"));
      zip.write("Recorded at the GP surgery.".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return file;
  }

  @Test
  void qualCoderShapedProjectWithMemos_readsCodeSourceAndProjectNotes() throws Exception {
    String qde = project(USER, CODE_MEMO);
    RefiQdaSchemas.validate(RefiQdaSchemas.PROJECT, qde.getBytes(StandardCharsets.UTF_8));

    QdpxProject project = QdpxImporter.read(zip("memos.qdpx", qde));

    CodeId waiting = CodeId.of(WAITING);
    assertThat(project.codeframe().code(waiting).description()).isEqualTo("Time from referral to appointment");
    assertThat(project.notes()).containsExactly(
        new QdpxProject.Note(CODE_MEMO, "Waiting memo", "Split into first and follow-up appointments after wave 1?",
            "colin", Instant.parse("2024-03-03T08:00:00Z"), List.of(waiting), List.of()),
        new QdpxProject.Note(SOURCE_MEMO, "interview1.txt", "Recorded at the GP surgery.", "colin",
            Instant.parse("2024-03-01T11:00:00Z"), List.of(), List.of("b1000000-0000-4000-8000-000000000001")),
        new QdpxProject.Note(JOURNAL, "Journal: first reading", "Waiting dominates the first ten interviews.", "",
            Instant.parse("2024-03-01T12:00:00Z"), List.of(), List.of()));
    assertThat(project.notesOf(waiting)).extracting(QdpxProject.Note::name).containsExactly("Waiting memo");
  }

  @Test
  void noteWrittenByUserNameNotGuid_asOlderQualCoderDoes_keepsTheName() throws Exception {
    QdpxProject project = QdpxImporter.read(zip("names.qdpx", project("colin", CODE_MEMO)));

    assertThat(project.notes().get(0).author()).isEqualTo("colin");
  }

  @Test
  void noteRefToNoNote_isAnErrorNamingTheCodeAndTheGuid() throws Exception {
    String missing = "f1000000-0000-4000-8000-0000000000ff";
    Path file = zip("dangling.qdpx", project(USER, missing));

    assertThatThrownBy(() -> QdpxImporter.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(file + ": column \"Code Waiting\", value \"" + missing + "\", NoteRef points to no note of the "
            + "project's Notes");
  }

  private static byte[] projectXml(Path file) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile()); InputStream in = zip.getInputStream(zip.getEntry("project.qde"))) {
      return in.readAllBytes();
    }
  }

  @Test
  void writtenNotes_areValidAgainstTheProjectSchema_andReadBackTheSame(@TempDir Path folder) throws Exception {
    Instant at = Instant.parse("2026-11-30T09:00:00Z");
    QdpxProject.Note memo = QdpxProject.Note.of("Waiting memo", "Merge with cost in wave 2?", "ann", at,
        List.of(CodeId.of("waiting"), CodeId.of("cost")));
    QdpxProject.Note journal = QdpxProject.Note.of("Journal", "Group 4 ran over time.", "bob", at, List.of());
    Path file = folder.resolve("notes.qdpx");

    QdpxExporter.internalUseOnly("round trip test").withNotes(List.of(memo, journal))
        .write("Focus groups", List.of(QdpxExporterTest.coding(true)), file);

    RefiQdaSchemas.validate(RefiQdaSchemas.PROJECT, projectXml(file));
    QdpxProject back = QdpxImporter.read(file);
    assertThat(back.notes()).containsExactly(memo, journal);
    assertThat(back.notesOf(CodeId.of("cost"))).containsExactly(memo);
  }

  @Test
  void writtenNotes_areRedactedByDefault(@TempDir Path folder) throws Exception {
    QdpxProject.Note memo = QdpxProject.Note.of("Follow up", "Call back on 020 7946 0958 or jo@example.org",
        "ann", Instant.parse("2026-11-30T09:00:00Z"), List.of(CodeId.of("waiting")));
    Path file = folder.resolve("redacted.qdpx");

    QdpxExporter.redacting().withNotes(List.of(memo)).write("Focus groups", List.of(QdpxExporterTest.coding(true)),
        file);

    byte[] xml = projectXml(file);
    RefiQdaSchemas.validate(RefiQdaSchemas.PROJECT, xml);
    assertThat(new String(xml, StandardCharsets.UTF_8)).contains("<Notes><Note guid=\"" + memo.guid() + "\"")
        .doesNotContain("020 7946 0958").doesNotContain("jo@example.org");
  }

  @Test
  void noteOfACodeNotInTheFrame_isRefusedBeforeWriting(@TempDir Path folder) {
    QdpxProject.Note memo = QdpxProject.Note.of("x", "y", "ann", Instant.EPOCH, List.of(CodeId.of("nope")));

    assertThatThrownBy(() -> QdpxExporter.redacting().withNotes(List.of(memo))
        .write("Focus groups", List.of(QdpxExporterTest.coding(true)), folder.resolve("x.qdpx")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is a memo of nope, which is not a code of codeframe");
    assertThat(folder.resolve("x.qdpx")).doesNotExist();
  }
}
