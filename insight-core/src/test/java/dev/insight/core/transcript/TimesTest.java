package dev.insight.core.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimesTest {

  @ParameterizedTest
  @CsvSource({"00:00:01.000,1000", "01:02:03.004,3723004", "02:03.500,123500", "100:00:00.000,360000000",
      "00:60:00.000,-1", "00:00:60.000,-1", "0:1:02.000,-1", "00:00:01.00,-1", "'00:00:01,000',-1", "abc,-1",
      "00:00:01.000x,-1"})
  void parseVtt(String text, long expected) {
    long parsed = Times.parseVtt(text, 0, text.length());
    assertThat(parsed == Times.INVALID ? -1 : parsed).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"0:03,3000", "12:45,765000", "1:02:03,3723000", "0:3,-1", "1:60:00,-1", "x:03,-1"})
  void parseClock(String text, long expected) {
    long parsed = Times.parseClock(text, 0, text.length());
    assertThat(parsed == Times.INVALID ? -1 : parsed).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"0,00:00:00", "3723999,01:02:03", "360000000,100:00:00"})
  void format(long millis, String expected) {
    assertThat(Times.format(millis)).isEqualTo(expected);
  }
}
