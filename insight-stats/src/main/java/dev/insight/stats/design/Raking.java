package dev.insight.stats.design;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Raking (iterative proportional fitting, Deming and Stephan 1940) of a design's weights to any number of
 * margins: each sweep scales the weights so one margin after another meets its targets, until the largest
 * relative gap to a target is within the tolerance.
 *
 * <p>Implementation note: the raking factor of a respondent depends only on their cell in the cross-classification
 * of the margins, so the starting weights are summed into those cells once, the sweeps run on the cells (a few
 * dozen numbers instead of a million), and the final weights are written once; when the cells approach the number
 * of respondents the sweeps run on the respondents instead. The result equals R {@code survey}'s {@code rake} to
 * the tolerance. The variance of estimates from the raked design accounts for the raking as R's does.
 *
 * <p>Immutable; {@code with...} methods return a changed copy.
 */
public final class Raking implements Weighting {
  private final List<Margin> margins;
  private final double tolerance;
  private final int maxIterations;
  private final MissingPolicy missing;
  private final boolean allowNonConvergence;

  private Raking(List<Margin> margins, double tolerance, int maxIterations, MissingPolicy missing,
      boolean allowNonConvergence) {
    this.margins = List.copyOf(margins);
    this.tolerance = tolerance;
    this.maxIterations = maxIterations;
    this.missing = missing;
    this.allowNonConvergence = allowNonConvergence;
  }

  /**
   * Raking to these margins, with tolerance 1e-9, at most 1000 sweeps, failing on missing values.
   *
   * @param margins the margins, all counts (agreeing on the total) or all proportions
   * @return the procedure
   */
  public static Raking of(List<Margin> margins) {
    checkArgument(!margins.isEmpty(), "raking needs at least one margin");
    return new Raking(margins, 1e-9, 1000, MissingPolicy.FAIL, false);
  }

  /**
   * With a convergence tolerance.
   *
   * @param value the largest relative gap {@code |achieved - target| / target} accepted, above 0
   * @return a changed copy
   */
  public Raking withTolerance(double value) {
    checkArgument(value > 0 && Double.isFinite(value), "tolerance must be above 0: %s", value);
    return new Raking(margins, value, maxIterations, missing, allowNonConvergence);
  }

  /**
   * With an iteration limit.
   *
   * @param value the most sweeps over the margins, at least 1
   * @return a changed copy
   */
  public Raking withMaxIterations(int value) {
    checkArgument(value >= 1, "max iterations must be at least 1: %s", value);
    return new Raking(margins, tolerance, value, missing, allowNonConvergence);
  }

  /**
   * With a policy for respondents whose weighting variable is missing.
   *
   * @param policy the policy
   * @return a changed copy
   */
  public Raking withMissing(MissingPolicy policy) {
    return new Raking(margins, tolerance, maxIterations, checkNotNull(policy, "policy"), allowNonConvergence);
  }

  /**
   * Returning a result flagged not converged instead of throwing when the limit is reached.
   *
   * @return a changed copy
   */
  public Raking allowingNonConvergence() {
    return new Raking(margins, tolerance, maxIterations, missing, true);
  }

