package dev.insight.stats.design;

/** What weighting does with a respondent whose weighting variable is missing. Never a silent weight of 1. */
public enum MissingPolicy {
  /** Stop with an error naming the variable and the respondent (the default). */
  FAIL,
  /**
   * Leave the respondent out of the sample: weight 0, outside every base and every variance (as R users do by
   * dropping incomplete rows before {@code rake}). The report counts them.
   */
  EXCLUDE
}
