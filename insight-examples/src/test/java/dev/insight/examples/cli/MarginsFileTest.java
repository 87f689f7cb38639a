package dev.insight.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.core.input.InvalidInputException;
import dev.insight.stats.design.Margin;
import dev.insight.stats.design.TargetKind;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one reader of a margins file, read as the categorical margins of raking and post-stratification. */
class MarginsFileTest {
  private static List<Margin> read(String rows) {
    return CalibrationTotals.readMargins(new StringReader("variable,category,target\n" + rows), "m.csv");
  }

  @Test
  void countsAndShares_areReadAsMargins() {
    List<Margin> counts = read("sex,f,60\nsex,m,40\nage,young,70\nage,old,30\n");
    assertThat(counts).containsExactly(Margin.counts("sex", Map.of("f", 60.0, "m", 40.0)),
        Margin.counts("age", Map.of("young", 70.0, "old", 30.0)));
    List<Margin> shares = read("sex,f,0.6\nsex,m,0.4\n");
    assertThat(shares.get(0).kind()).isEqualTo(TargetKind.PROPORTIONS);
  }

  @Test
  void aColonInAMainEffectsCode_isPartOfTheCode() {
    assertThat(read("slot,10:00,40\nslot,14:30,60\n").get(0).targets()).containsOnlyKeys("10:00", "14:30");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "'sex,f,60\nsex:age,f:young,30\n'|m.csv:3: column \"variable\", value \"sex:age\", sex:age is an interaction",
      "'sex,f,60\nincome,,5000\n'|m.csv:3: column \"category\", value \"\", the category of income is blank",
      "'sex:age,f:young,30\n'|m.csv:2: column \"variable\", value \"sex:age\", sex:age is an interaction",
      "'sex,f,60\nsex,f,40\n'|m.csv:3: column \"category\", value \"f\", sex=f has two targets",
      "'sex,f,lots\n'|m.csv:2: column \"target\", value \"lots\", target for sex=f is not a number",
      "'sex,f,-1\n'|m.csv:2: column \"target\", value \"-1\", count for sex=f is negative",
      "''|m.csv:1: the margins file has no targets"})
  void badRows_areRefusedNamingLineColumnAndValue(String rows, String message) {
    assertThatThrownBy(() -> read(rows)).isInstanceOf(InvalidInputException.class).hasMessageStartingWith(message);
  }
}