  /**
   * Rakes the design's weights (they are the starting weights).
   *
   * @param design the design
   * @return the raked design, remembering the raking, and the report
   * @throws IllegalArgumentException on bad margins, naming the variable and category (a target category with no
   *     respondents, a respondent in a category with no target, totals that disagree, a missing value)
   * @throws WeightingNotConvergedException when the targets are not met within the iteration limit, unless
   *     {@link #allowingNonConvergence()}
   */
  @Override
  public WeightingResult apply(SurveyDesign design) {
    Resolved resolved = Resolved.of(design, margins, missing);
    Resolved.Units units = resolved.units();
    double[] factor = new double[units.size()];
    Sweeps fit = rake(resolved, units, units.weight, factor);
    boolean converged = fit.converged();
    int sweeps = fit.count();
    Resolved.Gap gap = resolved.gap(units, factor);
    converged = converged || gap.value() <= tolerance;
    // the final weights and the report's sums in one pass over the rows (the sums in row order, as WeightingReport.of)
    int[] rowUnit = units.rowUnit;
    double[] weights = new double[resolved.rows];
    int respondents = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < weights.length; i++) {
      int u = rowUnit[i];
      double w = u < 0 ? 0 : design.weight(i) * factor[u];
      weights[i] = w;
      if (w > 0) {
        respondents++;
        min = Math.min(min, w);
        max = Math.max(max, w);
        sum += w;
        sumSq += w * w;
      }
    }
    WeightingReport report = WeightingReport.of("rake", converged, sweeps, gap.value(), gap.at(), respondents,
        resolved.excluded, min, max, sum, sumSq);
    if (!converged && !allowNonConvergence) {
      throw new WeightingNotConvergedException(String.format(Locale.ROOT,
          "raking on %s did not converge in %d iterations: the largest gap to a target is %.3g (relative) at %s;"
              + " raise the iteration limit or check the margins", resolved.variables(), sweeps, gap.value(),
          gap.at()), report);
    }
    String detail = String.format(Locale.ROOT, "margins %s; tolerance %s; %d iterations%s", resolved.variables(),
        tolerance, sweeps, converged ? "" : "; NOT converged");
    Calibration calibration = resolved.rowCell != null
        ? Calibration.rakedByCell(resolved.rowCell, resolved.categoryCount, weights)
        : Calibration.raked(resolved.category(), resolved.categoryCount, weights);
    // each replicate raked to the same margins from its own weights (R's rake of an svyrep.design)
    ReplicateRefit refit = design.replicates().isEmpty() ? null
        : new ReplicateRefit(units.rowUnit, units.size(), (sums, r) -> {
          double[] f = new double[sums.length];
          Sweeps replicate = rake(resolved, units, sums, f);
          if (!replicate.converged() && !allowNonConvergence) {
            throw new WeightingNotConvergedException(String.format(Locale.ROOT, "raking replicate %d on %s did "
                + "not converge in %d iterations; raise the iteration limit or check the margins", r + 1,
                resolved.variables(), replicate.count()), report);
          }
          return f;
        });
    return new WeightingResult(design.reweighted(weights, calibration, new DesignStep("rake", detail), refit),
        report);
  }

  private record Sweeps(int count, boolean converged) {}

  /* Sweeps over the margins from these unit weights until the gaps are within the tolerance; factor is the result. */
  private Sweeps rake(Resolved resolved, Resolved.Units units, double[] unitWeight, double[] factor) {
    int m = margins.size();
    int size = units.size();
    Arrays.fill(factor, 1.0);
    boolean converged = false;
    int sweeps = 0;
    while (sweeps < maxIterations) {
      sweeps++;
      double worst = 0;
      for (int k = 0; k < m; k++) {
        int[] cat = units.category[k];
        double[] target = resolved.targets[k];
        double[] achieved = new double[target.length];
        for (int u = 0; u < size; u++) {
          if (cat[u] >= 0) {
            achieved[cat[u]] += unitWeight[u] * factor[u];
          }
        }
        double[] scale = new double[target.length];
        for (int j = 0; j < target.length; j++) {
          scale[j] = achieved[j] > 0 ? target[j] / achieved[j] : 1;
          if (target[j] > 0) {
            worst = Math.max(worst, Math.abs(achieved[j] - target[j]) / target[j]);
          }
        }
        for (int u = 0; u < size; u++) {
          if (cat[u] >= 0) {
            factor[u] *= scale[cat[u]];
          }
        }
      }
      // the gaps measured before this sweep's updates were within tolerance: the weights now are closer still
      if (worst <= tolerance) {
        converged = true;
        break;
      }
    }
    return new Sweeps(sweeps, converged);
  }

  @Override
  public String toString() {
    return "Raking[" + margins.size() + " margins, tolerance " + tolerance + ", max " + maxIterations + "]";
  }
}
