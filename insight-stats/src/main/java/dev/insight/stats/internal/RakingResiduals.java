package dev.insight.stats.internal;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The variance residuals of a raked design, as R {@code survey}'s {@code svyrecvar} finds them for a design made
 * by {@code rake}: ten backfitting sweeps over the margins, each subtracting from {@code z_i / w_i} (weighted
 * influence value over raked weight) its unweighted mean within each category of the margin. The sweeps act on
 * category means only, so a respondent's residual is {@code z_i - w_i a_c} with one adjustment {@code a_c} per
 * cell of the cross-classification of the margins, found from each cell's sum of {@code z_i / w_i} and its number
 * of respondents.
 *
 * <p>Shared by insight-stats' raked designs and insight-spark's (which sums the cells with Spark), so both give the
 * same variances; not part of the API.
 */
public final class RakingResiduals {
  /** R's {@code svyrecvar} makes exactly this many backfitting sweeps for a raked design. */
  public static final int SWEEPS = 10;

  private RakingResiduals() {}

  /**
   * The adjustments of the cells.
   *
   * @param cellSum per cell, the sum of {@code z_i / w_i} over its respondents
   * @param cellSize per cell, its number of respondents in the sample
   * @param marginOfCell per margin, each cell's category, {@code 0 .. categoryCounts[k] - 1}
   * @param categoryCounts per margin, its number of categories
   * @return per cell, the adjustment {@code a_c}: a respondent's residual is {@code z_i - w_i a_c}
   * @throws IllegalArgumentException when the arrays differ in length
   */
  public static double[] adjustments(double[] cellSum, double[] cellSize, int[][] marginOfCell,
      int[] categoryCounts) {
    int cellCount = cellSum.length;
    checkArgument(cellSize.length == cellCount, "%s cell sums but %s cell sizes", cellCount, cellSize.length);
    checkArgument(marginOfCell.length == categoryCounts.length, "%s margins but %s category counts",
        marginOfCell.length, categoryCounts.length);
    double[] adjust = new double[cellCount];
    for (int sweep = 0; sweep < SWEEPS; sweep++) {
      for (int k = 0; k < categoryCounts.length; k++) {
        double[] catSum = new double[categoryCounts[k]];
        double[] catSize = new double[categoryCounts[k]];
        int[] map = marginOfCell[k];
        for (int c = 0; c < cellCount; c++) {
          catSum[map[c]] += cellSum[c] - cellSize[c] * adjust[c];
          catSize[map[c]] += cellSize[c];
        }
        for (int c = 0; c < cellCount; c++) {
          if (catSize[map[c]] > 0) {
            adjust[c] += catSum[map[c]] / catSize[map[c]];
          }
        }
      }
    }
    return adjust;
  }
}
