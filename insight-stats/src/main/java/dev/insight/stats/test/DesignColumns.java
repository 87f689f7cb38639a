package dev.insight.stats.test;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import org.jspecify.annotations.Nullable;

/**
 * The per-respondent columns of a one-stage sample design that the Taylor linearisation in this package needs:
 * weights, and optionally strata, primary sampling units (clusters) and a finite population correction.
 *
 * <p>This is the minimal description R's {@code svydesign(ids = ~cluster, strata = ~stratum, weights = ~w,
 * fpc = ~fpc)} takes. Arrays are not copied (they can hold a million rows); callers must not change them.
 *
 * @param weights the weight of each respondent; finite and positive
 * @param strata a stratum number per respondent, or null for one stratum
 * @param clusters a primary sampling unit number per respondent, or null when every respondent is its own unit
 * @param fpc per respondent, the population number of units in its stratum (values above 1) or the sampling
 *     fraction (values up to 1), as R's {@code fpc}; or null for sampling with replacement
 */
public record DesignColumns(double[] weights, int @Nullable [] strata, int @Nullable [] clusters,
    double @Nullable [] fpc) {

  /**
   * Validates that every weight is finite and positive and that the optional columns have the weights' length.
   *
   * @param weights the weight of each respondent; finite and positive
   * @param strata a stratum number per respondent, or null for one stratum
   * @param clusters a primary sampling unit number per respondent, or null when every respondent is its own unit
   * @param fpc per respondent, the population number of units in its stratum (values above 1) or the sampling fraction (values up to 1), as R's {@code fpc}; or null for sampling with replacement
   */
  public DesignColumns {
    checkNotNull(weights, "weights");
    for (int row = 0; row < weights.length; row++) {
      double w = weights[row];
      checkArgument(Double.isFinite(w) && w > 0,
          "weights: the weight of row %s is %s; weights must be finite and positive", row, (Object) w);
    }
    checkArgument(strata == null || strata.length == weights.length, "strata: %s values for %s weights",
        strata == null ? 0 : strata.length, weights.length);
    checkArgument(clusters == null || clusters.length == weights.length, "clusters: %s values for %s weights",
        clusters == null ? 0 : clusters.length, weights.length);
    if (fpc != null) {
      checkArgument(fpc.length == weights.length, "fpc: %s values for %s weights", fpc.length, weights.length);
      for (int row = 0; row < fpc.length; row++) {
        checkArgument(Double.isFinite(fpc[row]) && fpc[row] > 0, "fpc: row %s has %s; it must be positive",
            row, (Object) fpc[row]);
      }
    }
  }

  /**
   * A design with weights only: every respondent is its own unit, one stratum, no finite population correction
   * (R's {@code svydesign(ids = ~1, weights = ~w)}).
   *
   * @param weights the weights; finite and positive
   * @return the design
   * @throws IllegalArgumentException naming the row of a weight that is NaN, infinite, zero or negative
   */
  public static DesignColumns ofWeights(double[] weights) {
    return new DesignColumns(weights, null, null, null);
  }

  /**
   * The number of respondents.
   *
   * @return the length of the weights
   */
  public int size() {
    return weights.length;
  }
}
