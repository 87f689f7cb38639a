package dev.insight.examples.cli.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.Provenance;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.codeframe.interchange.CodeframeFiles;
import dev.insight.codeframe.interchange.CodingCsv;
import dev.insight.codeframe.interchange.CodedFileReader;
import dev.insight.examples.cli.Insight;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** insight code import: a team's spreadsheet of codes into the one coded file. */
class ImportCommandTest {
  @TempDir
  Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Path frameFile;
  private Codeframe frame;

  @BeforeEach
  void frame() throws IOException {
    frameFile = dir.resolve("frame.json");
    CodeframeFiles.write(ReviewFixture.FRAME, frameFile);
    frame = CodeframeFiles.read(frameFile);
  }

  private int run(String... args) {
    return Insight.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void spreadsheetOfCodeColumns_becomesACodedFileWithTheCoderAsProvenance() throws IOException {
    Path sheet = dir.resolve("sheet.csv");
    Files.writeString(sheet, "id,Staff attitude,numbers,Parking,none\nr1,1,0,0,0\nr2,0,0,1,0\nr3,0,0,0,0\n");
    Path coded = dir.resolve("coded.csv");

    int exit = run("code", "import", "--codeframe", frameFile.toString(), "--data", sheet.toString(), "--id", "id",
        "--coder", "ann", "--coded-at", "2026-11-01T10:00:00Z", "--out", coded.toString());

    assertThat(exit).as(err.toString()).isZero();
    Coding coding = CodedFileReader.read(coded, frame);
    assertThat(coding.codes(UnitId.of("r1"))).containsExactly(CodeId.of("attitude"));
    assertThat(coding.codes(UnitId.of("r2"))).containsExactly(CodeId.of("parking"));
    assertThat(coding.codes(UnitId.of("r3"))).isEmpty();
    assertThat(coding.assignments()).allSatisfy(a -> assertThat(a.provenance())
        .isEqualTo(new Provenance.Human("ann", Instant.parse("2026-11-01T10:00:00Z"))));
  }

  @Test
  void twoCodersInOneSheet_giveOneCodedFileEach_andTheirConflictsAreCounted() throws IOException {
    Path sheet = dir.resolve("double.csv");
    Files.writeString(sheet, "id,coder,codes\nr1,ann,attitude\nr1,bob,parking\nr2,ann,parking\nr2,bob,parking\n");
    Path folder = dir.resolve("coders");

    int exit = run("code", "import", "--codeframe", frameFile.toString(), "--data", sheet.toString(), "--id", "id",
        "--codes-from", "codes", "--coder-column", "coder", "--out", folder.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(CodedFileReader.read(folder.resolve("ann.csv"), frame).codes(UnitId.of("r1")))
        .containsExactly(CodeId.of("attitude"));
    assertThat(CodedFileReader.read(folder.resolve("bob.csv"), frame).codes(UnitId.of("r1")))
        .containsExactly(CodeId.of("parking"));
    assertThat(out.toString()).contains("1 comments were coded differently by the coders");
  }

  @Test
  void cellThatIsNotACode_failsNamingFileLineAndValue_andWritesNothing() throws IOException {
    Path sheet = dir.resolve("sheet.csv");
    Files.writeString(sheet, "id,attitude,numbers,parking,none\nr1,1,0,0,0\nr2,0,yes,0,0\n");
    Path coded = dir.resolve("coded.csv");

    int exit = run("code", "import", "--codeframe", frameFile.toString(), "--data", sheet.toString(), "--id", "id",
        "--coder", "ann", "--out", coded.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains(sheet + ":3: column \"numbers\", value \"yes\"");
    assertThat(coded).doesNotExist();
  }
}
