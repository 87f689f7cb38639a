package dev.insight.examples.cli.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.Provenance;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.codeframe.interchange.CodeframeFiles;
import dev.insight.codeframe.interchange.CodedFileReader;
import dev.insight.examples.cli.Insight;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * insight code import --qdpx: a project coded in a QDA program (here in MAXQDA's shape: upper-case GUIDs, texts under
 * sources/, a picture beside the texts) into the coded file, the codeframe and the segments' text.
 */
class ImportQdpxCommandTest {
  private static final String TEXT = "Parking costs too much.\nThe staff were kind.\n";
  @TempDir
  Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Insight.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  private Path project(boolean withPicture) throws IOException {
    String user = "7E1D0000-0000-4000-8000-000000000001";
    String qde = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        + "<Project xmlns=\"urn:QDA-XML:project:1.0\" origin=\"MAXQDA 24 (Release 24.7.0)\" name=\"Clinic\">\n"
        + "<Users><User guid=\"" + user + "\" name=\"jo\"/></Users>\n"
        + "<CodeBook><Codes><Code guid=\"7E1D0000-0000-4000-8000-0000000000C1\" name=\"Access\" isCodable=\"true\">"
        + "<Code guid=\"7E1D0000-0000-4000-8000-0000000000C2\" name=\"Parking\" isCodable=\"true\"/></Code>"
        + "<Code guid=\"7E1D0000-0000-4000-8000-0000000000C3\" name=\"Staff\" isCodable=\"true\"/></Codes></CodeBook>\n"
        + "<Cases><Case guid=\"7E1D0000-0000-4000-8000-0000000000A1\" name=\"Patient 1\"><SourceRef "
        + "targetGUID=\"7E1D0000-0000-4000-8000-0000000000D1\"/></Case></Cases>\n"
        + "<Sources><TextSource guid=\"7E1D0000-0000-4000-8000-0000000000D1\" name=\"Interview 1\" "
        + "plainTextPath=\"internal://7E1D0000-0000-4000-8000-0000000000D1.txt\">"
        + "<PlainTextSelection guid=\"7E1D0000-0000-4000-8000-0000000000E1\" startPosition=\"0\" endPosition=\"23\">"
        + "<Coding guid=\"7E1D0000-0000-4000-8000-0000000000F1\" creatingUser=\"" + user + "\" "
        + "creationDateTime=\"2026-03-01T09:00:00Z\"><CodeRef targetGUID=\"7E1D0000-0000-4000-8000-0000000000C2\"/>"
        + "</Coding></PlainTextSelection>"
        + "<PlainTextSelection guid=\"7E1D0000-0000-4000-8000-0000000000E2\" startPosition=\"24\" endPosition=\"44\">"
        + "<Coding guid=\"7E1D0000-0000-4000-8000-0000000000F2\" creatingUser=\"" + user + "\" "
        + "creationDateTime=\"2026-03-01T09:01:00Z\"><CodeRef targetGUID=\"7E1D0000-0000-4000-8000-0000000000C3\"/>"
        + "</Coding></PlainTextSelection></TextSource>"
        + (withPicture ? "<PictureSource guid=\"7E1D0000-0000-4000-8000-0000000000D2\" name=\"Car park photo\" "
            + "path=\"internal://7E1D0000-0000-4000-8000-0000000000D2.png\"><PictureSelection "
            + "guid=\"7E1D0000-0000-4000-8000-0000000000E3\" firstX=\"0\" firstY=\"0\" secondX=\"5\" secondY=\"5\">"
            + "<Coding guid=\"7E1D0000-0000-4000-8000-0000000000F3\"><CodeRef "
            + "targetGUID=\"7E1D0000-0000-4000-8000-0000000000C2\"/></Coding></PictureSelection></PictureSource>" : "")
        + "</Sources>\n</Project>\n";
    Path file = dir.resolve("clinic.qdpx");
    try (OutputStream stream = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(stream)) {
      zip.putNextEntry(new ZipEntry("project.qde"));
      zip.write(qde.getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("sources/7E1D0000-0000-4000-8000-0000000000D1.txt"));
      zip.write(TEXT.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return file;
  }

  @Test
  void project_becomesACodedFileACodeframeAndTheSegmentsText() throws IOException {
    Path coded = dir.resolve("coded.csv");
    Path frameFile = dir.resolve("frame.json");
    Path segments = dir.resolve("segments.csv");

    int exit = run("code", "import", "--qdpx", project(false).toString(), "--out", coded.toString(),
        "--codeframe-out", frameFile.toString(), "--segments-out", segments.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Clinic: 3 codes, 1 text sources, 2 segments (2 coded, 2 codings), 1 cases, "
        + "0 notes");
    Codeframe frame = CodeframeFiles.read(frameFile);
    Coding coding = CodedFileReader.read(coded, frame);
    UnitId first = UnitId.of("7e1d0000-0000-4000-8000-0000000000e1");
    assertThat(coding.codes(first)).containsExactly(CodeId.of("7E1D0000-0000-4000-8000-0000000000C2"));
    assertThat(coding.assignments(first).get(0).provenance())
        .isEqualTo(new Provenance.Human("jo", Instant.parse("2026-03-01T09:00:00Z")));
    assertThat(frame.code(CodeId.of("7E1D0000-0000-4000-8000-0000000000C2")).label()).isEqualTo("Parking");
    assertThat(Files.readString(segments, StandardCharsets.UTF_8)).isEqualTo("id,source,start,end,cases,text,memo\n"
        + "7e1d0000-0000-4000-8000-0000000000e1,Interview 1,0,23,Patient 1,Parking costs too much.,\n"
        + "7e1d0000-0000-4000-8000-0000000000e2,Interview 1,24,44,Patient 1,The staff were kind.,\n");
  }

  @Test
  void pictureSource_failsNamingItAndTheLenientOption_andWritesNothing() throws IOException {
    Path coded = dir.resolve("coded.csv");

    int exit = run("code", "import", "--qdpx", project(true).toString(), "--out", coded.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("column \"PictureSource Car park photo\", only text is read (a TextSource, "
        + "or a PDFSource's text Representation): this PictureSource and its 1 coding are not imported")
        .contains("a lenient read (insight code import --lenient) imports the rest of the project");
    assertThat(coded).doesNotExist();
  }

  @Test
  void pictureSource_withLenient_importsTheTextsAndWarnsOfThePicture() throws IOException {
    Path coded = dir.resolve("coded.csv");

    int exit = run("code", "import", "--qdpx", project(true).toString(), "--out", coded.toString(), "--lenient");

    assertThat(exit).as(err.toString()).isZero();
    assertThat(err.toString()).startsWith("warning: ").contains("PictureSource Car park photo");
    assertThat(out.toString()).contains("2 segments (2 coded, 2 codings)").contains("1 thing not imported");
    assertThat(Files.readString(coded, StandardCharsets.UTF_8)).contains("7e1d0000-0000-4000-8000-0000000000e2");
  }

  @Test
  void qdpxWithSpreadsheetOptions_isRefused() throws IOException {
    int exit = run("code", "import", "--qdpx", project(false).toString(), "--out", dir.resolve("c.csv").toString(),
        "--coder", "ann");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("--qdpx reads the codes, coders and times from the project");
  }
}
