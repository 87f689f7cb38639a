package dev.insight.stats.design;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Linear (GREG) calibration of a design's weights to the main effects of categorical margins, optionally with
 * bounds on the g-weights (final weight / starting weight).
 *
 * <p>Implementation note: Deville and Särndal (1992), "Calibration estimators in survey sampling", JASA 87, with
 * the truncated linear distance for bounds, solved by Newton steps on the Lagrange multipliers as R
 * {@code survey}'s {@code grake}: {@code g = 1 + clamp(x'eta, L - 1, U - 1)}, {@code eta += (sum w d x x')^+
 * (T - sum w g x)}, with {@code d} 1 where the clamp is inactive. The model matrix has an intercept and treatment
 * dummies (R's {@code model.matrix(~a + b)}). As in raking the g-weights are constant within the cells of the
 * margins' cross-classification, so the iteration runs on the cells. Unlike R, starting weights are never rescaled
 * before the bounds apply (R rescales when every target is over 20 times the sample total).
 *
 * <p>Immutable.
 */
public final class LinearCalibration implements Weighting {
  private final List<Margin> margins;
  private final double lower;
  private final double upper;
  private final double tolerance;
  private final int maxIterations;
  private final MissingPolicy missing;
  private final boolean allowNonConvergence;

  private LinearCalibration(List<Margin> margins, double lower, double upper, double tolerance, int maxIterations,
      MissingPolicy missing, boolean allowNonConvergence) {
    this.margins = List.copyOf(margins);
    this.lower = lower;
    this.upper = upper;
    this.tolerance = tolerance;
    this.maxIterations = maxIterations;
    this.missing = missing;
    this.allowNonConvergence = allowNonConvergence;
  }

  /**
   * Unbounded linear calibration to these margins, tolerance 1e-9, at most 50 iterations.
   *
   * @param margins the margins, all counts (agreeing on the total) or all proportions
   * @return the procedure
   */
  public static LinearCalibration of(List<Margin> margins) {
    checkArgument(!margins.isEmpty(), "calibration needs at least one margin");
    return new LinearCalibration(margins, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 1e-9, 50,
        MissingPolicy.FAIL, false);
  }

  /**
   * With bounds on the g-weights.
   *
   * @param low the smallest g-weight, below 1 (0 or more)
   * @param high the largest g-weight, above 1
   * @return a changed copy
   */
  public LinearCalibration withBounds(double low, double high) {
    checkArgument(low >= 0 && low < 1 && high > 1, "g-weight bounds must satisfy 0 <= low < 1 < high: %s, %s", low,
        high);
    return new LinearCalibration(margins, low, high, tolerance, maxIterations, missing, allowNonConvergence);
  }

  /**
   * With a convergence tolerance.
   *
   * @param value the largest relative gap to a target accepted, above 0
   * @return a changed copy
   */
  public LinearCalibration withTolerance(double value) {
    checkArgument(value > 0 && Double.isFinite(value), "tolerance must be above 0: %s", value);
    return new LinearCalibration(margins, lower, upper, value, maxIterations, missing, allowNonConvergence);
  }

  /**
   * With an iteration limit.
   *
   * @param value the most Newton steps, at least 1
   * @return a changed copy
   */
  public LinearCalibration withMaxIterations(int value) {
    checkArgument(value >= 1, "max iterations must be at least 1: %s", value);
    return new LinearCalibration(margins, lower, upper, tolerance, value, missing, allowNonConvergence);
  }

  /**
   * With a policy for respondents whose weighting variable is missing.
   *
   * @param policy the policy
   * @return a changed copy
   */
  public LinearCalibration withMissing(MissingPolicy policy) {
    return new LinearCalibration(margins, lower, upper, tolerance, maxIterations, checkNotNull(policy, "policy"),
        allowNonConvergence);
  }

  /**
   * Returning a result flagged not converged instead of throwing.
   *
   * @return a changed copy
   */
  public LinearCalibration allowingNonConvergence() {
    return new LinearCalibration(margins, lower, upper, tolerance, maxIterations, missing, true);
  }

  /**
   * Calibrates the design's weights (they are the starting weights).
   *
   * @param design the design
   * @return the calibrated design, remembering the step, and the report
   * @throws IllegalArgumentException on bad margins (as {@link Raking#apply}), or when unbounded calibration
   *     gives a weight of 0 or below
   * @throws WeightingNotConvergedException when the bounds cannot be met (naming the categories that bind), unless
   *     {@link #allowingNonConvergence()}
   */
  @Override
  public WeightingResult apply(SurveyDesign design) {
    Resolved resolved = Resolved.of(design, margins, missing);
    Resolved.Units units = resolved.units();
    int m = margins.size();
    int[] offset = new int[m];
    int p = 1;
    for (int k = 0; k < m; k++) {
      offset[k] = p - 1;
      p += resolved.categoryCount[k] - 1;
    }
    double[] population = new double[p];
    population[0] = resolved.targets[0].length == 0 ? 0 : sum(resolved.targets[0]);
    for (int k = 0; k < m; k++) {
      for (int j = 1; j < resolved.categoryCount[k]; j++) {
        population[offset[k] + j] = resolved.targets[k][j];
      }
    }
    int size = units.size();
    int[][] cols = new int[size][];
    for (int u = 0; u < size; u++) {
      int[] c = new int[m + 1];
      int used = 0;
      c[used++] = 0;
      for (int k = 0; k < m; k++) {
        int j = units.category[k][u];
        if (j > 0) {
          c[used++] = offset[k] + j;
        }
      }
      cols[u] = java.util.Arrays.copyOf(c, used);
    }
    double[] g = new double[size];
    Steps fit = newton(resolved, units, units.weight, cols, population, g);
    boolean converged = fit.converged();
    int iterations = fit.count();
    Resolved.Gap gap = resolved.gap(units, g);
    double[] weights = units.weights(resolved.start(), g);
    String bounds = Double.isInfinite(upper) ? "unbounded" : "g-weights in [" + lower + ", " + upper + "]";
    WeightingReport report = WeightingReport.of("calibrate linear", converged, iterations, gap.value(), gap.at(),
        positive(weights), resolved.excluded);
    if (!converged) {
      if (!allowNonConvergence) {
        throw new WeightingNotConvergedException(String.format(Locale.ROOT,
            "linear calibration on %s with %s did not meet the targets in %d iterations; bounds cannot be met. "
                + "Binding: %s", resolved.variables(), bounds, iterations, binding(resolved, units, g)), report);
      }
    }
    for (int i = 0; i < weights.length; i++) {
      if (units.rowUnit[i] >= 0 && !(weights[i] > 0)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "linear calibration on %s gives respondent %s (row %s) a weight of %s; set bounds on the g-weights",
            resolved.variables(), design.data().id(i), i + 1, weights[i]));
      }
    }
    DesignStep step = new DesignStep("calibrate", String.format(Locale.ROOT, "linear on %s; %s; %d iterations%s",
        resolved.variables(), bounds, iterations, converged ? "" : "; NOT converged"));
    Calibration calibration = Calibration.linear(resolved.category(), resolved.categoryCount, resolved.start(),
        weights);
    // each replicate calibrated to the same totals from its own weights (R's calibrate of an svyrep.design)
    ReplicateRefit refit = design.replicates().isEmpty() ? null
        : new ReplicateRefit(units.rowUnit, size, (sums, r) -> {
          double[] f = new double[size];
          Steps replicate = newton(resolved, units, sums, cols, population, f);
          if (!replicate.converged() && !allowNonConvergence) {
            throw new WeightingNotConvergedException(String.format(Locale.ROOT, "linear calibration of replicate "
                + "%d on %s with %s did not meet the targets in %d iterations: its weights cannot meet them within "
                + "the bounds; widen the bounds", r + 1, resolved.variables(), bounds, replicate.count()), report);
          }
          for (int u = 0; u < size; u++) {
            if (sums[u] > 0 && !(f[u] > 0)) {
              throw new IllegalArgumentException(String.format(Locale.ROOT, "linear calibration on %s gives "
                  + "replicate %d a g-weight of %s; set bounds on the g-weights", resolved.variables(), r + 1, f[u]));
            }
          }
          return f;
        });
    return new WeightingResult(design.reweighted(weights, calibration, step, refit), report);
  }

  private record Steps(int count, boolean converged) {}

  /* Newton steps on the multipliers from these unit weights until the targets are met; g is the result. */
  private Steps newton(Resolved resolved, Resolved.Units units, double[] unitWeight, int[][] cols,
      double[] population, double[] g) {
    int p = population.length;
    int size = units.size();
    double[] eta = new double[p];
    boolean[] free = new boolean[size];
    update(cols, eta, g, free);
    boolean converged = false;
    int iterations = 0;
    while (iterations < maxIterations) {
      iterations++;
      double[][] t = new double[p][p];
      double[] misfit = population.clone();
      for (int u = 0; u < size; u++) {
        double w = unitWeight[u];
        if (w == 0) {
          continue;
        }
        for (int a : cols[u]) {
          misfit[a] -= w * g[u];
          if (free[u]) {
            for (int b : cols[u]) {
              t[a][b] += w;
            }
          }
        }
      }
      RealMatrix inverse = new SingularValueDecomposition(new Array2DRowRealMatrix(t, false)).getSolver()
          .getInverse();
      double[] step = inverse.operate(misfit);
      for (int a = 0; a < p; a++) {
        eta[a] += step[a];
      }
      update(cols, eta, g, free);
      if (resolved.gap(units, unitWeight, g).value() <= tolerance) {
        converged = true;
        break;
      }
    }
    return new Steps(iterations, converged);
  }

  private static double[] positive(double[] weights) {
    double[] copy = weights.clone();
    for (int i = 0; i < copy.length; i++) {
      copy[i] = Math.max(0, copy[i]);
    }
    return copy;
  }

  private void update(int[][] cols, double[] eta, double[] g, boolean[] free) {
    for (int u = 0; u < cols.length; u++) {
      double x = 0;
      for (int a : cols[u]) {
        x += eta[a];
      }
      double clamped = Math.min(Math.max(x, lower - 1), upper - 1);
      g[u] = 1 + clamped;
      free[u] = x > lower - 1 && x < upper - 1;
    }
  }

  private static double sum(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }

  /* The targets still missed, with how many of their respondents' g-weights sit at a bound. */
  private String binding(Resolved resolved, Resolved.Units units, double[] g) {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < resolved.categoryCount.length; k++) {
      int count = resolved.categoryCount[k];
      double[] achieved = new double[count];
      double[] atBound = new double[count];
      double[] all = new double[count];
      for (int u = 0; u < units.size(); u++) {
        int j = units.category[k][u];
        if (j < 0 || units.weight[u] == 0) {
          continue;
        }
        achieved[j] += units.weight[u] * g[u];
        all[j] += units.weight[u];
        if (g[u] <= lower + 1e-12 || g[u] >= upper - 1e-12) {
          atBound[j] += units.weight[u];
        }
      }
      for (int j = 0; j < count; j++) {
        double target = resolved.targets[k][j];
        if (Math.abs(achieved[j] - target) > tolerance * target) {
          out.add(String.format(Locale.ROOT, "%s=%s (achieved %.6g, target %.6g, %.0f%% of its weight at a bound)",
              margins.get(k).variable(), resolved.codes[k][j], achieved[j], target,
              all[j] == 0 ? 0 : 100 * atBound[j] / all[j]));
        }
      }
    }
    return out.isEmpty() ? "none" : String.join("; ", out);
  }

  @Override
  public String toString() {
    return "LinearCalibration[" + margins.size() + " margins, g in [" + lower + ", " + upper + "]]";
  }
}
