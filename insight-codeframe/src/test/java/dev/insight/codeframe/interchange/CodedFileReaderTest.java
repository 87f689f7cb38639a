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
import dev.insight.core.input.ReadMode;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodedFileReaderTest {
  private static final Instant AT = Instant.parse("2026-11-01T09:00:00Z");

  private static Reader resource(String name) {
    return new InputStreamReader(CodedFileReaderTest.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8);
  }

  private static Codeframe v6() {
    return CodebookCsv.read(resource("patient-feedback/fft-v6-codebook.csv"), "fft-v6-codebook.csv", "v6", "6");
  }

  private static Codeframe small() {
    return Codeframe.builder("f")
        .net("staff", "Staff", null)
        .code("sa", "Attitude", "staff")
        .code("sl", "Staffing levels", "staff")
        .code("wa", "Waiting", null)
        .reserved("na", "No answer", Reserved.NO_ANSWER)
        .build();
  }

  @Test
  void columns_realV6Excerpt_lenient_keepsEveryRowAndReportsTheRealConflict() {
    CodedData read = CodedFileReader.columns(v6()).idColumn("Comment ID").coder("nhs").at(AT)
        .mode(ReadMode.LENIENT).read(resource("patient-feedback/fft-multilabel-v6-excerpt.csv"), "v6.csv");

    Coding coding = read.coding();
    assertThat(coding.units()).hasSize(39);
    assertThat(coding.counts().get(CodeId.of("4"))).isEqualTo(13);
    assertThat(coding.counts().get(CodeId.of("50"))).isEqualTo(7);
    // 51 ones in the file, less the none-code of the conflicting row
    assertThat(coding.assignments()).hasSize(50);
    assertThat(read.problems()).extracting(p -> p.describe()).containsExactly(
        "v6.csv:28: value \"NEAS S&C 5514 - Q2\", none-code(s) [36] exclude every other code, but the unit also has "
            + "[50]; the none-code(s) are left out");
    assertThat(coding.assignments().get(0).provenance()).isEqualTo(new Provenance.Human("nhs", AT));
  }

  @Test
  void columns_realV6Excerpt_strict_failsAtTheConflictLine() {
    assertThatThrownBy(() -> CodedFileReader.columns(v6()).idColumn("Comment ID")
        .read(resource("patient-feedback/fft-multilabel-v6-excerpt.csv"), "v6.csv"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("v6.csv:28:");
  }

  @Test
  void columns_headersByIdOrLabel_netColumnsIgnored_badCellReported() {
    String csv = "id,sa,Staffing levels,wa,na,staff\n"
        + "r1,1,1,0,0,1\n"
        + "r2,0,,1,0,0\n"
        + "r3,0,0,yes,0,0\n";

    CodedData read = CodedFileReader.columns(small()).mode(ReadMode.LENIENT).read(new StringReader(csv), "c.csv");

    assertThat(read.coding().codes(UnitId.of("r1"))).containsExactly(CodeId.of("sa"), CodeId.of("sl"));
    assertThat(read.coding().codes(UnitId.of("r3"))).isEmpty();
    assertThat(read.problems()).extracting(p -> p.describe())
        .containsExactly("c.csv:4: column \"wa\", value \"yes\", a code column must hold 1 (coded), 0 or blank (not "
            + "coded)");
  }

  @Test
  void columns_codeWithoutColumn_reported() {
    CodedData read = CodedFileReader.columns(small()).mode(ReadMode.LENIENT)
        .read(new StringReader("id,sa,sl,wa\nr1,1,0,0\n"), "c.csv");

    assertThat(read.problems()).extracting(p -> p.describe()).containsExactly(
        "c.csv:1: column \"na\", value \"No answer\", code na (No answer) of codeframe f has no column (by id or label)");
  }

  @Test
  void list_twoCodersWithTimes_conflictsReportedAndProvenanceKept() {
    String csv = "id,coder,coded_at,codes\n"
        + "r1,ann,2026-11-01T10:00:00Z,sa;wa\n"
        + "r1,bob,2026-11-02,wa ; Attitude\n"
        + "r2,ann,01/11/2026,sa\n"
        + "r2,bob,2026-11-02,sl\n"
        + "r3,ann,2026-11-01,\n"
        + "r3,bob,2026-11-02,\n";

    CodedData read = CodedFileReader.list(small(), "codes", ";").coderColumn("coder").timeColumn("coded_at")
        .read(new StringReader(csv), "two.csv");

    assertThat(read.byCoder().keySet()).containsExactly("ann", "bob");
    assertThat(read.of("bob").codes(UnitId.of("r1"))).containsExactlyInAnyOrder(CodeId.of("sa"), CodeId.of("wa"));
    assertThat(read.of("bob").assignment(UnitId.of("r1"), CodeId.of("wa")).orElseThrow().provenance())
        .isEqualTo(new Provenance.Human("bob", Instant.parse("2026-11-02T00:00:00Z")));
    assertThat(read.of("ann").assignment(UnitId.of("r2"), CodeId.of("sa")).orElseThrow().provenance().at())
        .isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(read.conflicts()).containsExactly(new CoderConflict(UnitId.of("r2"),
        Map.of("ann", Set.of(CodeId.of("sa")), "bob", Set.of(CodeId.of("sl")))));
    assertThat(read.of("ann").contains(UnitId.of("r3"))).isTrue();
    assertThatThrownBy(read::coding).hasMessageContaining("has 2 coders [ann, bob]");
  }

  @Test
  void list_unknownCodeAndRepeatedUnit_lenient_reportedWithLineAndValue() {
    String csv = "id,codes\n"
        + "r1,sa|zz\n"
        + "r1,wa\n";

    CodedData read = CodedFileReader.list(small(), "codes", "|").mode(ReadMode.LENIENT)
        .read(new StringReader(csv), "l.csv");

    assertThat(read.coding().codes(UnitId.of("r1"))).containsExactly(CodeId.of("sa"));
    assertThat(read.problems()).extracting(p -> p.describe()).containsExactly(
        "l.csv:2: column \"codes\", value \"zz\", unknown code (not an id or label of a codable code of codeframe f); "
            + "it is left out",
        "l.csv:3: column \"id\", value \"r1\", unit coded twice by coder (first on line 2); the first coding is kept");
  }

  @Test
  void list_unknownCode_strict_throwsNamingIt() {
    assertThatThrownBy(() -> CodedFileReader.list(small(), "codes", ";").read(new StringReader("id,codes\nr1,zz\n"),
        "l.csv"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("l.csv:2: column \"codes\", value \"zz\", unknown code (not an id or label of a codable code of "
            + "codeframe f); it is left out");
  }

  @Test
  void missingIdColumn_failsListingTheHeader() {
    assertThatThrownBy(() -> CodedFileReader.columns(small()).idColumn("respondent")
        .read(new StringReader("id,sa\nr1,1\n"), "c.csv"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("c.csv:1: column \"respondent\", no such column in the header; the columns are [id, sa]")
        .hasMessageContaining("c.csv:1: column \"wa\", value \"Waiting\", code wa (Waiting) of codeframe f has no "
            + "column (by id or label)");
  }
}
