package dev.insight.stats.design;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.jspecify.annotations.Nullable;

/**
 * The Newton iterations of a calibration, as R {@code survey}'s {@code grake}: from {@code eta = 0}, each step
 * {@code eta += (sum w F'(x'eta) x x')^+ (T - sum w g x)} with the Moore-Penrose inverse at R's tolerance, halved
 * while a g-weight is not finite, until every {@code |T - sum w g x| / (1 + |T|)} is below the tolerance; and R's
 * trim of the g-weights after it. Runs on {@link CalibrationUnits}, respondents or cells alike.
 *
 * @param function the distance function
 * @param lower the lower bound on the g-weights (used where no bound per unit is given)
 * @param upper the upper bound
 * @param tolerance the largest misfit accepted
 * @param maxIterations the most Newton steps, halvings included
 */
record CalibrationSolver(CalibrationFunction function, double lower, double upper, double tolerance,
    int maxIterations) {

  /**
   * The iterations' outcome.
   *
   * @param g each unit's g-weight
   * @param pass the last pass over the units
   * @param iterations the steps taken, halvings included (one more than the limit when it was reached)
   * @param converged whether the totals were met
   * @param achieved the largest misfit {@code |T - sum w g x| / (1 + |T|)} at the end
   */
  record Solved(double[] g, Pass pass, int iterations, boolean converged, double achieved) {
    /** The model column with the largest misfit (a column whose misfit is not a number counts as the largest). */
    int worstAt(double[] population) {
      int worstAt = 0;
      for (int a = 1; a < population.length; a++) {
        if (!(gap(pass.misfit[a], population[a]) <= gap(pass.misfit[worstAt], population[worstAt]))) {
          worstAt = a;
        }
      }
      return worstAt;
    }

    /** The largest misfit, for a message: its size, where, the total and what was achieved. */
    String misfit(ModelMatrix model) {
      int at = worstAt(model.population);
      return String.format(Locale.ROOT, "the largest misfit |total - achieved| / (1 + |total|) is %.3g, at %s "
          + "(total %s, achieved %s)", achieved, model.names[at], Resolved.fmt(model.population[at]),
          Resolved.fmt(model.population[at] - pass.misfit[at]));
    }
  }

  /**
   * One pass over the units at {@code eta}: R's misfit and Newton matrix.
   *
   * @param misfit the totals less the achieved totals, per model column
   * @param tmat the Newton matrix {@code sum w F'(x'eta) x x'}
   * @param finite whether every g-weight and derivative was finite
   */
  record Pass(double[] misfit, double[][] tmat, boolean finite) {}

  /**
   * Solves for the g-weights from these starting weights.
   *
   * @param units the units
   * @param start each unit's starting weight
   * @param lo each unit's lower bound, or null for {@link #lower()}
   * @param hi each unit's upper bound, or null for {@link #upper()}
   */
  Solved solve(CalibrationUnits units, double[] start, double @Nullable [] lo, double @Nullable [] hi) {
    double[] population = units.model.population;
    int p = population.length;
    double[] eta = new double[p];
    double[] g = new double[units.size()];
    Pass pass = evaluate(units, start, lo, hi, eta, g);
    int iter = 1;
    boolean converged;
    double achieved;
    while (true) {
      double[] step = ginv(pass.tmat).operate(pass.misfit);
      for (int a = 0; a < p; a++) {
        eta[a] += step[a];
      }
      pass = evaluate(units, start, lo, hi, eta, g);
      while (iter < maxIterations && !pass.finite) {
        iter++;
        for (int a = 0; a < p; a++) {
          step[a] /= 2;
          eta[a] -= step[a];
        }
        pass = evaluate(units, start, lo, hi, eta, g);
      }
      achieved = worst(pass.misfit, population);
      if (achieved < tolerance) {
        converged = true;
        break;
      }
      iter++;
      if (iter > maxIterations) {
        converged = false;
        break;
      }
    }
    return new Solved(g, pass, iter, converged, achieved);
  }

  private Pass evaluate(CalibrationUnits units, double[] start, double @Nullable [] lo, double @Nullable [] hi,
      double[] eta, double[] g) {
    ModelMatrix model = units.model;
    int p = model.columns;
    double[] misfit = model.population.clone();
    double[][] tmat = new double[p][p];
    int[] cols = new int[model.width()];
    double[] vals = new double[model.width()];
    boolean finite = true;
    for (int u = 0; u < g.length; u++) {
      if (!units.in(u)) {
        continue;
      }
      int used = units.row(u, cols, vals);
      double x = 0;
      for (int a = 0; a < used; a++) {
        x += vals[a] * eta[cols[a]];
      }
      double l = lo == null ? lower : lo[u];
      double h = hi == null ? upper : hi[u];
      double gu = 1 + function.gMinusOne(x, l, h);
      double d = function.derivative(x, l, h);
      g[u] = gu;
      finite &= Double.isFinite(gu) && Double.isFinite(d);
      double wg = start[u] * gu;
      double wd = start[u] * d;
      for (int a = 0; a < used; a++) {
        misfit[cols[a]] -= wg * vals[a];
        if (wd != 0) {
          double va = wd * vals[a];
          double[] row = tmat[cols[a]];
          for (int b = 0; b < used; b++) {
            row[cols[b]] += va * vals[b];
          }
        }
      }
    }
    return new Pass(misfit, tmat, finite);
  }

  /**
   * R's trim: g-weights outside [low, high] set to the end, the weight taken off (or added) spread over the other
   * units in proportion to their starting weights, once.
   *
   * @return the step's note on what was trimmed
   */
  static String trim(CalibrationUnits units, double[] start, double[] g, double low, double high) {
    double trimmings = 0;
    double inside = 0;
    int outside = 0;
    boolean[] out = new boolean[g.length];
    for (int u = 0; u < g.length; u++) {
      if (!units.in(u)) {
        continue;
      }
      if (g[u] < low || g[u] > high) {
        double cut = Math.max(low, Math.min(g[u], high));
        trimmings += (g[u] - cut) * start[u];
        g[u] = cut;
        out[u] = true;
        outside += units.respondents(u);
      } else {
        inside += start[u];
      }
    }
    if (outside == 0) {
      return "; trim [" + low + ", " + high + "]: none";
    }
    checkArgument(inside > 0, "trimming the g-weights to [%s, %s] leaves no respondent inside to take the "
        + "trimmed weight", low, high);
    double add = trimmings / inside;
    for (int u = 0; u < g.length; u++) {
      if (units.in(u) && !out[u]) {
        g[u] += add;
      }
    }
    return String.format(Locale.ROOT, "; trim [%s, %s]: %d g-weights trimmed", low, high, outside);
  }

  static double gap(double misfit, double total) {
    return Math.abs(misfit) / (1 + Math.abs(total));
  }

  private static double worst(double[] misfit, double[] population) {
    double worst = 0;
    for (int a = 0; a < misfit.length; a++) {
      double gap = gap(misfit[a], population[a]);
      if (!(gap <= worst)) {
        worst = gap;
      }
    }
    return worst;
  }

  /* The Moore-Penrose inverse with R's MASS::ginv tolerance (singular values above 256 eps times the largest). */
  private static RealMatrix ginv(double[][] t) {
    int p = t.length;
    SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(t, false));
    double[] d = svd.getSingularValues();
    RealMatrix uMat = svd.getU();
    RealMatrix vMat = svd.getV();
    double threshold = d.length == 0 ? 0 : Math.max(256 * Math.ulp(1.0) * d[0], 0);
    double[][] out = new double[p][p];
    for (int k = 0; k < d.length; k++) {
      if (!(d[k] > threshold)) {
        continue;
      }
      for (int a = 0; a < p; a++) {
        double va = vMat.getEntry(a, k) / d[k];
        for (int b = 0; b < p; b++) {
          out[a][b] += va * uMat.getEntry(b, k);
        }
      }
    }
    return new Array2DRowRealMatrix(out, false);
  }
}
