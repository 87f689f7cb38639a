package dev.insight.codeframe.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.Reserved;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.Provenance;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodingCsvTest {
  private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
  private static final Codeframe FRAME = Codeframe.builder("visits").version("1")
      .net("staff", "Staff", null).code("sa", "Attitude", "staff").code("sl", "Staffing levels", "staff")
      .code("wa", "Waiting", null).reserved("na", "No answer", Reserved.NO_ANSWER).build();
  private static final String HEADER = "id,code,by,source,confidence,at,evidence\n";

  @Test
  void writeThenRead_keepsEveryAssignmentWithItsProvenance() {
    Coding coding = Coding.builder(FRAME)
        .assign(UnitId.of("R1"), CodeId.of("sa"), new Provenance.Human("ann", AT))
        .assign(UnitId.of("R1"), CodeId.of("wa"), new Provenance.Rule("wait* NEAR/3 appointment",
            List.of("Waiting", "appointment"), AT))
        .assign(UnitId.of("R2"), CodeId.of("sl"), new Provenance.Model("v.model 4 (trained on 300)", 0.9312,
            List.of(), AT))
        .unit(UnitId.of("R3"))
        .build();
    StringWriter out = new StringWriter();

    CodingCsv.write(coding, out);

    assertThat(out.toString()).isEqualTo(HEADER
        + "R1,sa,human,ann,,2026-12-01T10:00:00Z,\n"
        + "R1,wa,rule,wait* NEAR/3 appointment,,2026-12-01T10:00:00Z,Waiting; appointment\n"
        + "R2,sl,model,v.model 4 (trained on 300),0.9312,2026-12-01T10:00:00Z,\n"
        + "R3,,,,,,\n");
    Coding back = CodedFileReader.coded(FRAME).read(new StringReader(out.toString()), "coded.csv").coding();
    assertThat(back.units()).containsExactly(UnitId.of("R1"), UnitId.of("R2"), UnitId.of("R3"));
    assertThat(back.assignments()).isEqualTo(coding.assignments());
    assertThat(back.codes(UnitId.of("R3"))).isEmpty();
  }

  @Test
  void formulaLikeCells_areWrittenInertAndReadBack() {
    Coding coding = Coding.builder(FRAME)
        .assign(UnitId.of("=HYPERLINK(\"x\")"), CodeId.of("sa"), new Provenance.Human("@ann", AT)).build();
    StringWriter out = new StringWriter();

    CodingCsv.write(coding, out);

    assertThat(out.toString()).contains("'=HYPERLINK", "'@ann");
    Coding back = CodedFileReader.coded(FRAME).read(new StringReader(out.toString()), "coded.csv").coding();
    assertThat(back.units()).containsExactly(UnitId.of("=HYPERLINK(\"x\")"));
    assertThat(back.assignments().get(0).provenance().source()).isEqualTo("@ann");
  }

  @Test
  void codeNotInTheCodeframe_isReportedWithFileLineAndValue() {
    String csv = HEADER + "R1,sa,human,ann,,2026-12-01T10:00:00Z,\nR2,parking,human,ann,,2026-12-01T10:00:00Z,\n";

    assertThatThrownBy(() -> CodedFileReader.coded(FRAME).read(new StringReader(csv), "coded.csv").coding())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("coded.csv:3: column \"code\", value \"parking\", not a code of the codeframe visits 1");
  }

  @Test
  void everyProblem_isReportedAtOnce() {
    String csv = HEADER
        + "R1,staff,human,ann,,2026-12-01T10:00:00Z,\n"
        + ",sa,human,ann,,2026-12-01T10:00:00Z,\n"
        + "R2,sa,person,ann,,2026-12-01T10:00:00Z,\n"
        + "R3,sa,model,m,1.5,2026-12-01T10:00:00Z,\n"
        + "R4,sa,human,,,yesterday,\n"
        + "R5,sa,human,ann,,2026-12-01T10:00:00Z,\n"
        + "R5,sa,human,bob,,2026-12-01T10:00:00Z,\n"
        + "R6,na,human,ann,,2026-12-01T10:00:00Z,\n"
        + "R6,wa,human,ann,,2026-12-01T10:00:00Z,\n"
        + "R7,,human,ann,,,\n";

    assertThatThrownBy(() -> CodedFileReader.coded(FRAME).read(new StringReader(csv), "coded.csv").coding())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
            .extracting(InputProblem::describe).containsExactly(
                "coded.csv:2: column \"code\", value \"staff\", a net, not a codable code: give the codes under it",
                "coded.csv:3: column \"id\", value \"\", the id is blank",
                "coded.csv:4: column \"by\", value \"person\", expected human, rule or model",
                "coded.csv:5: column \"confidence\", value \"1.5\", a model's code needs a confidence from 0 to 1",
                "coded.csv:6: column \"at\", value \"yesterday\", expected an ISO instant such as "
                    + "2026-12-01T10:00:00Z",
                "coded.csv:6: column \"source\", value \"\", the coder's name is blank",
                "coded.csv:8: column \"code\", value \"sa\", unit R5 already has this code (line 7); a coded file "
                    + "holds one coding: give each coder's coding its own file",
                "coded.csv:9: column \"code\", value \"[na, wa]\", unit R6 has a none-code (no answer, don't know, "
                    + "gibberish) beside other codes",
                "coded.csv:11: column \"by\", value \"human\", a row without a code (a comment given no code) has "
                    + "nothing else"));
  }

  @Test
  void wrongHeader_isRefusedNamingTheExpectedOne() {
    assertThatThrownBy(() -> CodedFileReader.coded(FRAME).read(new StringReader("id,sa,wa\nR1,1,0\n"), "wide.csv"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("wide.csv:1: value \"id,sa,wa\", a coded file's header is "
            + "id,code,by,source,confidence,at,evidence");
  }

  private static CodedData file(Coding coding, String name) {
    StringWriter out = new StringWriter();
    CodingCsv.write(coding, out);
    return CodedFileReader.coded(FRAME).read(new StringReader(out.toString()), name);
  }

  @Test
  void combine_twoFilesAgreeingOnSharedUnits_givesOneCodingKeepingTheFirstProvenance() {
    Coding person = Coding.builder(FRAME).assign(UnitId.of("R1"), CodeId.of("sa"), new Provenance.Human("ann", AT))
        .build();
    Coding model = Coding.builder(FRAME)
        .assign(UnitId.of("R1"), CodeId.of("sa"), new Provenance.Model("m", 0.8, List.of(), AT))
        .assign(UnitId.of("R2"), CodeId.of("wa"), new Provenance.Model("m", 0.9, List.of(), AT)).build();

    Coding both = CodedData.combine(List.of(file(person, "review.csv"), file(model, "predicted.csv")))
        .coding();

    assertThat(both.units()).containsExactly(UnitId.of("R1"), UnitId.of("R2"));
    assertThat(both.assignment(UnitId.of("R1"), CodeId.of("sa")).orElseThrow().provenance())
        .isInstanceOf(Provenance.Human.class);
  }

  @Test
  void combine_conflictingAssignments_isAConflictReportNamingEachUnitFileAndLine() {
    Coding ann = Coding.builder(FRAME).assign(UnitId.of("R1"), CodeId.of("sa"), new Provenance.Human("ann", AT))
        .assign(UnitId.of("R2"), CodeId.of("wa"), new Provenance.Human("ann", AT)).build();
    Coding bob = Coding.builder(FRAME).assign(UnitId.of("R2"), CodeId.of("wa"), new Provenance.Human("bob", AT))
        .unit(UnitId.of("R3")).assign(UnitId.of("R1"), CodeId.of("sl"), new Provenance.Human("bob", AT))
        .assign(UnitId.of("R1"), CodeId.of("wa"), new Provenance.Human("bob", AT)).build();

    assertThatThrownBy(() -> CodedData.combine(List.of(file(ann, "ann.csv"), file(bob, "bob.csv"))))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
            .extracting(InputProblem::describe).containsExactly(
                "bob.csv:4: column \"id\", value \"R1\", conflicting codes for R1: sa in ann.csv (line 2), "
                    + "sl;wa here"));
  }

  @Test
  void readAll_everyFilesProblemsAtOnce(@TempDir Path folder) throws IOException {
    Path a = folder.resolve("a.csv");
    Path b = folder.resolve("b.csv");
    Files.writeString(a, "id,code,by,source,confidence,at,evidence\nR1,zz,human,ann,,2026-12-01T10:00:00Z,\n");
    Files.writeString(b, "id,code,by,source,confidence,at,evidence\nR2,staff,human,ann,,2026-12-01T10:00:00Z,\n");

    assertThatThrownBy(() -> CodedFileReader.readAll(List.of(a, b), FRAME))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
            .extracting(InputProblem::describe).containsExactly(
                a + ":2: column \"code\", value \"zz\", not a code of the codeframe " + FRAME.name() + " "
                    + FRAME.version(),
                b + ":2: column \"code\", value \"staff\", a net, not a codable code: give the codes under it"));
  }
}
