package dev.insight.stats.estimate;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.stats.design.Filter;

/**
 * A design-based estimate with its uncertainty and bases.
 *
 * @param kind what is estimated
 * @param quantity what of, for example {@code "pri_workforce"} or {@code "api00/api99"}
 * @param subgroup the respondents it is about (the whole sample is {@link Filter#all()})
 * @param value the estimate
 * @param standardError the Taylor-linearisation standard error (accounting for calibration when the design's
 *     weights were calibrated)
 * @param interval the confidence interval
 * @param unweightedN respondents in the domain with a valid value (and weight above 0)
 * @param weightedBase the sum of their weights
 * @param effectiveBase Kish's effective base of their weights, {@code (sum w)^2 / sum w^2}
 * @param designEffect the variance over the variance of simple random sampling without replacement of the same
 *     number of respondents (R {@code svymean(deff = TRUE)}); NaN when the weights sum to less than the respondents
 *     (not scaled to a population), as in R
 * @param degreesOfFreedom the design's degrees of freedom in the domain (R's {@code degf})
 */
public record Estimate(EstimateKind kind, String quantity, Filter subgroup, double value, double standardError,
    ConfidenceInterval interval, int unweightedN, double weightedBase, double effectiveBase, double designEffect,
    int degreesOfFreedom) {
  /**
   * Validates the parts and counts.
   *
   * @param kind what is estimated
   * @param quantity what of, for example {@code "pri_workforce"} or {@code "api00/api99"}
   * @param subgroup the respondents it is about (the whole sample is {@link Filter#all()})
   * @param value the estimate
   * @param standardError the Taylor-linearisation standard error (accounting for calibration when the design's weights were calibrated)
   * @param interval the confidence interval
   * @param unweightedN respondents in the domain with a valid value (and weight above 0)
   * @param weightedBase the sum of their weights
   * @param effectiveBase Kish's effective base of their weights, {@code (sum w)^2 / sum w^2}
   * @param designEffect the variance over the variance of simple random sampling without replacement of the same number of respondents (R {@code svymean(deff = TRUE)}); NaN when the weights sum to less than the respondents (not scaled to a population), as in R
   * @param degreesOfFreedom the design's degrees of freedom in the domain (R's {@code degf})
   */
  public Estimate {
    checkNotNull(kind, "kind");
    checkNotNull(quantity, "quantity");
    checkNotNull(subgroup, "subgroup");
    checkNotNull(interval, "interval");
    checkArgument(unweightedN >= 0, "unweighted n cannot be negative: %s", unweightedN);
  }

  /**
   * The variance, the squared standard error.
   *
   * @return the variance
   */
  public double variance() {
    return standardError * standardError;
  }
}
