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
 * <p>Implementation note: Taylor linearisation as R {@code survey}'s {@code svyrecvar}. The first stage:
 * {@code var = sum_h (1 - f_h) n_h / (n_h - 1) sum_i (z_hi - mean_h z)^2} over PSU totals {@code z_hi} of the
 * weighted influence values (Wolter 2007, ch. 6); a stratum with one PSU follows the {@link LonelyPsu} policy.
 * With a second-stage cluster and an fpc at the first stage, each PSU adds its second-stage variance times the
 * first-stage sampling fraction, {@code (n_h / N_h) (1 - f_2i) m_i / (m_i - 1) sum_j (z_ij - mean_i z)^2} over
 * its SSU totals (R's {@code multistage}); without a first-stage fpc the first stage's (ultimate cluster)
 * variance is the whole, as in R. Respondents with weight 0 are outside the sample and count nowhere.
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

  final LonelyPsu lonely;
  /** Per stratum: the multiplier of its sum of squares (0 when it contributes nothing). */
  private final double[] stratumScale;
  /** Per stratum: whether its PSU totals are centred at its mean (not for a lonely PSU under ADJUST). */
  private final boolean[] centred;
  /** R's average policy: the strata whose single PSU is averaged over the others (null when none). */
  private final boolean @Nullable [] averaged;
  /** Whether a stratum has a single PSU that the policy lets through. */
  final boolean hasLonely;
  // second stage (R's multistage, with an fpc at the first stage): SSU of each row, its PSU, SSUs per PSU
  private final int @Nullable [] ssu;
  private final int[] ssuPsu;
  private final int[] ssuPerPsu;
  private final double[] finite2;
  private final double[] fraction1;

  Structure(Dataset data, double[] weights, @Nullable String strataVar, @Nullable String clusterVar,
      @Nullable String fpcVar) {
    this(data, weights, strataVar, clusterVar, fpcVar, null, null, LonelyPsu.FAIL);
  }

  Structure(Dataset data, double[] weights, @Nullable String strataVar, @Nullable String clusterVar,
      @Nullable String fpcVar, @Nullable String cluster2Var, @Nullable String fpc2Var, LonelyPsu lonely) {
    this.lonely = lonely;
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
    if (strataVar != null) {
      Variable v = data.variable(strataVar);
      for (int i = 0; i < rows; i++) {
        if (stratum[i] >= 0 && stratumNames[stratum[i]] == null) {
          stratumNames[stratum[i]] = v instanceof CategoricalVariable c
              ? c.categories().get(c.categoryIndex(i)).code() : String.valueOf(key(v, i, "strata"));
        }
      }
    }
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
    stratumScale = new double[strataCount];
    centred = new boolean[strataCount];
    boolean[] average = new boolean[strataCount];
    boolean anyAverage = false;
    boolean anyLonely = false;
    for (int h = 0; h < strataCount; h++) {
      int n = psuPerStratum[h];
      centred[h] = true;
      if (n > 1) {
        stratumScale[h] = finite[h] * n / (n - 1.0);
      } else if (n == 1 && finite[h] >= 1e-7) {
        checkArgument(lonely != LonelyPsu.FAIL,
            "stratum %s has only one primary sampling unit, so its variance cannot be estimated (choose a "
                + "lonely-PSU policy: remove, adjust, average or certainty)", stratumNames[h]);
        anyLonely = true;
        if (lonely == LonelyPsu.ADJUST) {
          stratumScale[h] = finite[h];
          centred[h] = false;
        } else if (lonely == LonelyPsu.AVERAGE) {
          average[h] = true;
          anyAverage = true;
        }
      }
    }
    hasLonely = anyLonely;
    averaged = anyAverage ? average : null;
    // the second stage: R adds it only when the first stage has an fpc (sampling without replacement)
    if (cluster2Var != null) {
      checkArgument(clusterVar != null, "a second-stage cluster %s needs a first-stage cluster", cluster2Var);
    } else {
      checkArgument(fpc2Var == null, "a second-stage fpc %s needs a second-stage cluster", fpc2Var);
    }
    checkArgument(cluster2Var == null || fpcVar == null || fpc2Var != null, "with a first-stage fpc, the second "
        + "stage %s needs its fpc too (as R requires)", cluster2Var);
    if (cluster2Var == null || fpcVar == null || psu == null) {
      ssu = null;
      ssuPsu = new int[0];
      ssuPerPsu = new int[0];
      finite2 = new double[0];
      fraction1 = new double[0];
      return;
    }
    Variable v2 = data.variable(cluster2Var);
    ssu = new int[rows];
    Map<Object, Integer> ssuIndex = new HashMap<>();
    int[] owner = new int[16];
    ssuPerPsu = new int[psuCount];
    for (int i = 0; i < rows; i++) {
      if (!inSample[i]) {
        ssu[i] = -1;
        continue;
      }
      Object key = Map.entry(psu[i], key(v2, i, "second-stage cluster"));
      Integer s2 = ssuIndex.get(key);
      if (s2 == null) {
        s2 = ssuIndex.size();
        ssuIndex.put(key, s2);
        if (s2 == owner.length) {
          owner = java.util.Arrays.copyOf(owner, owner.length * 2);
        }
        owner[s2] = psu[i];
        ssuPerPsu[psu[i]]++;
      }
      ssu[i] = s2;
    }
    ssuPsu = java.util.Arrays.copyOf(owner, ssuIndex.size());
    fraction1 = new double[psuCount];
    for (int q = 0; q < psuCount; q++) {
      fraction1[q] = 1 - finite[psuStratum[q]];
    }
    finite2 = new double[psuCount];
    java.util.Arrays.fill(finite2, 1.0);
    if (fpc2Var != null) {
      NumericVariable f2 = data.numeric(fpc2Var);
      double[] seen = new double[psuCount];
      java.util.Arrays.fill(seen, Double.NaN);
      for (int i = 0; i < rows; i++) {
        if (!inSample[i]) {
          continue;
        }
        double value = f2.valueAt(i);
        if (f2.isMissing(i) || !(value > 0) || !Double.isFinite(value)) {
          throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
              "second-stage fpc %s of respondent %s is %s: it must be a population size (> 1) or a sampling "
                  + "fraction in (0, 1]", fpc2Var, data.id(i), value));
        }
        if (!Double.isNaN(seen[psu[i]]) && seen[psu[i]] != value) {
          throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
              "second-stage fpc %s differs within a primary sampling unit: %s and %s (respondent %s)", fpc2Var,
              seen[psu[i]], value, data.id(i)));
        }
        seen[psu[i]] = value;
      }
      for (int q = 0; q < psuCount; q++) {
        double population = seen[q] > 1 ? seen[q] : ssuPerPsu[q] / seen[q];
        checkArgument(population >= ssuPerPsu[q] - 1e-9,
            "second-stage fpc %s says %s units in a PSU's population but the sample has %s", fpc2Var, population,
            ssuPerPsu[q]);
        finite2[q] = (population - ssuPerPsu[q]) / population;
      }
    }
    for (int q = 0; q < psuCount; q++) {
      checkArgument(ssuPerPsu[q] != 1 || finite2[q] < 1e-7 || lonely != LonelyPsu.FAIL,
          "a primary sampling unit has only one second-stage unit, so its variance cannot be estimated (choose a "
              + "lonely-PSU policy: remove, adjust, average or certainty)");
    }
  }

  /* The second-stage multiplier of PSU q's sum of squares. */
  private double scale2(int q) {
    int m = ssuPerPsu[q];
    if (m > 1) {
      return fraction1[q] * finite2[q] * m / (m - 1.0);
    }
    if (finite2[q] < 1e-7) {
      return 0;
    }
    return switch (lonely) {
      case ADJUST -> fraction1[q] * finite2[q];
      // R: the only stratum of the stage is lonely, so the average of the others is 0/0
      case AVERAGE -> Double.NaN;
      default -> 0;
    };
  }

  private boolean centred2(int q) {
    return ssuPerPsu[q] > 1 || lonely != LonelyPsu.ADJUST;
  }

  /* The second stage's variance of a total with influence values z (0 without a second stage). */
  private double stage2(double[] z) {
    if (ssu == null) {
      return 0;
    }
    double[] t = new double[ssuPsu.length];
    for (int i = 0; i < rows; i++) {
      if (ssu[i] >= 0) {
        t[ssu[i]] += z[i];
      }
    }
    double[] sum = new double[psuCount];
    for (int s = 0; s < t.length; s++) {
      sum[ssuPsu[s]] += t[s];
    }
    double[] ss = new double[psuCount];
    for (int s = 0; s < t.length; s++) {
      int q = ssuPsu[s];
      double d = t[s] - (centred2(q) ? sum[q] / ssuPerPsu[q] : 0);
      ss[q] += d * d;
    }
    double v = 0;
    for (int q = 0; q < psuCount; q++) {
      double scale = scale2(q);
      if (scale != 0) {
        v += scale * ss[q];
      }
    }
    return v;
  }

  private double[][] stage2(double[][] z) {
    int p = z.length;
    double[][] cov = new double[p][p];
    if (ssu == null) {
      return cov;
    }
    int count = ssuPsu.length;
    double[][] t = new double[p][count];
    for (int k = 0; k < p; k++) {
      for (int i = 0; i < rows; i++) {
        if (ssu[i] >= 0) {
          t[k][ssu[i]] += z[k][i];
        }
      }
    }
    double[][] sum = new double[p][psuCount];
    for (int k = 0; k < p; k++) {
      for (int s = 0; s < count; s++) {
        sum[k][ssuPsu[s]] += t[k][s];
      }
    }
    double[] d = new double[p];
    for (int s = 0; s < count; s++) {
      int q = ssuPsu[s];
      double scale = scale2(q);
      if (scale == 0) {
        continue;
      }
      for (int k = 0; k < p; k++) {
        d[k] = t[k][s] - (centred2(q) ? sum[k][q] / ssuPerPsu[q] : 0);
      }
      for (int a = 0; a < p; a++) {
        for (int b = 0; b < p; b++) {
          cov[a][b] += scale * d[a] * d[b];
        }
      }
    }
    return cov;
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
    double[] ss = new double[strataCount];
    if (psu == null) {
      double[] sum = new double[strataCount];
      for (int i = 0; i < rows; i++) {
        if (inSample[i]) {
          sum[stratum == null ? 0 : stratum[i]] += z[i];
        }
      }
      double[] mean = new double[strataCount];
      for (int h = 0; h < strataCount; h++) {
        mean[h] = psuPerStratum[h] == 0 || !centred[h] ? 0 : sum[h] / psuPerStratum[h];
      }
      for (int i = 0; i < rows; i++) {
        if (inSample[i]) {
          int h = stratum == null ? 0 : stratum[i];
          double d = z[i] - mean[h];
          ss[h] += d * d;
        }
      }
    } else {
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
      for (int p = 0; p < psuCount; p++) {
        int h = psuStratum[p];
        double d = totals[p] - (centred[h] ? sum[h] / psuPerStratum[h] : 0);
        ss[h] += d * d;
      }
    }
    double v = 0;
    for (int h = 0; h < strataCount; h++) {
      v += stratumScale[h] * ss[h];
    }
    return v * averageFactor(new double[][] {z}) + stage2(z);
  }

  /*
   * R's average policy: the sum over the strata times (strata present) / (strata present that are not lonely),
   * a stratum present when one of its respondents is in the estimate's domain. R drops the rows outside a subset
   * (and those missing the variable) before this count; their influence values are 0, so a stratum is taken as
   * present when one of its influence values is not 0.
   */
  private double averageFactor(double[][] z) {
    if (averaged == null) {
      return 1;
    }
    boolean[] present = new boolean[strataCount];
    for (double[] values : z) {
      for (int i = 0; i < rows; i++) {
        if (values[i] != 0 && inSample[i]) {
          present[stratum == null ? 0 : stratum[i]] = true;
        }
      }
    }
    int strata = 0;
    int ok = 0;
    for (int h = 0; h < strataCount; h++) {
      if (present[h]) {
        strata++;
        if (!averaged[h]) {
          ok++;
        }
      }
    }
    return ok == 0 ? Double.NaN : strata / (double) ok;
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
        mean[k][h] = psuPerStratum[h] == 0 || !centred[h] ? 0 : mean[k][h] / psuPerStratum[h];
      }
    }
    double[] scale = stratumScale;
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
    double[][] second = stage2(z);
    double averageFactor = averageFactor(z);
    for (int a = 0; a < p; a++) {
      for (int b = 0; b < p; b++) {
        if (b < a) {
          cov[a][b] = cov[b][a];
        }
      }
    }
    for (int a = 0; a < p; a++) {
      for (int b = 0; b < p; b++) {
        cov[a][b] = cov[a][b] * averageFactor + second[a][b];
      }
    }
    return cov;
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
