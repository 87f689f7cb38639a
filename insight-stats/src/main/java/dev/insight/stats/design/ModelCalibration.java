package dev.insight.stats.design;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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
 * totals agree. When every term is categorical (main effects, such as the margins of {@link #toMargins(List)}, and
 * interactions) the g-weights are constant within the cells of the terms' cross-classification, so the iterations
 * run on those cells rather than on the respondents (unless bounds are on the weights, which differ by respondent):
 * the same steps and weights, at the cost of a pass over the cells per step.
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
  /** Whether the terms' totals are shares of the starting weights' total (margins of proportions). */
  private final boolean shares;

  private ModelCalibration(List<CalibrationTerm> terms, CalibrationFunction function, double lower, double upper,
      boolean boundsOnWeights, double trimLow, double trimHigh, double populationSize, double tolerance,
      int maxIterations, MissingPolicy missing, boolean allowNonConvergence, boolean shares) {
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
    this.shares = shares;
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
        Double.POSITIVE_INFINITY, false, Double.NaN, Double.NaN, Double.NaN, 1e-9, 50, MissingPolicy.FAIL, false,
        false);
  }

  /**
   * Unbounded linear calibration to the categorical main effects of these margins (R's
   * {@code calibrate(design, ~a + b, population)}), as {@link #of(List)} with one term per margin. Margins of counts
   * give the totals; margins of proportions give shares of the starting weights' total over the respondents
   * calibrated, which the weights then keep (as {@link Raking} does).
   *
   * @param margins the margins, each variable once, all counts (agreeing on the population size) or all proportions
   * @return the procedure
   * @throws IllegalArgumentException when there are no margins or they mix counts and proportions
   */
  public static ModelCalibration toMargins(List<Margin> margins) {
    checkArgument(!checkNotNull(margins, "margins").isEmpty(), "calibration needs at least one margin");
    TargetKind kind = margins.get(0).kind();
    List<CalibrationTerm> terms = new ArrayList<>();
    for (Margin margin : margins) {
      checkArgument(margin.kind() == kind, "margins mix counts and proportions: %s is %s but %s is %s",
          margins.get(0).variable(), kind, margin.variable(), margin.kind());
      if (kind == TargetKind.COUNTS) {
        terms.add(CalibrationTerm.of(margin));
      } else {
        // shares made to sum to 1 exactly, so that the margins agree on the population size
        Map<String, Double> shares = new LinkedHashMap<>();
        double sum = margin.total();
        margin.targets().forEach((code, share) -> shares.put(code, share / sum));
        terms.add(CalibrationTerm.counts(margin.variable(), shares));
      }
    }
    return new ModelCalibration(terms, CalibrationFunction.LINEAR, Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY, false, Double.NaN, Double.NaN, Double.NaN, 1e-9, 50, MissingPolicy.FAIL, false,
        kind == TargetKind.PROPORTIONS);
  }

  /**
   * With a distance function (R's {@code calfun}).
   *
   * @param value linear, raking or logit
   * @return a changed copy
   */
  public ModelCalibration withFunction(CalibrationFunction value) {
    return new ModelCalibration(terms, checkNotNull(value, "function"), lower, upper, boundsOnWeights, trimLow,
        trimHigh, populationSize, tolerance, maxIterations, missing, allowNonConvergence, shares);
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
        tolerance, maxIterations, missing, allowNonConvergence, shares);
  }

  /**
   * With the bounds read as bounds on the weights rather than on the g-weights (R's {@code bounds.const = TRUE}):
   * each respondent's g-weight is bounded by {@code low / w} and {@code high / w}, {@code w} the starting weight.
   *
   * @return a changed copy
   */
  public ModelCalibration withBoundsOnWeights() {
    return new ModelCalibration(terms, function, lower, upper, true, trimLow, trimHigh, populationSize, tolerance,
        maxIterations, missing, allowNonConvergence, shares);
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
        tolerance, maxIterations, missing, allowNonConvergence, shares);
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
        tolerance, maxIterations, missing, allowNonConvergence, shares);
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
        value, maxIterations, missing, allowNonConvergence, shares);
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
        tolerance, value, missing, allowNonConvergence, shares);
  }

  /**
   * With a policy for respondents with a missing value in a calibration variable.
   *
   * @param policy the policy
   * @return a changed copy
   */
  public ModelCalibration withMissing(MissingPolicy policy) {
    return new ModelCalibration(terms, function, lower, upper, boundsOnWeights, trimLow, trimHigh, populationSize,
        tolerance, maxIterations, checkNotNull(policy, "policy"), allowNonConvergence, shares);
  }

  /**
   * Returning a result flagged not converged instead of throwing (R's {@code force = TRUE}).
   *
   * @return a changed copy
   */
  public ModelCalibration allowingNonConvergence() {
    return new ModelCalibration(terms, function, lower, upper, boundsOnWeights, trimLow, trimHigh, populationSize,
        tolerance, maxIterations, missing, true, shares);
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
    checkArgument(!shares || Double.isNaN(populationSize), "margins of proportions are shares of the starting "
        + "weights' total, so a population size (%s) does not apply: give margins of counts", populationSize);
    ModelMatrix model = ModelMatrix.of(design, terms, populationSize, missing);
    int n = model.rows;
    double[] start = new double[n];
    for (int i = 0; i < n; i++) {
      start[i] = model.in[i] ? design.weight(i) : 0;
    }
    if (shares) {
      model = model.timesSampleTotal(start);
    }
    // bounds on the weights differ by respondent, so each is a unit; otherwise respondents alike share a cell
    CalibrationUnits units = CalibrationUnits.of(model, boundsOnWeights);
    double[] unitStart = units.sum(start);
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
    CalibrationSolver solver = new CalibrationSolver(function, lower, upper, tolerance, maxIterations);
    CalibrationSolver.Solved solved = solver.solve(units, unitStart, lo, hi);
    double[] g = solved.g();
    int iter = solved.iterations();
    boolean converged = solved.converged();
    double achieved = solved.achieved();
    int worstAt = solved.worstAt(model.population);
    String at = model.names[worstAt];
    String bounds = describeBounds();
    if (!solved.pass().finite() || (!converged && !allowNonConvergence)) {
      double[] shown = weights(units, start, g);
      WeightingReport report = WeightingReport.of("calibrate " + function.rName(), false, iter,
          Double.isNaN(achieved) ? Double.POSITIVE_INFINITY : achieved, at, positive(shown), model.excluded);
      if (!solved.pass().finite()) {
        throw new WeightingNotConvergedException(String.format(Locale.ROOT, "%s calibration to %s with %s did not "
            + "meet the totals in %d iterations: its Newton steps gave g-weights that are not finite (R: "
            + "\"Calibration failed\"); widen the bounds (or check the totals)", function.rName(), termNames(),
            bounds, Math.min(iter, maxIterations)), report);
      }
      throw new WeightingNotConvergedException(String.format(Locale.ROOT,
          "%s calibration to %s with %s did not meet the totals in %d iterations: %s%s", function.rName(),
          termNames(), bounds, Math.min(iter, maxIterations), solved.misfit(model),
          atBounds(units, unitStart, g, lo, hi)), report);
    }
    String trimmed = trims() ? CalibrationSolver.trim(units, unitStart, g, trimLow, trimHigh) : "";
    double[] weights = weights(units, start, g);
    int[] unit = units.unitOfRow();
    for (int i = 0; i < n; i++) {
      if (model.in[i] && !(weights[i] > 0)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s calibration to %s gives respondent %s (row %d) a weight of %s (g-weight %s); set bounds on the "
                + "g-weights above 0", function.rName(), termNames(), design.data().id(i), i + 1, weights[i],
            g[unit[i]]));
      }
    }
    WeightingReport report = WeightingReport.of("calibrate " + function.rName(), converged, iter, achieved, at,
        weights, model.excluded);
    DesignStep step = new DesignStep("calibrate", String.format(Locale.ROOT, "%s to %s; %s%s; %d iterations%s",
        function.rName(), termNames(), bounds, trimmed, iter, converged ? "" : "; NOT converged"));
    Calibration calibration = Calibration.regression(model, start, weights, units.crossProducts(unitStart));
    ReplicateRefit refit = design.replicates().isEmpty() ? null : CalibrationRefit.of(this, design, solver, units,
        design.replicates().orElseThrow().count(), report);
    return new WeightingResult(design.reweighted(weights, calibration, step, refit), report);
  }

  CalibrationFunction function() {
    return function;
  }

  boolean allowsNonConvergence() {
    return allowNonConvergence;
  }

  /* Whether the g-weights are trimmed after calibration, to [trimLow, trimHigh]. */
  boolean trims() {
    return !Double.isNaN(trimLow);
  }

  double trimLow() {
    return trimLow;
  }

  double trimHigh() {
    return trimHigh;
  }

  String describeBounds() {
    if (Double.isInfinite(lower) && Double.isInfinite(upper)) {
      return "no bounds";
    }
    return (boundsOnWeights ? "weights in [" : "g-weights in [") + lower + ", " + upper + "]";
  }

  /* Each row's starting weight times its unit's g-weight; 0 outside the calibration. */
  private static double[] weights(CalibrationUnits units, double[] start, double[] g) {
    int[] unit = units.unitOfRow();
    double[] w = new double[start.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = unit[i] >= 0 ? start[i] * g[unit[i]] : 0;
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

  /* For a failure: the share of the starting weight at a bound, when there are bounds. */
  private String atBounds(CalibrationUnits units, double[] start, double[] g, double @Nullable [] lo,
      double @Nullable [] hi) {
    if (Double.isInfinite(lower) && Double.isInfinite(upper)) {
      return "";
    }
    double total = 0;
    double atLow = 0;
    double atHigh = 0;
    for (int u = 0; u < g.length; u++) {
      if (!units.in(u)) {
        continue;
      }
      double l = lo == null ? lower : lo[u];
      double h = hi == null ? upper : hi[u];
      total += start[u];
      if (g[u] <= l * (1 + 1e-9)) {
        atLow += start[u];
      } else if (g[u] >= h * (1 - 1e-9)) {
        atHigh += start[u];
      }
    }
    return String.format(Locale.ROOT, "; %.1f%% of the starting weight is at the lower bound and %.1f%% at the "
        + "upper: widen the bounds (or check the totals)", 100 * atLow / total, 100 * atHigh / total);
  }

  String termNames() {
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
