package dev.insight.core.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalNumberTest {
  @ParameterizedTest
  @CsvSource({"12,12", "-3,-3", "+4.5,4.5", "0.75,0.75", ".5,0.5", "5.,5", "1.5e3,1500", "2E-2,0.02", "0,0",
      "0.000,0", "1e-300,1e-300"})
  void parse_numbersAsPeopleWriteThem_areRead(String text, double expected) {
    assertThat(DecimalNumber.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0x1p3", "0x10", "40f", "40d", "2F", "NaN", "Infinity", "-Infinity", "1,5", "1 000", "",
      "-", ".", "e3", "1e", "1e+", "3.5.1", "١٢", "12abc", " 12"})
  void parse_formsAPersonWouldNotWrite_areNotNumbers(String text) {
    assertThat(DecimalNumber.parse(text)).isNaN();
    assertThat(DecimalNumber.why(text)).isEqualTo("not a number");
  }

  @ParameterizedTest
  @CsvSource({"1e400,too large a number (beyond 1.8e308)", "-2e999,too large a number (beyond 1.8e308)",
      "1e-400,too small a number (it would read as 0)"})
  void parse_beyondTheRangeOfADouble_isRefusedWithTheReason(String text, String why) {
    assertThat(DecimalNumber.parse(text)).isNaN();
    assertThat(DecimalNumber.why(text)).isEqualTo(why);
  }
}
