package dev.insight.stats.design;

import static com.google.common.base.Preconditions.checkArgument;

import dev.insight.core.data.NumericVariable;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * The replicate weights of a design and the replicate variance (R {@code survey}'s {@code svrVar}).
 *
 * <p>Implementation note: the replicate weights are never copied per estimate. Given as columns of the data
 * (combined weights, as R's {@code svrepdesign(combined.weights = TRUE)}) they are read in place from the
 * dataset's variables; made from a design ({@code as.svrepdesign}) they are held as one factor per replicate and
 * primary sampling unit, {@code w_ri = w_i f_r[psu(i)]}, so a million respondents in a few hundred PSUs cost a few
 * hundred numbers per replicate. Replicate totals of several value vectors are then one pass over the rows per
 * replicate (columns) or one pass over the rows plus a pass over the PSUs per replicate (factors).
 */
final class Replicates {
  final ReplicateType type;
  final double scale;
  final double[] rscales;
  final boolean mse;
  final int count;
  final int degreesOfFreedom;
  private final NumericVariable @Nullable [] columns;
  private final double @Nullable [][] factors;
  private final int @Nullable [] unitOfRow;
  private final int units;
  /* The full-sample weights the factors multiply (the design's when the replicates were made from it). */
  private final double[] base;
  /* After weighting: each row's adjustment group (-1: weight 0) and each replicate's factor per group. */
  private final @Nullable Adjustment adjustment;

  private Replicates(ReplicateType type, double scale, double[] rscales, boolean mse,
      NumericVariable @Nullable [] columns, double @Nullable [][] factors, int @Nullable [] unitOfRow, int units,
      double[] base, @Nullable Adjustment adjustment) {
    this.type = type;
    this.scale = scale;
    this.rscales = rscales;
    this.mse = mse;
    this.columns = columns;
    this.factors = factors;
    this.unitOfRow = unitOfRow;
    this.units = units;
    this.base = base;
    this.adjustment = adjustment;
    this.count = columns != null ? columns.length : factors.length;
    this.degreesOfFreedom = rank(null) - 1;
  }

  /*
   * How weighting changed the replicates: replicate r's weight of row i is its weight before times
   * factor[r][group[i]] (0 for group -1). A weighting factor is constant within the cells of its weighting
   * variables, so the groups are the cells present (or their combinations after several steps): a few numbers per
   * replicate, not a copy of the replicate weights. For replicates made from a design, pairOfRow indexes each row's
   * (PSU, group) pair, over which replicate totals are summed.
   */
  private record Adjustment(int[] group, int groups, double[][] factor, int @Nullable [] pairOfRow,
      int @Nullable [] pairUnit, int @Nullable [] pairGroup) {}

  /* Replicate weights given as columns of combined weights; checks them (finite, not negative, not missing). */
  static Replicates ofColumns(NumericVariable[] columns, ReplicateType type, @Nullable Double scale,
      double @Nullable [] rscales, @Nullable Double rho, boolean mse, double[] weights) {
    int r = columns.length;
    checkArgument(r >= 2, "a replicate design needs at least 2 replicate weight columns, found %s", r);
    for (NumericVariable c : columns) {
      for (int i = 0; i < c.size(); i++) {
        double v = c.valueAt(i);
        if (c.isMissing(i) || !(v >= 0) || !Double.isFinite(v)) {
          throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
              "replicate weight %s of row %s is %s: replicate weights must be finite, 0 or more and not missing",
              c.name(), i + 1, v));
        }
      }
    }
    checkArgument(rscales == null || rscales.length == r, "%s rscales for %s replicates",
        rscales == null ? 0 : rscales.length, r);
    checkArgument(type == ReplicateType.FAY || rho == null, "rho applies to Fay replicates only, not %s", type);
    double s;
    double[] rs = rscales == null ? ones(r) : rscales.clone();
    switch (type) {
      case JK1 -> s = scale != null ? scale : (r - 1.0) / r;
      case JKN -> {
        checkArgument(rscales != null, "JKn replicate weights need their rscales, (n_h - 1) / n_h per replicate");
        s = scale != null ? scale : 1;
      }
      case BRR -> {
        checkArgument(scale == null && rscales == null, "BRR sets its own scale 1/R; give no scale or rscales");
        s = 1.0 / r;
      }
      case FAY -> {
        checkArgument(rho != null && rho >= 0 && rho < 1, "Fay replicate weights need rho in [0, 1): %s", rho);
        checkArgument(scale == null && rscales == null, "Fay sets its own scale 1/(R (1 - rho)^2); give no scale "
            + "or rscales");
        s = 1 / (r * (1 - rho) * (1 - rho));
      }
      case BOOTSTRAP -> s = scale != null ? scale : 1.0 / (r - 1);
      case SDR -> {
        checkArgument(scale == null && rscales == null, "SDR sets its own scale 4/R; give no scale or rscales");
        s = 4.0 / r;
      }
      default -> s = scale != null ? scale : 1;
    }
    checkArgument(s > 0 && Double.isFinite(s), "replicate scale must be above 0: %s", s);
    for (double x : rs) {
      checkArgument(x >= 0 && Double.isFinite(x), "rscales must be 0 or more: %s", x);
    }
    return new Replicates(type, s, rs, mse, columns.clone(), null, null, 0, weights, null);
  }

  /* Replicates made from a design's structure (R's as.svrepdesign). */
  static Replicates fromDesign(Structure structure, double[] weights, ReplicateType type, int replicates,
      long seed, boolean mse) {
    int rows = weights.length;
    int[] unitOfRow = new int[rows];
    int units;
    int[] unitStratum;
    if (structure.psu != null) {
      System.arraycopy(structure.psu, 0, unitOfRow, 0, rows);
      units = structure.psuCount;
      unitStratum = structure.psuStratum;
    } else {
      units = 0;
      int[] stratumOf = new int[rows];
      for (int i = 0; i < rows; i++) {
        if (structure.inSample[i]) {
          stratumOf[units] = structure.stratum == null ? 0 : structure.stratum[i];
          unitOfRow[i] = units++;
        } else {
          unitOfRow[i] = -1;
        }
      }
      unitStratum = Arrays.copyOf(stratumOf, units);
    }
    int h = structure.strataCount;
    int[] perStratum = structure.psuPerStratum;
    double[][] factors;
    double[] rscales;
    double scale;
    switch (type) {
      case JK1 -> {
        checkArgument(structure.stratum == null, "JK1 replicates ignore strata; use JKn for a stratified design");
        int n = units;
        checkArgument(n >= 2, "JK1 needs at least 2 primary sampling units, found %s", n);
        factors = new double[n][units];
        for (int r = 0; r < n; r++) {
          Arrays.fill(factors[r], n / (n - 1.0));
          factors[r][r] = 0;
        }
        rscales = ones(n);
        scale = structure.finite[0] * (n - 1.0) / n;
      }
      case JKN -> {
        int total = 0;
        for (int s = 0; s < h; s++) {
          checkArgument(perStratum[s] >= 2, "JKn needs at least 2 primary sampling units in every stratum; stratum "
              + "%s has %s", structure.stratumNames[s], perStratum[s]);
          total += perStratum[s];
        }
        factors = new double[total][units];
        rscales = new double[total];
        int r = 0;
        // one replicate per unit, in the order of the strata and of the units within them (as R's jknweights)
        for (int s = 0; s < h; s++) {
          double n = perStratum[s];
          for (int u = 0; u < units; u++) {
            if (unitStratum[u] != s) {
              continue;
            }
            for (int v = 0; v < units; v++) {
              factors[r][v] = unitStratum[v] != s ? 1 : v == u ? 0 : n / (n - 1);
            }
            rscales[r] = (n - 1) / n * structure.finite[s];
            r++;
          }
        }
        scale = 1;
      }
      case BOOTSTRAP -> {
        checkArgument(replicates >= 2, "bootstrap needs at least 2 replicates: %s", replicates);
        SplittableRandom random = new SplittableRandom(seed);
        factors = new double[replicates][units];
        int[][] unitsOf = new int[h][];
        int[] fill = new int[h];
        for (int s = 0; s < h; s++) {
          unitsOf[s] = new int[perStratum[s]];
        }
        for (int u = 0; u < units; u++) {
          unitsOf[unitStratum[u]][fill[unitStratum[u]]++] = u;
        }
        for (int r = 0; r < replicates; r++) {
          for (int s = 0; s < h; s++) {
            int n = unitsOf[s].length;
            if (n == 0) {
              continue;
            }
            double f = 1 - structure.finite[s];
            if (f < 1e-12) {
              // no fpc: n draws with replacement of the n units
              for (int k = 0; k < n; k++) {
                factors[r][unitsOf[s][random.nextInt(n)]]++;
              }
            } else {
              // with an fpc: n draws without replacement from the N population units, the sampled units
              // repeated to fill them (R's bootstratum); Floyd's algorithm, so N is never materialised
              int population = (int) Math.round(n / f);
              java.util.Set<Integer> chosen = new java.util.HashSet<>();
              for (int j = population - n; j < population; j++) {
                int t = random.nextInt(j + 1);
                int pick = chosen.add(t) ? t : j;
                if (pick == j) {
                  chosen.add(j);
                }
                factors[r][unitsOf[s][pick % n]]++;
              }
            }
          }
        }
        rscales = ones(replicates);
        double harmonic = 0;
        int strata = 0;
        for (int s = 0; s < h; s++) {
          if (perStratum[s] > 0) {
            harmonic += 1.0 / perStratum[s];
            strata++;
          }
        }
        double psuPerStratum = strata / harmonic;
        scale = psuPerStratum / ((psuPerStratum - 1) * (replicates - 1));
      }
      default -> throw new IllegalArgumentException("replicates are made from a design by JK1, JKn or bootstrap, "
          + "not " + type);
    }
    return new Replicates(type, scale, rscales, mse, null, factors, unitOfRow, units, weights, null);
  }

  private static double[] ones(int n) {
    double[] a = new double[n];
    Arrays.fill(a, 1);
    return a;
  }

  ReplicateWeights describe() {
    return new ReplicateWeights(type, count, scale, rscales, mse, degreesOfFreedom);
  }

  /* The weight of row i in replicate r. */
  double weight(int r, int i) {
    double w;
    if (columns != null) {
      w = columns[r].valueAt(i);
    } else {
      int u = unitOfRow[i];
      w = u < 0 ? 0 : base[i] * factors[r][u];
    }
    if (adjustment != null) {
      int g = adjustment.group[i];
      w = g < 0 ? 0 : w * adjustment.factor[r][g];
    }
    return w;
  }

  /* Every row's weight in replicate r, into a buffer of one value per row. */
  void weights(int r, double[] into) {
    if (columns != null) {
      NumericVariable c = columns[r];
      for (int i = 0; i < into.length; i++) {
        into[i] = c.valueAt(i);
      }
    } else {
      double[] f = factors[r];
      for (int i = 0; i < into.length; i++) {
        int u = unitOfRow[i];
        into[i] = u < 0 ? 0 : base[i] * f[u];
      }
    }
    if (adjustment != null) {
      double[] a = adjustment.factor[r];
      int[] group = adjustment.group;
      for (int i = 0; i < into.length; i++) {
        int g = group[i];
        into[i] = g < 0 ? 0 : into[i] * a[g];
      }
    }
  }

  /*
   * These replicates weighted as the full sample was (R's postStratify, rake and calibrate on an svyrep.design):
   * each replicate's weights, summed by the step's units, are fitted to the same targets, and each unit's factor
   * multiplies the replicate's weights of the unit's rows. Replicates that the step cannot fit fail in the fit.
   */
  Replicates refit(ReplicateRefit refit) {
    int[] unitOf = refit.unitOfRow();
    int n = base.length;
    checkArgument(unitOf.length == n, "%s units of rows for %s rows", unitOf.length, n);
    // the units present, so that what is kept is a few numbers per replicate and present unit
    int[] local = new int[refit.units()];
    Arrays.fill(local, -1);
    int present = 0;
    int[] unitOfLocal = new int[Math.min(refit.units(), n)];
    for (int i = 0; i < n; i++) {
      int u = unitOf[i];
      if (u >= 0 && local[u] < 0) {
        unitOfLocal[present] = u;
        local[u] = present++;
      }
    }
    double[][] factor = new double[count][present];
    double[] row = new double[n];
    double[] sums = new double[refit.units()];
    for (int r = 0; r < count; r++) {
      weights(r, row);
      Arrays.fill(sums, 0);
      for (int i = 0; i < n; i++) {
        int u = unitOf[i];
        if (u >= 0) {
          sums[u] += row[i];
        }
      }
      double[] f = refit.fit().factors(sums, r);
      for (int k = 0; k < present; k++) {
        double v = f[unitOfLocal[k]];
        if (!(v >= 0 && Double.isFinite(v))) {
          throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "weighting replicate %d of %d "
              + "gives a factor of %s: its replicate weights cannot meet the targets", r + 1, count, v));
        }
        factor[r][k] = v;
      }
    }
    int[] rowLocal = new int[n];
    for (int i = 0; i < n; i++) {
      rowLocal[i] = unitOf[i] < 0 ? -1 : local[unitOf[i]];
    }
    return new Replicates(type, scale, rscales, mse, columns, factors, unitOfRow, units, base,
        combine(rowLocal, present, factor));
  }

  /* The adjustment after this one and a new step's (groups of rows and factors), as one. */
  private Adjustment combine(int[] group, int groups, double[][] factor) {
    int n = group.length;
    int[] combined;
    int combinedGroups;
    double[][] combinedFactor;
    if (adjustment == null) {
      combined = group;
      combinedGroups = groups;
      combinedFactor = factor;
    } else {
      // the pairs (earlier group, new group) present, numbered in row order
      java.util.Map<Long, Integer> index = new java.util.HashMap<>();
      combined = new int[n];
      int[] earlier = new int[n];
      int[] later = new int[n];
      for (int i = 0; i < n; i++) {
        int a = adjustment.group[i];
        int b = group[i];
        if (a < 0 || b < 0) {
          combined[i] = -1;
          continue;
        }
        long key = (long) a * groups + b;
        Integer k = index.get(key);
        if (k == null) {
          k = index.size();
          index.put(key, k);
          earlier[k] = a;
          later[k] = b;
        }
        combined[i] = k;
      }
      combinedGroups = index.size();
      combinedFactor = new double[count][combinedGroups];
      for (int r = 0; r < count; r++) {
        for (int k = 0; k < combinedGroups; k++) {
          combinedFactor[r][k] = adjustment.factor[r][earlier[k]] * factor[r][later[k]];
        }
      }
    }
    if (columns != null) {
      return new Adjustment(combined, combinedGroups, combinedFactor, null, null, null);
    }
    // replicates made from a design: totals are summed over the (PSU, group) pairs present
    java.util.Map<Long, Integer> pairs = new java.util.HashMap<>();
    int[] pairOfRow = new int[n];
    int[] pairUnit = new int[n];
    int[] pairGroup = new int[n];
    for (int i = 0; i < n; i++) {
      int u = unitOfRow[i];
      int g = combined[i];
      if (u < 0 || g < 0) {
        pairOfRow[i] = -1;
        continue;
      }
      long key = (long) u * combinedGroups + g;
      Integer k = pairs.get(key);
      if (k == null) {
        k = pairs.size();
        pairs.put(key, k);
        pairUnit[k] = u;
        pairGroup[k] = g;
      }
      pairOfRow[i] = k;
    }
    return new Adjustment(combined, combinedGroups, combinedFactor, pairOfRow,
        Arrays.copyOf(pairUnit, pairs.size()), Arrays.copyOf(pairGroup, pairs.size()));
  }

  /* For each value vector k and replicate r, sum_i w_ri v_k[i]. */
  double[][] totals(double[][] values) {
    int k = values.length;
    double[][] out = new double[k][count];
    if (columns != null) {
      int n = base.length;
      // the rows where some vector is not 0, so a domain costs its own rows only
      int[] rows = new int[n];
      int m = 0;
      for (int i = 0; i < n; i++) {
        for (double[] v : values) {
          if (v[i] != 0) {
            rows[m++] = i;
            break;
          }
        }
      }
      int[] group = adjustment == null ? null : adjustment.group;
      for (int r = 0; r < count; r++) {
        NumericVariable c = columns[r];
        double[] factor = adjustment == null ? null : adjustment.factor[r];
        for (int j = 0; j < m; j++) {
          int i = rows[j];
          double w = c.valueAt(i);
          if (group != null) {
            w = group[i] < 0 ? 0 : w * factor[group[i]];
          }
          for (int a = 0; a < k; a++) {
            out[a][r] += w * values[a][i];
          }
        }
      }
      return out;
    }
    if (adjustment != null) {
      return pairTotals(values);
    }
    double[][] unitTotals = new double[k][units];
    for (int i = 0; i < base.length; i++) {
      int u = unitOfRow[i];
      if (u >= 0) {
        for (int a = 0; a < k; a++) {
          unitTotals[a][u] += base[i] * values[a][i];
        }
      }
    }
    for (int r = 0; r < count; r++) {
      double[] f = factors[r];
      for (int a = 0; a < k; a++) {
        double s = 0;
        double[] t = unitTotals[a];
        for (int u = 0; u < units; u++) {
          s += f[u] * t[u];
        }
        out[a][r] = s;
      }
    }
    return out;
  }

  /* Replicates made from a design and then weighted: totals by (PSU, group) pair, then per replicate. */
  private double[][] pairTotals(double[][] values) {
    int k = values.length;
    int[] pairOfRow = adjustment.pairOfRow;
    int[] pairUnit = adjustment.pairUnit;
    int[] pairGroup = adjustment.pairGroup;
    int pairs = pairUnit.length;
    double[][] pairTotal = new double[k][pairs];
    for (int i = 0; i < base.length; i++) {
      int p = pairOfRow[i];
      if (p >= 0) {
        for (int a = 0; a < k; a++) {
          pairTotal[a][p] += base[i] * values[a][i];
        }
      }
    }
    double[][] out = new double[k][count];
    for (int r = 0; r < count; r++) {
      double[] f = factors[r];
      double[] g = adjustment.factor[r];
      for (int a = 0; a < k; a++) {
        double s = 0;
        double[] t = pairTotal[a];
        for (int p = 0; p < pairs; p++) {
          s += f[pairUnit[p]] * g[pairGroup[p]] * t[p];
        }
        out[a][r] = s;
      }
    }
    return out;
  }

  /* R's svrVar for one estimate. */
  double variance(double[] thetas, double theta) {
    double centre = theta;
    if (!mse) {
      double sum = 0;
      int used = 0;
      for (int r = 0; r < count; r++) {
        if (rscales[r] > 0) {
          sum += thetas[r];
          used++;
        }
      }
      centre = sum / used;
    }
    double v = 0;
    for (int r = 0; r < count; r++) {
      double d = thetas[r] - centre;
      v += d * d * rscales[r];
    }
    return v * scale;
  }

  /* R's svrVar for several estimates: thetas[k][r]. */
  double[][] covariance(double[][] thetas, double[] theta) {
    int k = thetas.length;
    double[][] d = new double[k][count];
    for (int a = 0; a < k; a++) {
      double centre = theta[a];
      if (!mse) {
        double sum = 0;
        int used = 0;
        for (int r = 0; r < count; r++) {
          if (rscales[r] > 0) {
            sum += thetas[a][r];
            used++;
          }
        }
        centre = sum / used;
      }
      for (int r = 0; r < count; r++) {
        d[a][r] = thetas[a][r] - centre;
      }
    }
    double[][] v = new double[k][k];
    for (int a = 0; a < k; a++) {
      for (int b = a; b < k; b++) {
        double s = 0;
        for (int r = 0; r < count; r++) {
          s += d[a][r] * d[b][r] * rscales[r];
        }
        v[a][b] = s * scale;
        v[b][a] = s * scale;
      }
    }
    return v;
  }

  /*
   * The rank of the rows x replicates matrix of replicate weights (R's qr(..., tol = 1e-5)$rank), of all rows or
   * of those flagged, found by Gram-Schmidt over the rows (or the distinct PSUs), stopping as soon as it reaches
   * the number of replicates.
   */
  int rank(boolean @Nullable [] rows) {
    double[][] basis = new double[count][];
    int rank = 0;
    // rows with the same replicate weights up to a multiple add nothing: made from a design, the rows of a PSU
    // (and, after weighting, of a PSU and group) share theirs
    int[] unitOf = columns != null ? null : adjustment == null ? unitOfRow : adjustment.pairOfRow;
    boolean[] unitSeen = unitOf == null ? null : new boolean[adjustment == null ? units : adjustment.pairUnit.length];
    int n = base.length;
    double[] v = new double[count];
    for (int i = 0; i < n && rank < count; i++) {
      if (rows != null && !rows[i]) {
        continue;
      }
      int unit = -1;
      if (unitSeen != null) {
        unit = unitOf[i];
        if (unit < 0 || unitSeen[unit]) {
          continue;
        }
        unitSeen[unit] = true;
      }
      double norm = 0;
      for (int r = 0; r < count; r++) {
        v[r] = weight(r, i);
        norm += v[r] * v[r];
      }
      if (norm == 0) {
        continue;
      }
      for (int b = 0; b < rank; b++) {
        double dot = 0;
        for (int r = 0; r < count; r++) {
          dot += v[r] * basis[b][r];
        }
        for (int r = 0; r < count; r++) {
          v[r] -= dot * basis[b][r];
        }
      }
      double residual = 0;
      for (double x : v) {
        residual += x * x;
      }
      if (residual > 1e-10 * norm) {
        double s = Math.sqrt(residual);
        basis[rank] = new double[count];
        for (int r = 0; r < count; r++) {
          basis[rank][r] = v[r] / s;
        }
        rank++;
      }
    }
    return rank;
  }
}
