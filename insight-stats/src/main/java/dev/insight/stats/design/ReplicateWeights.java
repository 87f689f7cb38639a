package dev.insight.stats.design;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * What a replicate-weight design's variances are made of (R's {@code svrepdesign} fields): the variance of an
 * estimate {@code theta} with replicate estimates {@code theta_r} is
 * {@code scale * sum_r rscales_r (theta_r - centre)^2}, the centre being the mean of the replicates or, with
 * {@code mse}, the full-sample estimate.
 *
 * @param type how the replicates were made
 * @param count the number of replicates
 * @param scale the overall multiplier
 * @param rscales the multiplier of each replicate
 * @param mse whether deviations are taken from the full-sample estimate
 * @param degreesOfFreedom the design's degrees of freedom, the rank of the replicate weights minus 1 (R's
 *     {@code degf})
 */
public record ReplicateWeights(ReplicateType type, int count, double scale, double[] rscales, boolean mse,
    int degreesOfFreedom) {
  /**
   * Copies the replicate scales.
   *
   * @param type how the replicates were made
   * @param count the number of replicates
   * @param scale the overall multiplier
   * @param rscales the multiplier of each replicate
   * @param mse whether deviations are taken from the full-sample estimate
   * @param degreesOfFreedom the design's degrees of freedom
   */
  public ReplicateWeights {
    checkNotNull(type, "type");
    rscales = rscales.clone();
  }

  /**
   * The multiplier of each replicate.
   *
   * @return a copy
   */
  @Override
  public double[] rscales() {
    return rscales.clone();
  }
}
