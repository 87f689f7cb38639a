package dev.insight.codeframe.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.Provenance;
import dev.insight.codeframe.coding.UnitId;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CodedCsvTest {

  @Test
  void write_codableNet_getsACodeColumnAndANetColumn() {
    Codeframe frame = Codeframe.builder("f")
        .add(dev.insight.codeframe.Code.builder(CodeId.of("staff"), "Staff").codable(true).build())
        .code("sa", "Attitude", "staff").build();
    Provenance ann = new Provenance.Human("ann", Instant.EPOCH);
    Coding coding = Coding.builder(frame).assign(UnitId.of("r1"), CodeId.of("sa"), ann).build();
    StringWriter out = new StringWriter();

    CodedCsv.write(coding, "id", out);

    assertThat(out.toString()).isEqualTo("id,staff,sa,staff.net\nr1,0,1,1\n");
  }

  @Test
  void write_codesThenNets_andReadsBackTheSameCodes() {
    Codeframe frame = Codeframe.builder("f").net("staff", "Staff", null).code("sa", "Attitude", "staff")
        .code("sl", "Levels", "staff").code("wa", "Waiting", null).build();
    Provenance ann = new Provenance.Human("ann", Instant.EPOCH);
    Coding coding = Coding.builder(frame).assign(UnitId.of("r1"), CodeId.of("sa"), ann)
        .assign(UnitId.of("r1"), CodeId.of("sl"), ann).unit(UnitId.of("r2"))
        .assign(UnitId.of("r3"), CodeId.of("wa"), ann).build();
    StringWriter out = new StringWriter();

    CodedCsv.write(coding, "id", out);

    assertThat(out.toString()).isEqualTo("id,sa,sl,wa,staff\nr1,1,1,0,1\nr2,0,0,0,0\nr3,0,0,1,0\n");
    Coding back = CodedFileReader.columns(frame).coder("ann").read(new StringReader(out.toString()), "c.csv")
        .coding();
    for (UnitId unit : coding.units()) {
      assertThat(back.codes(unit)).isEqualTo(coding.codes(unit));
    }
  }
}
