package dev.insight.core.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Long hostile and random texts: each is redacted to the end and the result is consistent. The texts are built
 * from fragments that open a partial match of some kind (an {@code @}, a run of dots, a name followed by a hyphen
 * or an apostrophe, a telephone prefix, half a postcode), the inputs that made the earlier patterns backtrack or
 * recurse. Seeds are fixed so a failure reproduces.
 */
class RedactorHostileInputTest {
  private static final Redactor REDACTOR = Redactor.of(List.of("Zoë Adams", "Kwame Mensah-Owusu",
      "Niamh O'Brien", "Siobhán Ó Súilleabháin", "Will Green"));
  private static final String[] FRAGMENTS = {"a", "a.", ".", "@", "x@", "-", "'", "’", " ", "  ", "\n",
      "Zoë", "zoe", "ADAMS", "Mensah-", "Owusu", "O'", "Brien", "s'", "0", "07", "7", "+44", "(0)", "(", ")",
      "SW1A", "1AA", "sw", "943", "476", "5919", "Will", "green", "é", "\u0301", "\uD83D\uDE00"};

  static Stream<String> hostileTexts() {
    Stream<String> crafted = Stream.of(
        "x@" + "a.".repeat(200_000),
        "Mensah" + "-Mensah".repeat(100_000),
        "Zoë" + "'s".repeat(100_000),
        "Zoë" + " ".repeat(500_000) + "Adams",
        "0".repeat(500_000),
        "07700 ".repeat(100_000),
        "SW1A ".repeat(100_000),
        "a@".repeat(200_000),
        "Zoë Adams-".repeat(50_000),
        "O'".repeat(200_000) + "Brien");
    Stream<String> random = Stream.of(1L, 2L, 3L, 4L, 5L).map(RedactorHostileInputTest::random);
    return Stream.concat(crafted, random);
  }

  // a guard against a hang, far above the milliseconds these take; speed is measured in insight-benchmarks
  @Timeout(60)
  @ParameterizedTest
  @MethodSource("hostileTexts")
  void longHostileText_isRedactedToTheEnd_andEveryRedactionIsConsistent(String text) {
    RedactedText result = REDACTOR.redact(text);

    int previousEnd = 0;
    StringBuilder rebuilt = new StringBuilder();
    for (Redaction r : result.redactions()) {
      assertThat(r.start()).isGreaterThanOrEqualTo(previousEnd);
      assertThat(result.text().substring(r.redactedStart(), r.redactedEnd())).isEqualTo(r.kind().placeholder());
      rebuilt.append(text, previousEnd, r.start()).append(r.kind().placeholder());
      previousEnd = r.end();
    }
    rebuilt.append(text, previousEnd, text.length());
    assertThat(result.text()).isEqualTo(rebuilt.toString());
  }

  private static String random(long seed) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder();
    while (text.length() < 300_000) {
      text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
    }
    return text.toString();
  }
}
