package dev.insight.stats.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** McNemar and p-value adjustments against values worked out by hand or printed by R. */
class SmallTestsTest {
  @Test
  void mcnemar_manyDiscordantPairs_matchesRsCorrectedChisq() {
    // R: mcnemar.test(matrix(c(50, 25, 10, 40), 2)) -> McNemar's chi-squared = 5.6, p-value = 0.01796
    McNemarResult result = McNemar.test(125, 10, 25, McNemar.DEFAULT_EXACT_BELOW);
    assertThat(result.exact()).isFalse();
    assertThat(result.statistic()).isCloseTo(5.6, within(1e-12));
    assertThat(result.pValue()).isCloseTo(0.017960478, within(1e-8));
  }

  @Test
  void mcnemar_fewDiscordantPairs_isExactBinomial() {
    // 2 vs 9: 2 * (1 + 11 + 55) / 2^11 = 134 / 2048 (R binom.test(2, 11))
    McNemarResult result = McNemar.test(40, 2, 9, McNemar.DEFAULT_EXACT_BELOW);
    assertThat(result.exact()).isTrue();
    assertThat(result.pValue()).isCloseTo(134.0 / 2048, within(1e-14));
  }

  @Test
  void mcnemar_noDiscordantPairs_pValueOne() {
    assertThat(McNemar.test(10, 0, 0, 25).pValue()).isEqualTo(1.0);
  }

  @Test
  void benjaminiHochberg_matchesPAdjust() {
    // R: p.adjust(c(0.01, 0.04, 0.03, 0.2, NA), "BH") -> 0.04 0.0533 0.0533 0.2 NA
    double[] adjusted = Correction.BENJAMINI_HOCHBERG.adjust(new double[] {0.01, 0.04, 0.03, 0.2, Double.NaN});
    assertThat(adjusted[0]).isCloseTo(0.04, within(1e-15));
    assertThat(adjusted[1]).isCloseTo(0.16 / 3, within(1e-15));
    assertThat(adjusted[2]).isCloseTo(0.16 / 3, within(1e-15));
    assertThat(adjusted[3]).isCloseTo(0.2, within(1e-15));
    assertThat(adjusted[4]).isNaN();
  }

  @Test
  void bonferroni_multipliesByTheTestsDoneAndCapsAtOne() {
    assertThat(Correction.BONFERRONI.adjust(new double[] {0.01, 0.5, Double.NaN})).containsExactly(0.02, 1.0,
        Double.NaN);
  }
}
