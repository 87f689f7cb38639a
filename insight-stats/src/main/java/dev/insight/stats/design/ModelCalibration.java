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
 * Calibration of a design's weights to the population totals of a model's terms, as R {@code survey}'s
 * {@code calibrate(design, formula, population, calfun, bounds, bounds.const, trim, maxit, epsilon)}: categorical
 * main effects, interactions of categorical variables, numeric variables and numeric variables within the cells of
 * categorical ones ({@link CalibrationTerm}), with the linear (GREG), raking or logit distance
 * ({@link CalibrationFunction}), optionally bounded, on the g-weights or on the weights themselves.
 *
 * <p>Implementation note: Deville and Särndal (1992). The g-weight of a respondent is {@code g = 1 + F(x'eta)};
 * Newton steps {@code eta += (sum w F'(x'eta) x x')^+ (T - sum w g x)} (Moore-Penrose inverse at R's tolerance) with
 * step halving while a weight is not finite, from {@code eta = 0}, stopping when every
 * {@code |T - sum w g x| / (1 + |T|)} is below the tolerance: R's {@code grake}. Unbounded linear calibration is
 * the one step of R's {@code regcalibrate}. The variance of estimates from the calibrated design uses the residuals
 * of the weighted regression on the model (R's {@code svyrecvar}). Unlike R, starting weights are never rescaled
 * before bounds apply (R rescales when every total is over 20 times the sample's), a weight of 0 or below is
 * refused rather than kept, and the terms may overlap (an interaction beside its main effects) as long as their
 * totals agree.
 *
 * <p>Immutable; {@code with...} methods return a changed copy.
 */
public final class ModelCalibration implements Weighting {
  private final List<CalibrationTerm> terms;
  private final CalibrationFunction function;
  private final double lower;
  private final double upper;
  private final boolean boundsOnWeights;
  private final double trimLow;
  private final double trimHigh;
  private final double populationSize;
  private final double tolerance;
  private final int maxIterations;
  private final MissingPolicy missing;
  private final boolean allowNonConvergence;

  private ModelCalibration(List<CalibrationTerm> terms, CalibrationFunction function, double lower, double upper,
      boolean boundsOnWeights, double trimLow, double trimHigh, double populationSize, double tolerance,
      int maxIterations, MissingPolicy missing, boolean allowNonConvergence) {
    this.terms = List.copyOf(terms);
    this.function = function;
    this.lower = lower;
    this.upper = upper;
    this.boundsOnWeights = boundsOnWeights;
    this.trimLow = trimLow;
    this.trimHigh = trimHigh;
    this.populationSize = populationSize;
    this.tolerance = tolerance;
    this.maxIterations = maxIterations;
    this.missing = missing;
    this.allowNonConvergence = allowNonConvergence;
  }

  /**
   * Unbounded linear calibration to these terms' totals; tolerance 1e-9, at most 50 iterations (R's
   * {@code maxit}), failing on missing values.
   *
   * @param terms the terms, each once; the population size comes from the terms of counts (which must agree) or
   *     from {@link #withPopulationSize(double)}
   * @return the procedure
   */
  public static ModelCalibration of(List<CalibrationTerm> terms) {
    checkArgument(!checkNotNull(terms, "terms").isEmpty(), "calibration needs at least one term");
    return new ModelCalibration(terms, CalibrationFunction.LINEAR, Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY, false, Double.NaN, Double.NaN, Double.NaN, 1e-9, 50, MissingPolicy.FAIL, false);
  }

  /**
   * With a distance function (R's {@code calfun}).
   *
   * @param value linear, raking or logit
   * @return a changed copy
   */
  public ModelCalibration withFunction(CalibrationFunction value) {
    return new ModelCalibration(terms, checkNotNull(value, "function"), lower, upper, boundsOnWeights, trimLow,
        trimHigh, populationSize, tolerance, maxIterations, missing, allowNonConvergence);
  }

  /**
   * With bounds (R's {@code bounds = c(low, high)}): on the g-weights (final over starting weight), or on the
   * weights themselves after {@link #withBoundsOnWeights()}. Infinite values leave a side open.
   *
   * @param low the lower bound, below 1 for g-weights (may be negative infinity)
   * @param high the upper bound, above 1 for g-weights (may be infinity)
   * @return a changed copy
   */
  public ModelCalibration withBounds(double low, double high) {
    checkArgument(!Double.isNaN(low) && !Double.isNaN(high) && low < high, "bounds must satisfy low < high: %s, %s",
        low, high);
    return new ModelCalibration(terms, function, low, high, boundsOnWeights, trimLow, trimHigh, populationSize,
        tolerance, maxIterations, missing, allowNonConvergence);
  }

  /**
   * With the bounds read as bounds on the weights rather than on the g-weights (R's {@code bounds.const = TRUE}):
   * each respondent's g-weight is bounded by {@code low / w} and {@code high / w}, {@code w} the starting weight.
   *
   * @return a changed copy
   */
  public ModelCalibration withBoundsOnWeights() {
    return new ModelCalibration(terms, function, lower, upper, true, trimLow, trimHigh, populationSize, tolerance,
        maxIterations, missing, allowNonConvergence);
  }

  /**
   * With the g-weights trimmed after calibration (R's {@code trim = c(low, high)}): g-weights outside the range are
   * set to its ends and the weight removed (or added) is spread over the other respondents in proportion to their
   * starting weights, once; the totals then hold only approximately, as in R.
   *
   * @param low the smallest g-weight kept, 0 or more
   * @param high the largest, above {@code low}
   * @return a changed copy
   */
  public ModelCalibration withTrim(double low, double high) {
    checkArgument(low >= 0 && high > low && !Double.isNaN(high), "trim must satisfy 0 <= low < high: %s, %s", low,
        high);
    return new ModelCalibration(terms, function, lower, upper, boundsOnWeights, low, high, populationSize,
        tolerance, maxIterations, missing, allowNonConvergence);
  }

  /**
   * With the population size (R's {@code (Intercept)} total), needed when no term is of counts.
   *
   * @param value the number of people in the population, above 0
   * @return a changed copy
   */
  public ModelCalibration withPopulationSize(double value) {
    checkArgument(value > 0 && Double.isFinite(value), "population size must be above 0: %s", value);
    return new ModelCalibration(terms, function, lower, upper, boundsOnWeights, trimLow, trimHigh, value,
        tolerance, maxIterations, missing, allowNonConvergence);
  }

  /**
   * With a convergence tolerance (R's {@code epsilon}).
   *
   * @param value the largest {@code |total - achieved| / (1 + |total|)} accepted, above 0
   * @return a changed copy
   */
  public ModelCalibration withTolerance(double value) {
    checkArgument(value > 0 && Double.isFinite(value), "tolerance must be above 0: %s", value);
    return new ModelCalibration(terms, function, lower, upper, boundsOnWeights, trimLow, trimHigh, populationSize,
        value, maxIterations, missing, allowNonConvergence);
  }

  /**
   * With an iteration limit (R's {@code maxit}).
   *
   * @param value the most Newton steps (step halvings included, as R counts), at least 1
   * @return a changed copy
   */
  public ModelCalibration withMaxIterations(int value) {
    checkArgument(value >= 1, "max iterations must be at least 1: %s", value);
    return new ModelCalibration(terms, function, lower, upper, boundsOnWeights, trimLow, trimHigh, populationSize,
        tolerance, value, missing, allowNonConvergence);
  }

  /**
   * With a policy for respondents with a missing value in a calibration variable.
   *
   * @param policy the policy
   * @return a changed copy
   */
  public ModelCalibration withMissing(MissingPolicy policy) {
    return new ModelCalibration(terms, function, lower, upper, boundsOnWeights, trimLow, trimHigh, populationSize,
        tolerance, maxIterations, checkNotNull(policy, "policy"), allowNonConvergence);
  }

  /**
   * Returning a result flagged not converged instead of throwing (R's {@code force = TRUE}).
   *
   * @return a changed copy
   */
  public ModelCalibration allowingNonConvergence() {
    return new ModelCalibration(terms, function, lower, upper, boundsOnWeights, trimLow, trimHigh, populationSize,
        tolerance, maxIterations, missing, true);
  }

  /**
   * Calibrates the design's weights (they are the starting weights). On a replicate-weight design every replicate's
   * weights are calibrated too, to the same totals with the same distance, bounds and trim (R's {@code calibrate}
   * of an {@code svyrep.design}); the design then keeps one factor per replicate and respondent.
   *
   * @param design the design
   * @return the calibrated design, remembering the step (its variances use the calibration's residuals), and the
   *     report
   * @throws IllegalArgumentException on terms that do not fit the data, naming the term and cell (a variable
   *     missing from the data or a respondent, a cell with respondents but no total, a total with no respondents,
   *     totals that disagree), logit without finite bounds, a calibrated weight of 0 or below (in the full sample
   *     or a replicate, naming it), or bounds on the weights of a replicate-weight design
   * @throws WeightingNotConvergedException when the totals are not met within the iteration limit (bounds that
   *     cannot be met), naming the totals still missed and, for a replicate, the replicate, unless
   *     {@link #allowingNonConvergence()}
   */
  @Override
  public WeightingResult apply(SurveyDesign design) {
    checkArgument(function != CalibrationFunction.LOGIT || (Double.isFinite(lower) && Double.isFinite(upper)),
        "logit calibration needs finite bounds: [%s, %s]", lower, upper);
    checkArgument(boundsOnWeights || (lower < 1 && upper > 1), "bounds on the g-weights must satisfy "
        + "low < 1 < high: %s, %s", lower, upper);
    checkArgument(!boundsOnWeights || design.replicates().isEmpty(), "bounds on the weights (R's bounds.const = "
        + "TRUE) are not supported for a replicate-weight design (R ignores them there): bound the g-weights "
        + "instead, [%s, %s]", lower, upper);
    ModelMatrix model = ModelMatrix.of(design, terms, populationSize, missing);
    int n = model.rows;
    int p = model.columns;
    double[] start = new double[n];
    for (int i = 0; i < n; i++) {
      start[i] = model.in[i] ? design.weight(i) : 0;
    }
    double[] lo = null;
    double[] hi = null;
    if (boundsOnWeights) {
      lo = new double[n];
      hi = new double[n];
      for (int i = 0; i < n; i++) {
        if (model.in[i]) {
          lo[i] = lower / start[i];
          hi[i] = upper / start[i];
          if (function == CalibrationFunction.LOGIT && !(lo[i] < 1 && hi[i] > 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "logit calibration with weights bounded "
                + "to [%s, %s] needs every starting weight inside them, but respondent %s (row %d) starts at %s",
                lower, upper, design.data().id(i), i + 1, start[i]));
          }
        }
      }
    }
    Solved solved = solve(model, start, lo, hi);
    double[] g = solved.g;
    Pass pass = solved.pass;
    int iter = solved.iterations;
    boolean converged = solved.converged;
    double achieved = solved.achieved;
    double[] misfit = pass.misfit;
    int worstAt = 0;
    for (int a = 1; a < p; a++) {
      if (gap(misfit[a], model.population[a]) > gap(misfit[worstAt], model.population[worstAt])) {
        worstAt = a;
      }
    }
    String at = model.names[worstAt];
    String bounds = describeBounds();
    if (!pass.finite || (!converged && !allowNonConvergence)) {
      double[] shown = weights(model, start, g);
      WeightingReport report = WeightingReport.of("calibrate " + function.rName(), false, iter,
          Double.isNaN(achieved) ? Double.POSITIVE_INFINITY : achieved, at, positive(shown), model.excluded);
      if (!pass.finite) {
        throw new WeightingNotConvergedException(String.format(Locale.ROOT, "%s calibration to %s with %s did not "
            + "meet the totals in %d iterations: its Newton steps gave g-weights that are not finite (R: "
            + "\"Calibration failed\"); widen the bounds (or check the totals)", function.rName(), termNames(),
            bounds, Math.min(iter, maxIterations)), report);
      }
      throw new WeightingNotConvergedException(String.format(Locale.ROOT,
          "%s calibration to %s with %s did not meet the totals in %d iterations: the largest misfit "
              + "|total - achieved| / (1 + |total|) is %.3g, at %s (total %s, achieved %s)%s", function.rName(),
          termNames(), bounds, Math.min(iter, maxIterations), achieved, at, Resolved.fmt(model.population[worstAt]),
          Resolved.fmt(model.population[worstAt] - misfit[worstAt]), atBounds(model, start, g, lo, hi)), report);
    }
    String trimmed = "";
    if (!Double.isNaN(trimLow)) {
      trimmed = trim(model, start, g);
    }
    double[] weights = weights(model, start, g);
    for (int i = 0; i < n; i++) {
      if (model.in[i] && !(weights[i] > 0)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s calibration to %s gives respondent %s (row %d) a weight of %s (g-weight %s); set bounds on the "
                + "g-weights above 0", function.rName(), termNames(), design.data().id(i), i + 1, weights[i], g[i]));
      }
    }
    WeightingReport report = WeightingReport.of("calibrate " + function.rName(), converged, iter, achieved, at,
        weights, model.excluded);
    DesignStep step = new DesignStep("calibrate", String.format(Locale.ROOT, "%s to %s; %s%s; %d iterations%s",
        function.rName(), termNames(), bounds, trimmed, iter, converged ? "" : "; NOT converged"));
    Calibration calibration = Calibration.regression(model, start, weights);
    ReplicateRefit refit = design.replicates().isEmpty() ? null : replicateRefit(design, model, report);
    return new WeightingResult(design.reweighted(weights, calibration, step, refit), report);
  }

  /*
   * Each replicate calibrated from its own weights to the same totals, with the same distance, bounds and trim (R's
   * calibrate of an svyrep.design). The g-weights depend on each respondent's x, so the unit of the refit is the
   * respondent: the replicates keep one factor per replicate and respondent (R x n doubles, once).
   */
  private ReplicateRefit replicateRefit(SurveyDesign design, ModelMatrix model, WeightingReport report) {
    int n = model.rows;
    int[] unitOfRow = new int[n];
    for (int i = 0; i < n; i++) {
      unitOfRow[i] = model.in[i] ? i : -1;
    }
    int count = design.replicates().orElseThrow().count();
    return new ReplicateRefit(unitOfRow, n, (replicateWeights, r) -> {
      Solved solved = solve(model, replicateWeights, null, null);
      if (!solved.pass.finite || (!solved.converged && !allowNonConvergence)) {
        double[] misfit = solved.pass.misfit;
        int worstAt = 0;
        for (int a = 1; a < model.columns; a++) {
          if (!(gap(misfit[a], model.population[a]) <= gap(misfit[worstAt], model.population[worstAt]))) {
            worstAt = a;
          }
        }
        throw new WeightingNotConvergedException(String.format(Locale.ROOT, "%s calibration of replicate %d of %d "
            + "to %s with %s did not meet the totals in %d iterations: %s; the replicate's weights cannot be "
            + "calibrated to these totals (a cell or variable with no weight in that replicate, or bounds too "
            + "narrow for it)", function.rName(), r + 1, count, termNames(), describeBounds(),
            Math.min(solved.iterations, maxIterations), solved.pass.finite
                ? String.format(Locale.ROOT, "the largest misfit |total - achieved| / (1 + |total|) is %.3g, at %s "
                    + "(total %s, achieved %s)", solved.achieved, model.names[worstAt],
                    Resolved.fmt(model.population[worstAt]),
                    Resolved.fmt(model.population[worstAt] - misfit[worstAt]))
                : "its Newton steps gave g-weights that are not finite"), report);
      }
      double[] g = solved.g;
      if (!Double.isNaN(trimLow)) {
        trim(model, replicateWeights, g);
      }
      for (int i = 0; i < n; i++) {
        if (!model.in[i] || replicateWeights[i] == 0) {
          g[i] = 0;
        } else if (!(g[i] > 0)) {
          throw new IllegalArgumentException(String.format(Locale.ROOT, "%s calibration of replicate %d of %d to %s "
              + "gives respondent %s (row %d) a g-weight of %s; set bounds on the g-weights above 0",
              function.rName(), r + 1, count, termNames(), design.data().id(i), i + 1, g[i]));
        }
      }
      return g;
    });
  }

  /** The Newton iterations from eta = 0: the g-weights, the last pass and how they ended. */
  private record Solved(double[] g, Pass pass, int iterations, boolean converged, double achieved) {}

  private Solved solve(ModelMatrix model, double[] start, double[] lo, double[] hi) {
    int p = model.columns;
    double[] eta = new double[p];
    double[] g = new double[model.rows];
    Pass pass = evaluate(model, start, lo, hi, eta, g);
    int iter = 1;
    boolean converged;
    double achieved;
    while (true) {
      double[] step = ginv(pass.tmat).operate(pass.misfit);
      for (int a = 0; a < p; a++) {
        eta[a] += step[a];
      }
      pass = evaluate(model, start, lo, hi, eta, g);
      while (iter < maxIterations && !pass.finite) {
        iter++;
        for (int a = 0; a < p; a++) {
          step[a] /= 2;
          eta[a] -= step[a];
        }
        pass = evaluate(model, start, lo, hi, eta, g);
      }
      achieved = worst(pass.misfit, model.population);
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

  /* R's trim: g outside [low, high] set to the end, the weight taken off spread over the others by starting weight. */
  private String trim(ModelMatrix model, double[] start, double[] g) {
    double trimmings = 0;
    double inside = 0;
    int outside = 0;
    boolean[] out = new boolean[g.length];
    for (int i = 0; i < g.length; i++) {
      if (!model.in[i]) {
        continue;
      }
      if (g[i] < trimLow || g[i] > trimHigh) {
        double cut = Math.max(trimLow, Math.min(g[i], trimHigh));
        trimmings += (g[i] - cut) * start[i];
        g[i] = cut;
        out[i] = true;
        outside++;
      } else {
        inside += start[i];
      }
    }
    if (outside == 0) {
      return "; trim [" + trimLow + ", " + trimHigh + "]: none";
    }
    checkArgument(inside > 0, "trimming the g-weights to [%s, %s] leaves no respondent inside to take the "
        + "trimmed weight", trimLow, trimHigh);
    double add = trimmings / inside;
    for (int i = 0; i < g.length; i++) {
      if (model.in[i] && !out[i]) {
        g[i] += add;
      }
    }
    return String.format(Locale.ROOT, "; trim [%s, %s]: %d g-weights trimmed", trimLow, trimHigh, outside);
  }

  private String describeBounds() {
    if (Double.isInfinite(lower) && Double.isInfinite(upper)) {
      return "no bounds";
    }
    return (boundsOnWeights ? "weights in [" : "g-weights in [") + lower + ", " + upper + "]";
  }

  /** One pass over the respondents at {@code eta}: the g-weights, and R's misfit and Newton matrix. */
  private record Pass(double[] misfit, double[][] tmat, boolean finite) {}

  private Pass evaluate(ModelMatrix model, double[] start, double[] lo, double[] hi, double[] eta, double[] g) {
    int p = model.columns;
    double[] misfit = model.population.clone();
    double[][] tmat = new double[p][p];
    int[] cols = new int[model.width()];
    double[] vals = new double[model.width()];
    boolean finite = true;
    for (int i = 0; i < g.length; i++) {
      if (!model.in[i]) {
        continue;
      }
      int used = model.row(i, cols, vals);
      double x = 0;
      for (int a = 0; a < used; a++) {
        x += vals[a] * eta[cols[a]];
      }
      double l = lo == null ? lower : lo[i];
      double h = hi == null ? upper : hi[i];
      double gi = 1 + function.gMinusOne(x, l, h);
      double d = function.derivative(x, l, h);
      g[i] = gi;
      finite &= Double.isFinite(gi) && Double.isFinite(d);
      double wg = start[i] * gi;
      double wd = start[i] * d;
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

  private static double gap(double misfit, double total) {
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

  private static double[] weights(ModelMatrix model, double[] start, double[] g) {
    double[] w = new double[start.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = model.in[i] ? start[i] * g[i] : 0;
    }
    return w;
  }

  private static double[] positive(double[] weights) {
    double[] copy = weights.clone();
    for (int i = 0; i < copy.length; i++) {
      copy[i] = Double.isFinite(copy[i]) ? Math.max(0, copy[i]) : 0;
    }
    return copy;
  }

  /* For a failure: the share of the weight at a bound, when there are bounds. */
  private String atBounds(ModelMatrix model, double[] start, double[] g, double[] lo, double[] hi) {
    if (Double.isInfinite(lower) && Double.isInfinite(upper)) {
      return "";
    }
    double total = 0;
    double atLow = 0;
    double atHigh = 0;
    for (int i = 0; i < g.length; i++) {
      if (!model.in[i]) {
        continue;
      }
      double l = lo == null ? lower : lo[i];
      double h = hi == null ? upper : hi[i];
      total += start[i];
      if (g[i] <= l * (1 + 1e-9)) {
        atLow += start[i];
      } else if (g[i] >= h * (1 - 1e-9)) {
        atHigh += start[i];
      }
    }
    return String.format(Locale.ROOT, "; %.1f%% of the starting weight is at the lower bound and %.1f%% at the "
        + "upper: widen the bounds (or check the totals)", 100 * atLow / total, 100 * atHigh / total);
  }

  private String termNames() {
    List<String> names = new ArrayList<>();
    for (CalibrationTerm term : terms) {
      names.add(term.name());
    }
    return "~" + String.join(" + ", names);
  }

  @Override
  public String toString() {
    return "ModelCalibration[" + termNames() + ", " + function.rName() + ", " + describeBounds() + "]";
  }
}
