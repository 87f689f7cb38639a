package dev.insight.stats.table;

/** How a column's base affects what the table says about it. */
public enum BaseFlag {
  /** Large enough to test and report without a warning. */
  OK,
  /** Tested, but below the small-base threshold: read with care. */
  SMALL,
  /** Below the minimum base: shown but not tested. */
  NOT_TESTED,
  /** Nobody: shown with a base of 0, not tested. */
  EMPTY
}
