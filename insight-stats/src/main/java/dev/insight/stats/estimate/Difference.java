package dev.insight.stats.estimate;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.stats.design.Filter;

/**
 * The difference between a quantity's estimates in two subgroups, with its design-based test (R's
 * {@code svycontrast} and {@code svyttest}).
 *
 * @param quantity what was estimated
 * @param first the first subgroup
 * @param second the second subgroup
 * @param estimate the first subgroup's estimate minus the second's
 * @param standardError its standard error, from the design (covariance of the two estimates included)
 * @param interval its Wald interval, with a t quantile on {@code degreesOfFreedom}
 * @param degreesOfFreedom the design's degrees of freedom among the two subgroups' respondents, minus 1
 * @param t the t statistic, {@code estimate / standardError}; NaN when the standard error is 0
 * @param pValue the two-sided p-value; NaN when it cannot be computed
 * @param unweightedN respondents in either subgroup with a value
 */
public record Difference(Quantity quantity, Filter first, Filter second, double estimate, double standardError,
    ConfidenceInterval interval, int degreesOfFreedom, double t, double pValue, int unweightedN) {
  /**
   * Validates the parts.
   *
   * @param quantity what was estimated
   * @param first the first subgroup
   * @param second the second subgroup
   * @param estimate the first subgroup's estimate minus the second's
   * @param standardError its standard error
   * @param interval its Wald interval
   * @param degreesOfFreedom the degrees of freedom of the test
   * @param t the t statistic
   * @param pValue the two-sided p-value
   * @param unweightedN respondents in either subgroup with a value
   */
  public Difference {
    checkNotNull(quantity, "quantity");
    checkNotNull(first, "first");
    checkNotNull(second, "second");
    checkNotNull(interval, "interval");
  }
}
