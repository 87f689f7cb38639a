package dev.insight.stats.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The effective-base column tests of weights-only tables against values worked out by hand or printed by R. */
class ColumnTestsTest {
  @Test
  void columnProportions_unweightedWithoutOverlap_squaresToPearsonsChisq() {
    // 60/100 vs 30/100: prop.test(c(60, 30), c(100, 100), correct = FALSE) X-squared = 18.182 = t^2
    TTest t = ColumnTests.proportions(100, 100, 60, 100, 100, 30, 0, 0);
    assertThat(t.t() * t.t()).isCloseTo(18.181818181818, within(1e-9));
    assertThat(t.degreesOfFreedom()).isEqualTo(198.0);
  }

  @Test
  void columnProportions_overlapReducesTheVariance() {
    TTest independent = ColumnTests.proportions(100, 100, 60, 100, 100, 45, 0, 0);
    TTest overlapping = ColumnTests.proportions(100, 100, 60, 100, 100, 45, 50, 50);
    // term p(1-p)(1/100 + 1/100 - 2 * 50 / 10000) = half the independent term: t grows by sqrt(2)
    assertThat(overlapping.t()).isCloseTo(independent.t() * Math.sqrt(2), within(1e-12));
    assertThat(overlapping.degreesOfFreedom()).isEqualTo(148.0);
  }

  @Test
  void columnProportions_emptyColumnOrEqualProportions_notTested() {
    assertThat(ColumnTests.proportions(0, 0, 0, 100, 100, 30, 0, 0).tested()).isFalse();
    assertThat(ColumnTests.proportions(50, 50, 10, 100, 100, 20, 0, 0).tested()).isFalse();
  }

  @Test
  void columnMeans_welchStyleOnEffectiveBases() {
    // means 3 and 2.5, variances 1 and 1.5, bases 50 and 60: t = 0.5 / sqrt(1/50 + 1.5/60) = 2.357
    TTest t = ColumnTests.means(50, 50, 3, 1, 60, 60, 2.5, 1.5, 0, 0, 0);
    assertThat(t.t()).isCloseTo(0.5 / Math.sqrt(0.02 + 0.025), within(1e-12));
    assertThat(t.degreesOfFreedom()).isEqualTo(108.0);
  }
}
