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

  private Replicates(ReplicateType type, double scale, double[] rscales, boolean mse,
      NumericVariable @Nullable [] columns, double @Nullable [][] factors, int @Nullable [] unitOfRow, int units,
      int rows, double[] weights) {
    this.type = type;
    this.scale = scale;
    this.rscales = rscales;
    this.mse = mse;
    this.columns = columns;
    this.factors = factors;
    this.unitOfRow = unitOfRow;
    this.units = units;
    this.count = columns != null ? columns.length : factors.length;
    this.degreesOfFreedom = rank(null) - 1;
  }

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
    return new Replicates(type, s, rs, mse, columns.clone(), null, null, 0, weights.length, weights);
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
    return new Replicates(type, scale, rscales, mse, null, factors, unitOfRow, units, rows, weights);
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
  double weight(int r, int i, double[] weights) {
    if (columns != null) {
      return columns[r].valueAt(i);
    }
    int u = unitOfRow[i];
    return u < 0 ? 0 : weights[i] * factors[r][u];
  }

  /* For each value vector k and replicate r, sum_i w_ri v_k[i]. */
  double[][] totals(double[][] values, double[] weights) {
    int k = values.length;
    double[][] out = new double[k][count];
    if (columns != null) {
      int n = weights.length;
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
      for (int r = 0; r < count; r++) {
        NumericVariable c = columns[r];
        for (int j = 0; j < m; j++) {
          int i = rows[j];
          double w = c.valueAt(i);
          for (int a = 0; a < k; a++) {
            out[a][r] += w * values[a][i];
          }
        }
      }
      return out;
    }
    double[][] unitTotals = new double[k][units];
    for (int i = 0; i < weights.length; i++) {
      int u = unitOfRow[i];
      if (u >= 0) {
        for (int a = 0; a < k; a++) {
          unitTotals[a][u] += weights[i] * values[a][i];
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
    boolean[] unitSeen = columns != null ? null : new boolean[units];
    int n = columns != null ? columns[0].size() : unitOfRow.length;
    double[] v = new double[count];
    for (int i = 0; i < n && rank < count; i++) {
      if (rows != null && !rows[i]) {
        continue;
      }
      int unit = -1;
      if (unitSeen != null) {
        unit = unitOfRow[i];
        if (unit < 0 || unitSeen[unit]) {
          continue;
        }
        unitSeen[unit] = true;
      }
      double norm = 0;
      for (int r = 0; r < count; r++) {
        v[r] = columns != null ? columns[r].valueAt(i) : factors[r][unit];
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
