package dev.insight.stats.test;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.HashMap;
import java.util.Map;

/**
 * Taylor-linearisation covariance of the weighted proportions of K categories under a one-stage design.
 *
 * <p>Implementation note: the estimator is the ratio {@code p_k = sum w 1[cell=k] / sum w} over the rows with a
 * category (rows without one form the complement of the domain, as R's {@code svymean(na.rm = TRUE)} does through
 * {@code subset}). Its influence for row i is {@code z_i = w_i (e_cell - p) / W}. The covariance is the with-
 * replacement variance of the primary-unit totals of z within strata, times {@code (1 - f_h)}:
 * {@code V = sum_h (1 - f_h) n_h / (n_h - 1) [sum_c Z_hc Z_hc' - n_h Zbar_h Zbar_h']} (Wolter 2007, ch. 6; R
 * {@code svyrecvar} for one stage). {@code n_h} counts every unit of the stratum in the whole design, so a domain
 * keeps the design. When each row is its own unit the sums over units are aggregated by (stratum, category) so
 * the cost is one pass over the rows plus {@code H K^2}.
 */
final class Linearization {
  private Linearization() {}

  /** Proportions and their covariance, with the degrees of freedom of the design (units minus strata). */
  record Result(double[] proportions, double[][] covariance, double totalWeight, int degreesOfFreedom) {}

  static Result proportions(DesignColumns design, int[] cell, int k, boolean[] domain) {
    double[] w = design.weights();
    int n = w.length;
    checkArgument(cell.length == n, "cell: %s values for %s weights", cell.length, n);
    int[] strata = design.strata();
    int[] stratumIndex = new int[n];
    int strataCount = 1;
    if (strata != null) {
      Map<Integer, Integer> index = new HashMap<>();
      for (int i = 0; i < n; i++) {
        Integer s = index.get(strata[i]);
        if (s == null) {
          s = index.size();
          index.put(strata[i], s);
        }
        stratumIndex[i] = s;
      }
      strataCount = index.size();
    }
    double total = 0;
    double[] sumByCell = new double[k];
    for (int i = 0; i < n; i++) {
      if (cell[i] >= 0) {
        sumByCell[cell[i]] += w[i];
        total += w[i];
      }
    }
    checkArgument(total > 0, "no respondent has a category: the proportions are undefined");
    double[] p = new double[k];
    for (int j = 0; j < k; j++) {
      p[j] = sumByCell[j] / total;
    }
    // unit totals of the influence, per stratum: sum of outer products and the sum of vectors
    double[][][] outer = new double[strataCount][k][k];
    double[][] sum = new double[strataCount][k];
    long[] units = new long[strataCount];
    int[] clusters = design.clusters();
    if (clusters == null) {
      double[][] s1 = new double[strataCount][k];
      double[][] s2 = new double[strataCount][k];
      for (int i = 0; i < n; i++) {
        int h = stratumIndex[i];
        units[h]++;
        int c = cell[i];
        if (c >= 0) {
          s1[h][c] += w[i];
          s2[h][c] += w[i] * w[i];
        }
      }
      double[] d = new double[k];
      for (int h = 0; h < strataCount; h++) {
        for (int c = 0; c < k; c++) {
          if (s1[h][c] == 0) {
            continue;
          }
          for (int j = 0; j < k; j++) {
            d[j] = ((j == c ? 1 : 0) - p[j]) / total;
          }
          for (int a = 0; a < k; a++) {
            sum[h][a] += s1[h][c] * d[a];
            for (int b = 0; b < k; b++) {
              outer[h][a][b] += s2[h][c] * d[a] * d[b];
            }
          }
        }
      }
    } else {
      Map<Long, Integer> unitIndex = new HashMap<>();
      int[] unitOf = new int[n];
      for (int i = 0; i < n; i++) {
        long key = ((long) stratumIndex[i] << 32) | (clusters[i] & 0xffffffffL);
        Integer u = unitIndex.get(key);
        if (u == null) {
          u = unitIndex.size();
          unitIndex.put(key, u);
          units[stratumIndex[i]]++;
        }
        unitOf[i] = u;
      }
      int unitCount = unitIndex.size();
      double[][] byUnit = new double[unitCount][k];
      int[] stratumOfUnit = new int[unitCount];
      for (int i = 0; i < n; i++) {
        stratumOfUnit[unitOf[i]] = stratumIndex[i];
        if (cell[i] >= 0) {
          byUnit[unitOf[i]][cell[i]] += w[i];
        }
      }
      double[] z = new double[k];
      for (int u = 0; u < unitCount; u++) {
        double unitTotal = 0;
        for (int j = 0; j < k; j++) {
          unitTotal += byUnit[u][j];
        }
        for (int j = 0; j < k; j++) {
          z[j] = (byUnit[u][j] - unitTotal * p[j]) / total;
        }
        int h = stratumOfUnit[u];
        for (int a = 0; a < k; a++) {
          sum[h][a] += z[a];
          for (int b = 0; b < k; b++) {
            outer[h][a][b] += z[a] * z[b];
          }
        }
      }
    }
    double[] fpcOfStratum = new double[strataCount];
    double[] fpc = design.fpc();
    if (fpc != null) {
      for (int i = 0; i < n; i++) {
        fpcOfStratum[stratumIndex[i]] = fpc[i];
      }
    }
    double[][] v = new double[k][k];
    for (int h = 0; h < strataCount; h++) {
      long nh = units[h];
      checkArgument(nh > 1, "stratum %s has a single primary sampling unit: its variance cannot be estimated",
          strata == null ? "(all)" : String.valueOf(firstStratumValue(strata, stratumIndex, h)));
      double f = 0;
      if (fpc != null) {
        f = fpcOfStratum[h] > 1 ? nh / fpcOfStratum[h] : fpcOfStratum[h];
      }
      double scale = (1 - f) * nh / (nh - 1.0);
      for (int a = 0; a < k; a++) {
        for (int b = 0; b < k; b++) {
          v[a][b] += scale * (outer[h][a][b] - sum[h][a] * sum[h][b] / nh);
        }
      }
    }
    return new Result(p, v, total, degreesOfFreedom(design, stratumIndex, strataCount, domain));
  }

  /**
   * Primary units minus strata among the domain's rows, as R's {@code svychisq} counts them on a subset
   * ({@code length(unique(cluster)) - length(unique(strata))}).
   */
  private static int degreesOfFreedom(DesignColumns design, int[] stratumIndex, int strataCount,
      boolean[] domain) {
    boolean[] stratumSeen = new boolean[strataCount];
    int[] clusters = design.clusters();
    java.util.Set<Long> units = clusters == null ? null : new java.util.HashSet<>();
    int rows = 0;
    int strata = 0;
    for (int i = 0; i < domain.length; i++) {
      if (!domain[i]) {
        continue;
      }
      rows++;
      int h = stratumIndex[i];
      if (!stratumSeen[h]) {
        stratumSeen[h] = true;
        strata++;
      }
      if (units != null) {
        units.add(((long) h << 32) | (clusters[i] & 0xffffffffL));
      }
    }
    return (units == null ? rows : units.size()) - strata;
  }

  private static int firstStratumValue(int[] strata, int[] stratumIndex, int h) {
    for (int i = 0; i < strata.length; i++) {
      if (stratumIndex[i] == h) {
        return strata[i];
      }
    }
    return h;
  }
}
