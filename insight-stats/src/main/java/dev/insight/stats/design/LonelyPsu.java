package dev.insight.stats.design;

import java.util.Locale;

/**
 * What a stratum with a single primary sampling unit contributes to a variance (R's
 * {@code options(survey.lonely.psu = ...)}); a stratum whose single PSU was taken with certainty (fpc: the whole
 * population) contributes nothing under every policy, as in R.
 */
public enum LonelyPsu {
  /** Stop with an error naming the stratum (R's default). */
  FAIL,
  /** Contribute nothing. */
  REMOVE,
  /** Centre the PSU at the grand mean (0 for influence values) instead of its stratum's mean. */
  ADJUST,
  /** Contribute the average of the other strata: the sum over the others times strata / other strata. */
  AVERAGE,
  /** Treat the PSU as sampled with certainty: contribute nothing. */
  CERTAINTY;

  /**
   * Parses R's name of a policy, case-insensitive.
   *
   * @param name fail, remove, adjust, average or certainty
   * @return the policy
   * @throws IllegalArgumentException naming the accepted policies
   */
  public static LonelyPsu parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("lonely PSU policy " + name + " is not one of fail, remove, adjust, "
          + "average, certainty", e);
    }
  }
}
