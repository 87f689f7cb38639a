package dev.insight.stats.table;

/** A column against the rest of the total (everyone in the table not in that column). */
public enum Comparison {
  /** Significantly higher than the rest at the upper level. */
  HIGHER,
  /** Significantly lower than the rest at the upper level. */
  LOWER,
  /** No significant difference. */
  SAME,
  /** Not tested: a small base, the Total column, or a row that is not tested. */
  NOT_TESTED
}
