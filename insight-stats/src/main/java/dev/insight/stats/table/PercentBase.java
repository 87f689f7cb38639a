package dev.insight.stats.table;

/** What the percentages of a multiple-response question are out of. */
public enum PercentBase {
  /** Percent of the respondents who answered (the default): columns can sum to more than 100. */
  RESPONDENTS,
  /** Percent of all mentions (options chosen): columns sum to 100. */
  MENTIONS
}
