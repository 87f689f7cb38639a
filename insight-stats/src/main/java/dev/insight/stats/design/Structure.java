package dev.insight.stats.design;

import static com.google.common.base.Preconditions.checkArgument;

import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.NumericVariable;
import dev.insight.core.data.TextVariable;
import dev.insight.core.data.Variable;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The sampling structure of a design, resolved to primitive arrays: stratum and primary sampling unit of each
 * respondent in the sample, PSUs per stratum and the finite population correction factor of each stratum.
 *
 * <p>Implementation note: one-stage (ultimate cluster) Taylor linearisation, as R {@code survey}'s
 * {@code svyrecvar}: {@code var = sum_h (1 - f_h) n_h / (n_h - 1) sum_i (z_hi - mean_h z)^2} over PSU totals
 * {@code z_hi} of the weighted influence values (Wolter 2007, ch. 6). Respondents with weight 0 are outside the
 * sample and count nowhere.
 */
final class Structure {
  final int rows;
  /** Stratum of each row, or null for one stratum. */
  final int @Nullable [] stratum;
  /** PSU of each row (-1 outside the sample), or null when every respondent is its own PSU. */
  final int @Nullable [] psu;
  final int psuCount;
  final int[] psuStratum;
  final int strataCount;
  final int[] psuPerStratum;
  final double[] finite;
  final String[] stratumNames;
  final boolean[] inSample;

