package dev.insight.stats.table;

/** What a row of a banner table counts. */
public enum RowKind {
  /** A category of a single-choice question or an option of a multiple-response question. */
  CATEGORY,
  /** A net: respondents with any of several codes, each counted once. */
  NET,
  /** A top-2 or bottom-2 box of a scale. */
  BOX,
  /** The mean (and standard deviation) of a numeric question. */
  MEAN,
  /** A quantile of a numeric question, with its confidence interval. */
  QUANTILE;

  /** Whether the row shows a statistic of a numeric question (a mean or a quantile), not a count. */
  boolean numeric() {
    return this == MEAN || this == QUANTILE;
  }
}
