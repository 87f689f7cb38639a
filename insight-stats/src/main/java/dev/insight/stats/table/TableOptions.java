package dev.insight.stats.table;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.stats.inference.Correction;

/**
 * How a banner table is tested and shown.
 *
 * @param upperAlpha significance level of upper-case letters (default 0.05)
 * @param lowerAlpha significance level of lower-case letters (default 0.10); at least {@code upperAlpha}
 * @param correction adjustment of the p-values of the column pairs of one banner variable in one row
 * @param minimumBase columns with fewer respondents (unweighted) are not tested (default 30)
 * @param smallBase columns with fewer respondents are flagged as small (default 50)
 * @param rowPercents whether cells carry row percentages (share of the Total column's count)
 * @param raoScott whether each question gets a Rao-Scott test of association with each banner variable
 * @param standardErrors whether each cell of a percentage or mean row carries its design-based standard error
 *     (one pass over the respondents per cell: off by default)
 */
public record TableOptions(double upperAlpha, double lowerAlpha, Correction correction, int minimumBase,
    int smallBase, boolean rowPercents, boolean raoScott, boolean standardErrors) {
  /**
   * Validates the levels and bases
   *
   * @param upperAlpha significance level of upper-case letters (default 0.05)
   * @param lowerAlpha significance level of lower-case letters (default 0.10); at least {@code upperAlpha}
   * @param correction adjustment of the p-values of the column pairs of one banner variable in one row
   * @param minimumBase columns with fewer respondents (unweighted) are not tested (default 30)
   * @param smallBase columns with fewer respondents are flagged as small (default 50)
   * @param rowPercents whether cells carry row percentages (share of the Total column's count)
   * @param raoScott whether each question gets a Rao-Scott test of association with each banner variable
   * @param standardErrors whether each cell of a percentage or mean row carries its design-based standard error
   */
  public TableOptions {
    checkArgument(upperAlpha > 0 && upperAlpha < 1, "upperAlpha must be in (0, 1): %s", upperAlpha);
    checkArgument(lowerAlpha >= upperAlpha && lowerAlpha < 1, "lowerAlpha must be in [upperAlpha %s, 1): %s",
        upperAlpha, lowerAlpha);
    checkNotNull(correction, "correction");
    checkArgument(minimumBase >= 2, "minimumBase must be at least 2: %s", minimumBase);
    checkArgument(smallBase >= minimumBase, "smallBase %s must be at least minimumBase %s", smallBase,
        minimumBase);
  }

  /**
   * Options without cell standard errors.
   *
   * @param upperAlpha significance level of upper-case letters
   * @param lowerAlpha significance level of lower-case letters
   * @param correction adjustment of the p-values of the column pairs of one banner variable in one row
   * @param minimumBase columns with fewer respondents (unweighted) are not tested
   * @param smallBase columns with fewer respondents are flagged as small
   * @param rowPercents whether cells carry row percentages
   * @param raoScott whether each question gets a Rao-Scott test of association with each banner variable
   */
  public TableOptions(double upperAlpha, double lowerAlpha, Correction correction, int minimumBase, int smallBase,
      boolean rowPercents, boolean raoScott) {
    this(upperAlpha, lowerAlpha, correction, minimumBase, smallBase, rowPercents, raoScott, false);
  }

  /**
   * Letters at 5% and 10%, no correction, not tested below 30, flagged below 50, no row percentages, Rao-Scott on.
   *
   * @return the defaults
   */
  public static TableOptions defaults() {
    return new TableOptions(0.05, 0.10, Correction.NONE, 30, 50, false, true);
  }

  /**
   * These options with other significance levels.
   *
   * @param upper level of upper-case letters
   * @param lower level of lower-case letters
   * @return new options
   */
  public TableOptions withLevels(double upper, double lower) {
    return new TableOptions(upper, lower, correction, minimumBase, smallBase, rowPercents, raoScott, standardErrors);
  }

  /**
   * These options with another correction.
   *
   * @param value the correction
   * @return new options
   */
  public TableOptions withCorrection(Correction value) {
    return new TableOptions(upperAlpha, lowerAlpha, value, minimumBase, smallBase, rowPercents, raoScott,
        standardErrors);
  }

  /**
   * These options with other base thresholds.
   *
   * @param minimum not tested below this
   * @param small flagged below this
   * @return new options
   */
  public TableOptions withBases(int minimum, int small) {
    return new TableOptions(upperAlpha, lowerAlpha, correction, minimum, small, rowPercents, raoScott, standardErrors);
  }

  /**
   * These options with or without row percentages.
   *
   * @param value whether to show row percentages
   * @return new options
   */
  public TableOptions withRowPercents(boolean value) {
    return new TableOptions(upperAlpha, lowerAlpha, correction, minimumBase, smallBase, value, raoScott,
        standardErrors);
  }

  /**
   * These options with or without Rao-Scott tests.
   *
   * @param value whether to run them
   * @return new options
   */
  public TableOptions withRaoScott(boolean value) {
    return new TableOptions(upperAlpha, lowerAlpha, correction, minimumBase, smallBase, rowPercents, value,
        standardErrors);
  }

  /**
   * These options with or without each cell's design-based standard error (percentage and mean rows; R's
   * {@code SE(svymean(~y, subset(design, column)))}, as a percentage for percentage rows).
   *
   * @param value whether to compute them
   * @return new options
   */
  public TableOptions withStandardErrors(boolean value) {
    return new TableOptions(upperAlpha, lowerAlpha, correction, minimumBase, smallBase, rowPercents, raoScott,
        value);
  }
}
