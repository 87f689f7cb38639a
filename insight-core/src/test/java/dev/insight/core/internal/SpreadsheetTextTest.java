package dev.insight.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SpreadsheetTextTest {
  @ParameterizedTest
  @ValueSource(strings = {"=1+1", "=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1",
      "-", "- a dash", "+44 20 7946 0958", " =1+1", "'=1+1", "''=1", "\uFF1D1+1", "\uFF0B1", "\uFF0D1", "\uFF20A1",
      "-Infinity", "-1e", "-1-1", "=", "\u00A0=1", "-0x10", "+.", "@"})
  void formulaLikeText_isPrefixedWithAQuote_andRestoredExactly(String text) {
    String cell = SpreadsheetText.neutralise(text);

    assertThat(cell).isEqualTo("'" + text);
    assertThat(SpreadsheetText.restore(cell)).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "plain", "1", "-1", "-1.5", "+2", "-3e-4", "-.5", "1e10", "-0", "a=b", "x-y", "'",
      "'quoted", "''", "NA", "12.5%", " ", "email@example.org"})
  void textNoSpreadsheetRunsAndPlainNumbers_areLeftAsTheyAre(String text) {
    assertThat(SpreadsheetText.neutralise(text)).isEqualTo(text);
    assertThat(SpreadsheetText.restore(text)).isEqualTo(text);
  }

  @Test
  void csvOutput_neutralisesEveryCellAndQuotesAsRfc4180() throws IOException {
    StringWriter text = new StringWriter();
    CsvOutput csv = CsvOutput.of(text);

    csv.record("id", "comment", "estimate");
    csv.record("=cmd|' /C calc'!A0", "a, \"quoted\" -thing", "-0.25");
    csv.record("-2+3", "@me", "-1.5e-3");
    csv.flush();

    assertThat(text.toString()).isEqualTo("id,comment,estimate\n"
        + "'=cmd|' /C calc'!A0,\"a, \"\"quoted\"\" -thing\",-0.25\n"
        + "'-2+3,'@me,-1.5e-3\n");
  }
}
