package dev.insight.stats.table;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * The base of one column for one question: who the percentages are out of.
 *
 * @param unweighted respondents (NaN when suppressed)
 * @param weighted sum of their weights (NaN when suppressed)
 * @param effective Kish effective base {@code (sum w)^2 / sum w^2}
 * @param flag whether the column is tested and whether its base is small
 */
public record Base(double unweighted, double weighted, double effective, BaseFlag flag) {
  /**
   * Validates the flag is present
   *
   * @param unweighted respondents (NaN when suppressed)
   * @param weighted sum of their weights (NaN when suppressed)
   * @param effective Kish effective base {@code (sum w)^2 / sum w^2}
   * @param flag whether the column is tested and whether its base is small
   */
  public Base {
    checkNotNull(flag, "flag");
  }
}
