package dev.insight.stats.estimate;

/** What an {@link Estimate} estimates. */
public enum EstimateKind {
  /** A weighted proportion (mean of a 0/1 indicator). */
  PROPORTION,
  /** A weighted mean. */
  MEAN,
  /** A weighted (population) total. */
  TOTAL,
  /** A ratio of two totals. */
  RATIO,
  /** A population variance (R's {@code svyvar}). */
  VARIANCE,
  /** A quantile (R's {@code svyquantile}); its standard error is read from its interval's width. */
  QUANTILE
}
