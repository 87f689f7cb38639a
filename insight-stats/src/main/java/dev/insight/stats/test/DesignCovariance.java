package dev.insight.stats.test;

import static com.google.common.base.Preconditions.checkArgument;

import dev.insight.stats.design.SurveyDesign;

/**
 * The covariance of weighted cell proportions under a {@link SurveyDesign}, through its own Taylor linearisation
 * (which accounts for calibration, as R's {@code svymean} on a calibrated design does).
 *
 * <p>Implementation note: the influence of cell k's proportion is {@code z_k,i = w_i (1[cell_i = k] - p_k) / W} for
 * the rows with a cell and 0 elsewhere (a domain keeps the design, as R's {@code subset}); the design's
 * {@link SurveyDesign#covariance(double[][])} turns them into the covariance matrix.
 */
final class DesignCovariance {
  private DesignCovariance() {}

  static Linearization.Result proportions(SurveyDesign design, int[] cell, int k, boolean[] domain) {
    double[] w = design.weights();
    int n = w.length;
    checkArgument(cell.length == n, "cell: %s values for %s rows", cell.length, n);
    double total = 0;
    double[] sums = new double[k];
    for (int i = 0; i < n; i++) {
      if (cell[i] >= 0 && w[i] > 0) {
        sums[cell[i]] += w[i];
        total += w[i];
      }
    }
    checkArgument(total > 0, "no respondent in the sample has a category: the proportions are undefined");
    double[] p = new double[k];
    for (int j = 0; j < k; j++) {
      p[j] = sums[j] / total;
    }
    double[][] z = new double[k][n];
    for (int i = 0; i < n; i++) {
      int c = cell[i];
      if (c < 0 || w[i] <= 0) {
        continue;
      }
      for (int j = 0; j < k; j++) {
        z[j][i] = w[i] * ((j == c ? 1 : 0) - p[j]) / total;
      }
    }
    double[][] v = design.covariance(z);
    return new Linearization.Result(p, v, total, design.degreesOfFreedom(domain));
  }
}
