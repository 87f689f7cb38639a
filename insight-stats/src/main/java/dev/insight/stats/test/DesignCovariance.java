package dev.insight.stats.test;

import static com.google.common.base.Preconditions.checkArgument;

import dev.insight.stats.design.SurveyDesign;

/**
 * The covariance of weighted cell proportions under a {@link SurveyDesign}, through its own Taylor linearisation
 * (which accounts for calibration, as R's {@code svymean} on a calibrated design does).
 *
 * <p>Implementation note: the design gives the variance of one linearised total; the covariance of cells a and b
 * follows by polarisation, {@code Cov(a, b) = (Var(z_a + z_b) - Var(z_a) - Var(z_b)) / 2}, with the influence
 * {@code z_k,i = w_i (1[cell_i = k] - p_k) / W} for the rows with a cell and 0 elsewhere (a domain keeps the
 * design, as R's {@code subset}). That is {@code K (K + 1) / 2} passes over the rows, fine for a table's few cells.
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
    double[][] v = new double[k][k];
    for (int a = 0; a < k; a++) {
      v[a][a] = design.variance(z[a]);
    }
    double[] sum = new double[n];
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        for (int i = 0; i < n; i++) {
          sum[i] = z[a][i] + z[b][i];
        }
        double cov = (design.variance(sum) - v[a][a] - v[b][b]) / 2;
        v[a][b] = cov;
        v[b][a] = cov;
      }
    }
    return new Linearization.Result(p, v, total, design.degreesOfFreedom(domain));
  }
}