  Structure(Dataset data, double[] weights, @Nullable String strataVar, @Nullable String clusterVar,
      @Nullable String fpcVar) {
    rows = weights.length;
    inSample = new boolean[rows];
    for (int i = 0; i < rows; i++) {
      inSample[i] = weights[i] > 0;
    }
    Map<Object, Integer> strataIndex = new HashMap<>();
    if (strataVar != null) {
      Variable v = data.variable(strataVar);
      stratum = new int[rows];
      for (int i = 0; i < rows; i++) {
        if (!inSample[i]) {
          stratum[i] = -1;
          continue;
        }
        Object key = key(v, i, "strata");
        Integer s = strataIndex.get(key);
        if (s == null) {
          s = strataIndex.size();
          strataIndex.put(key, s);
        }
        stratum[i] = s;
      }
      strataCount = Math.max(1, strataIndex.size());
    } else {
      stratum = null;
      strataCount = 1;
    }
    stratumNames = new String[strataCount];
    stratumNames[0] = "(all)";
    strataIndex.forEach((k, s) -> stratumNames[s] = String.valueOf(k));
    psuPerStratum = new int[strataCount];
    if (clusterVar != null) {
      Variable v = data.variable(clusterVar);
      psu = new int[rows];
      Map<Object, Integer> psuIndex = new HashMap<>();
      int[] owner = new int[16];
      for (int i = 0; i < rows; i++) {
        if (!inSample[i]) {
          psu[i] = -1;
          continue;
        }
        int h = stratum == null ? 0 : stratum[i];
        // PSU ids are nested in strata: the same id in two strata is two PSUs
        Object key = strataVar == null ? key(v, i, "cluster") : Map.entry(h, key(v, i, "cluster"));
        Integer p = psuIndex.get(key);
        if (p == null) {
          p = psuIndex.size();
          psuIndex.put(key, p);
          if (p == owner.length) {
            owner = java.util.Arrays.copyOf(owner, owner.length * 2);
          }
          owner[p] = h;
          psuPerStratum[h]++;
        }
        psu[i] = p;
      }
      psuCount = psuIndex.size();
      psuStratum = java.util.Arrays.copyOf(owner, psuCount);
    } else {
      psu = null;
      int count = 0;
      for (int i = 0; i < rows; i++) {
        if (inSample[i]) {
          psuPerStratum[stratum == null ? 0 : stratum[i]]++;
          count++;
        }
      }
      psuCount = count;
      psuStratum = new int[0];
    }
    finite = new double[strataCount];
    java.util.Arrays.fill(finite, 1.0);
    if (fpcVar != null) {
      NumericVariable f = data.numeric(fpcVar);
      double[] seen = new double[strataCount];
      java.util.Arrays.fill(seen, Double.NaN);
      for (int i = 0; i < rows; i++) {
        if (!inSample[i]) {
          continue;
        }
        int h = stratum == null ? 0 : stratum[i];
        double value = f.valueAt(i);
        if (f.isMissing(i) || !(value > 0) || !Double.isFinite(value)) {
          throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
              "fpc %s of respondent %s is %s: it must be a population size (> 1) or a sampling fraction in (0, 1]",
              fpcVar, data.id(i), value));
        }
        if (!Double.isNaN(seen[h]) && seen[h] != value) {
          throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
              "fpc %s differs within stratum %s: %s and %s (respondent %s)", fpcVar, stratumNames[h], seen[h], value,
              data.id(i)));
        }
        seen[h] = value;
      }
      for (int h = 0; h < strataCount; h++) {
        if (Double.isNaN(seen[h])) {
          continue;
        }
        double population = seen[h] > 1 ? seen[h] : psuPerStratum[h] / seen[h];
        checkArgument(population >= psuPerStratum[h],
            "fpc %s of stratum %s says %s units in the population but the sample has %s", fpcVar, stratumNames[h],
            population, psuPerStratum[h]);
        finite[h] = (population - psuPerStratum[h]) / population;
      }
    }
    for (int h = 0; h < strataCount; h++) {
      checkArgument(psuPerStratum[h] != 1 || finite[h] < 1e-7,
          "stratum %s has only one primary sampling unit, so its variance cannot be estimated", stratumNames[h]);
    }
  }

  private static Object key(Variable v, int row, String role) {
    if (v.isMissing(row)) {
      throw new IllegalArgumentException(role + " variable " + v.name() + " is missing for row " + (row + 1));
    }
    if (v instanceof CategoricalVariable c) {
      return c.categoryIndex(row);
    } else if (v instanceof NumericVariable n) {
      return n.valueAt(row);
    } else if (v instanceof TextVariable t) {
      return t.textAt(row).orElse("");
    }
    throw new IllegalArgumentException(role + " variable " + v.name() + " cannot be multiple response");
  }

  /* Variance of a total whose weighted influence values (already residualised) are z. */
  double variance(double[] z) {
    if (psu == null) {
      double[] sum = new double[strataCount];
      for (int i = 0; i < rows; i++) {
        if (inSample[i]) {
          sum[stratum == null ? 0 : stratum[i]] += z[i];
        }
      }
      double[] mean = new double[strataCount];
      for (int h = 0; h < strataCount; h++) {
        mean[h] = psuPerStratum[h] == 0 ? 0 : sum[h] / psuPerStratum[h];
      }
      double[] ss = new double[strataCount];
      for (int i = 0; i < rows; i++) {
        if (inSample[i]) {
          int h = stratum == null ? 0 : stratum[i];
          double d = z[i] - mean[h];
          ss[h] += d * d;
        }
      }
      return combine(ss);
    }
    double[] totals = new double[psuCount];
    for (int i = 0; i < rows; i++) {
      if (psu[i] >= 0) {
        totals[psu[i]] += z[i];
      }
    }
    double[] sum = new double[strataCount];
    for (int p = 0; p < psuCount; p++) {
      sum[psuStratum[p]] += totals[p];
    }
    double[] ss = new double[strataCount];
    for (int p = 0; p < psuCount; p++) {
      int h = psuStratum[p];
      double d = totals[p] - sum[h] / psuPerStratum[h];
      ss[h] += d * d;
    }
    return combine(ss);
  }

  /*
   * Covariance of cell proportions p (of total weight `total`) without PSUs: the influence of a row depends only on
   * its stratum and cell, so the with-replacement sums are aggregated by (stratum, cell) in one pass.
   */
  double[][] proportionCovariance(double[] weights, int[] cell, double[] p, double total) {
    int k = p.length;
    double[][] s1 = new double[strataCount][k];
    double[][] s2 = new double[strataCount][k];
    for (int i = 0; i < rows; i++) {
      int c = cell[i];
      if (c >= 0 && inSample[i]) {
        int h = stratum == null ? 0 : stratum[i];
        s1[h][c] += weights[i];
        s2[h][c] += weights[i] * weights[i];
      }
    }
    return covarianceOfCellSums(s1, s2, p, total);
  }

  /*
   * The same from the sums of weights and squared weights of each (stratum, cell): the influence of a row depends
   * only on its stratum and cell, so these sums are all the variance needs.
   */
  double[][] covarianceOfCellSums(double[][] s1, double[][] s2, double[] p, double total) {
    int k = p.length;
    double[][] cov = new double[k][k];
    double[] d = new double[k];
    double[] sum = new double[k];
    double[][] outer = new double[k][k];
    for (int h = 0; h < strataCount; h++) {
      int n = psuPerStratum[h];
      if (n < 2) {
        continue;
      }
      java.util.Arrays.fill(sum, 0);
      for (double[] row : outer) {
        java.util.Arrays.fill(row, 0);
      }
      for (int c = 0; c < k; c++) {
        if (s1[h][c] == 0) {
          continue;
        }
        for (int j = 0; j < k; j++) {
          d[j] = ((j == c ? 1 : 0) - p[j]) / total;
        }
        for (int a = 0; a < k; a++) {
          sum[a] += s1[h][c] * d[a];
          for (int b = 0; b < k; b++) {
            outer[a][b] += s2[h][c] * d[a] * d[b];
          }
        }
      }
      double scale = finite[h] * n / (n - 1.0);
      for (int a = 0; a < k; a++) {
        for (int b = 0; b < k; b++) {
          cov[a][b] += scale * (outer[a][b] - sum[a] * sum[b] / n);
        }
      }
    }
    return cov;
  }

  /* Covariance matrix of several totals whose weighted influence values (already residualised) are z[k]. */
  double[][] covariance(double[][] z) {
    int p = z.length;
    int units = psu == null ? rows : psuCount;
    double[][] totals = new double[p][];
    int[] unitStratum;
    if (psu == null) {
      for (int k = 0; k < p; k++) {
        totals[k] = new double[rows];
        for (int i = 0; i < rows; i++) {
          totals[k][i] = inSample[i] ? z[k][i] : 0;
        }
      }
      unitStratum = new int[rows];
      for (int i = 0; i < rows; i++) {
        unitStratum[i] = !inSample[i] ? -1 : stratum == null ? 0 : stratum[i];
      }
    } else {
      for (int k = 0; k < p; k++) {
        totals[k] = new double[psuCount];
        for (int i = 0; i < rows; i++) {
          if (psu[i] >= 0) {
            totals[k][psu[i]] += z[k][i];
          }
        }
      }
      unitStratum = psuStratum;
    }
    double[][] mean = new double[p][strataCount];
    for (int k = 0; k < p; k++) {
      for (int u = 0; u < units; u++) {
        if (unitStratum[u] >= 0) {
          mean[k][unitStratum[u]] += totals[k][u];
        }
      }
      for (int h = 0; h < strataCount; h++) {
        mean[k][h] = psuPerStratum[h] == 0 ? 0 : mean[k][h] / psuPerStratum[h];
      }
    }
    double[] scale = new double[strataCount];
    for (int h = 0; h < strataCount; h++) {
      int n = psuPerStratum[h];
      scale[h] = n > 1 ? finite[h] * n / (n - 1.0) : 0;
    }
    double[][] cov = new double[p][p];
    double[] centred = new double[p];
    for (int u = 0; u < units; u++) {
      int h = unitStratum[u];
      if (h < 0 || scale[h] == 0) {
        continue;
      }
      for (int k = 0; k < p; k++) {
        centred[k] = totals[k][u] - mean[k][h];
      }
      for (int a = 0; a < p; a++) {
        for (int b = a; b < p; b++) {
          cov[a][b] += scale[h] * centred[a] * centred[b];
        }
      }
    }
    for (int a = 0; a < p; a++) {
      for (int b = 0; b < a; b++) {
        cov[a][b] = cov[b][a];
      }
    }
    return cov;
  }

  private double combine(double[] ss) {
    double v = 0;
    for (int h = 0; h < strataCount; h++) {
      int n = psuPerStratum[h];
      if (n > 1) {
        v += finite[h] * n / (n - 1.0) * ss[h];
      }
    }
    return v;
  }

  /* R's degf: PSUs with a respondent in the rows minus strata with a respondent in the rows. */
  int degreesOfFreedom(boolean[] rowsIn) {
    boolean[] psuSeen = new boolean[psu == null ? 0 : psuCount];
    boolean[] stratumSeen = new boolean[strataCount];
    int psus = 0;
    int strata = 0;
    for (int i = 0; i < rows; i++) {
      if (!rowsIn[i] || !inSample[i]) {
        continue;
      }
      int h = stratum == null ? 0 : stratum[i];
      if (!stratumSeen[h]) {
        stratumSeen[h] = true;
        strata++;
      }
      if (psu == null) {
        psus++;
      } else if (!psuSeen[psu[i]]) {
        psuSeen[psu[i]] = true;
        psus++;
      }
    }
    return psus - strata;
  }
}
