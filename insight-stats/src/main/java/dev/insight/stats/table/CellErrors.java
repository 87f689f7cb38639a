package dev.insight.stats.table;

import dev.insight.stats.design.SurveyDesign;
import java.util.List;

/**
 * The design-based standard error of each cell of a percentage or mean row ({@link TableOptions#standardErrors()}):
 * the column is a domain of the whole design, and the cell's estimate (the share with the row's answer, or the
 * mean) is linearised, {@code z_i = w_i (y_i - m) / W} for the column's respondents with an answer, its variance
 * the design's ({@link SurveyDesign#variance(double[])}: strata, clusters, fpc, calibration), or the replicates'
 * spread of the ratio of their totals on a replicate design: R's {@code SE(svymean(~y, subset(design, column)))}.
 * One pass over the respondents per cell, so it is asked for, not done by default.
 */
final class CellErrors {
  private final SurveyDesign design;
  private final boolean[][] members;

  /**
   * @param design the table's design
   * @param keep the respondents the table covers (filter and weight above 0)
   * @param columns the columns, Total first
   * @param bannerVars the banner variables, with their columns
   */
  CellErrors(SurveyDesign design, boolean[] keep, List<BannerColumn> columns, List<BannerVar> bannerVars) {
    this.design = design;
    this.members = new boolean[columns.size()][];
    members[0] = keep;
    for (BannerVar b : bannerVars) {
      for (int x = 0; x < b.size(); x++) {
        members[b.first() + x] = b.rows(keep, x);
      }
    }
  }

  /**
   * The standard error of one cell's estimate.
   *
   * @param question the question
   * @param item the row's item, or -1 for the mean of a numeric question
   * @param column the column
   * @return the standard error (of the share, not the percentage); NaN when the column has no respondent with an
   *     answer
   */
  double standardError(Question question, int item, int column) {
    boolean[] in = members[column];
    int n = in.length;
    // the answer of each respondent of the column, NaN outside it or without one; then reused in place below
    double[] y = new double[n];
    double sumW = 0;
    double sumWy = 0;
    for (int i = 0; i < n; i++) {
      y[i] = in[i] ? question.valueAt(i, item) : Double.NaN;
      if (!Double.isNaN(y[i])) {
        double w = design.weight(i);
        sumW += w;
        sumWy += w * y[i];
      }
    }
    if (!(sumW > 0)) {
      return Double.NaN;
    }
    double mean = sumWy / sumW;
    if (design.replicates().isPresent()) {
      double[] ones = new double[n];
      for (int i = 0; i < n; i++) {
        if (Double.isNaN(y[i])) {
          y[i] = 0;
        } else {
          ones[i] = 1;
        }
      }
      double[][] totals = design.replicateTotals(y, ones);
      double[] thetas = new double[totals[0].length];
      for (int r = 0; r < thetas.length; r++) {
        thetas[r] = totals[0][r] / totals[1][r];
      }
      return Math.sqrt(design.replicateVariance(thetas, mean));
    }
    for (int i = 0; i < n; i++) {
      y[i] = Double.isNaN(y[i]) ? 0 : design.weight(i) * (y[i] - mean) / sumW;
    }
    return Math.sqrt(design.variance(y));
  }
}
