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
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeCommandTest {
  @TempDir
  Path dir;
  private Path codebook;
  private Path comments;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private Path copy(String resource) throws IOException {
    Path target = dir.resolve(Path.of(resource).getFileName().toString());
    try (InputStream in = CodeCommandTest.class.getResourceAsStream("/" + resource)) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }

  @BeforeEach
  void fixtures() throws IOException {
    codebook = copy("patient-feedback/fft-two-level-codebook.csv");
    comments = copy("patient-feedback/fft-two-level-excerpt.csv");
  }

  private int run(String... args) {
    return Insight.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  private static Optional<String> row(List<String> lines, String id) {
    return lines.stream().filter(l -> l.startsWith(id + ",")).findFirst();
  }

  @Test
  void apply_realComments_writesTheCodedFileWithRuleProvenance() throws IOException {
    Path coded = dir.resolve("coded.csv");
    Path explain = dir.resolve("explain.csv");

    int exit = run("code", "apply", "--codeframe", codebook.toString(), "--data", comments.toString(), "--id",
        "row_index", "--text", "feedback", "--out", coded.toString(), "--explain", explain.toString());

    assertThat(exit).as(err.toString()).isZero();
    List<String> lines = Files.readAllLines(coded);
    assertThat(lines.get(0)).isEqualTo("id,code,by,source,confidence,at,evidence");
    Coding coding = CodedFileReader.read(coded, CodeframeFiles.read(codebook));
    assertThat(coding.units()).hasSize(40);
    // "Enjoyed the food & happy wIth the care receIved." -> ef (food), by its rule, with the matched word
    assertThat(coding.codes(UnitId.of("2988"))).contains(CodeId.of("ef")).doesNotContain(CodeId.of("sa"));
    Provenance.Rule why = (Provenance.Rule) coding.assignment(UnitId.of("2988"), CodeId.of("ef")).orElseThrow()
        .provenance();
    assertThat(why.rule()).isEqualTo("food OR meal* OR drink* OR breakfast OR lunch OR dinner OR menu");
    assertThat(why.matched()).containsExactly("food");
    assertThat(Files.readAllLines(explain)).contains("2988,ef,Food,food OR meal* OR drink* OR breakfast OR lunch OR "
        + "dinner OR menu,food");
    assertThat(out.toString()).contains("coded 40 comments with 44 codes").contains("NET staff");
  }

  @Test
  void apply_sameCodingFromJsonQdcAndCsvCodeframes() throws IOException {
    Codeframe frame = CodeframeFiles.read(codebook);
    List<String> results = new java.util.ArrayList<>();
    for (String name : List.of("cf.csv", "cf.json", "cf.qdc")) {
      Path file = dir.resolve(name);
      if (!name.endsWith(".csv")) {
        CodeframeFiles.write(frame, file);
      } else {
        Files.copy(codebook, file);
      }
      Path coded = dir.resolve(name + ".coded.csv");
      int exit = run("code", "apply", "--codeframe", file.toString(), "--data", comments.toString(), "--id",
          "row_index", "--text", "feedback", "--out", coded.toString());
      assertThat(exit).as(err.toString()).isZero();
      // the same rows but for the time of coding
      results.add(Files.readString(coded).replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z", "T"));
    }

    assertThat(results.get(0)).contains(",rule,");
    assertThat(results.get(1)).isEqualTo(results.get(0));
    assertThat(results.get(2)).isEqualTo(results.get(0));
  }

  @Test
  void apply_ruleWithSyntaxError_failsNamingFileLineCodeAndPosition_andWritesNothing() throws IOException {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "code,label,parent,description,rule\nsa,Attitude,,,rude AND (kind\n");
    Path coded = dir.resolve("coded.csv");

    int exit = run("code", "apply", "--codeframe", bad.toString(), "--data", comments.toString(), "--id",
        "row_index", "--text", "feedback", "--out", coded.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains(bad + ":2: column \"rule\", value \"rude AND (kind\", code sa: rule syntax "
        + "error at position 15: expected ')' to close the '(' at position 10 but found end of rule");
    assertThat(coded).doesNotExist();
  }

  @Test
  void apply_missingTextColumn_failsListingTheHeader() {
    int exit = run("code", "apply", "--codeframe", codebook.toString(), "--data", comments.toString(), "--id",
        "row_index", "--text", "comment", "--out", dir.resolve("coded.csv").toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains(comments + ":1: column \"comment\", column not found; the header has "
        + "[row_index, code, feedback]");
  }

  @Test
  void agree_twoCodings_reportsKappaAlphaAndF1PerCode() throws IOException {
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    Files.writeString(a, "id,sa,wa\nr1,1,0\nr2,1,1\nr3,0,0\nr4,1,0\n");
    Files.writeString(b, "id,sa,wa\nr1,1,0\nr2,0,1\nr3,0,0\nr4,1,0\n");

    int exit = run("code", "agree", "--a", a.toString(), "--b", b.toString());

    assertThat(exit).as(err.toString()).isZero();
    // sa: both 2, onlyA 1, neither 1 -> po 0.75, pA 0.75, pB 0.5, pe 0.5, kappa 0.5; precision 1, recall 2/3
    assertThat(out.toString()).contains("4 units compared")
        .containsPattern("sa +sa +2 +1 +0 +1 +75\\.0% +0\\.500 +\\S+ +1\\.000 +0\\.667 +0\\.800 +3");
  }

  @Test
  void agree_withCodeframe_unknownColumnsReported() throws IOException {
    Path a = dir.resolve("a.csv");
    Files.writeString(a, "row_index,sa\nr1,1\n");

    int exit = run("code", "agree", "--a", a.toString(), "--b", a.toString(), "--codeframe", codebook.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("code aa (General) of codeframe fft-two-level-codebook has no column");
  }

  @Test
  void code_help_listsSubcommands() {
    int exit = run("code", "--help");

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("apply").contains("agree");
  }
}
