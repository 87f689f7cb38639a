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
  /** R's {@code control$epsilon}: stop when the weighted cross-table changes by less; NaN for the gap rule. */
  private final double tableChange;

  private Raking(List<Margin> margins, double tolerance, int maxIterations, MissingPolicy missing,
      boolean allowNonConvergence) {
    this(margins, tolerance, maxIterations, missing, allowNonConvergence, Double.NaN);
  }

  private Raking(List<Margin> margins, double tolerance, int maxIterations, MissingPolicy missing,
      boolean allowNonConvergence, double tableChange) {
    this.tableChange = tableChange;
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
    return new Raking(margins, value, maxIterations, missing, allowNonConvergence, Double.NaN);
  }

  /**
   * With R's stopping rule ({@code rake(..., control = list(maxit, epsilon))}) instead of the tolerance on the gaps:
   * at most {@code maxit} sweeps, stopping after a sweep that changed no cell of the weighted cross-classification
   * of the margins' variables by {@code epsilon} or more ({@code epsilon} below 1 is a fraction of the starting
   * weights' total). R's defaults are {@code maxit = 10, epsilon = 1}: raking may stop before the targets are met
   * exactly, with the weights R gives.
   *
   * @param maxit the most sweeps, at least 1
   * @param epsilon the change in a cell of the cross-table below which raking stops, above 0
   * @return a changed copy
   */
  public Raking withRakeControl(int maxit, double epsilon) {
    checkArgument(maxit >= 1, "maxit must be at least 1: %s", maxit);
    checkArgument(epsilon > 0 && Double.isFinite(epsilon), "epsilon must be above 0: %s", epsilon);
    return new Raking(margins, tolerance, maxit, missing, allowNonConvergence, epsilon);
  }

  /**
   * With an iteration limit.
   *
   * @param value the most sweeps over the margins, at least 1
   * @return a changed copy
   */
  public Raking withMaxIterations(int value) {
    checkArgument(value >= 1, "max iterations must be at least 1: %s", value);
    return new Raking(margins, tolerance, value, missing, allowNonConvergence, tableChange);
  }

  /**
   * With a policy for respondents whose weighting variable is missing.
   *
   * @param policy the policy
   * @return a changed copy
   */
  public Raking withMissing(MissingPolicy policy) {
    return new Raking(margins, tolerance, maxIterations, checkNotNull(policy, "policy"), allowNonConvergence,
        tableChange);
  }

  /**
   * Returning a result flagged not converged instead of throwing when the limit is reached.
   *
   * @return a changed copy
   */
  public Raking allowingNonConvergence() {
    return new Raking(margins, tolerance, maxIterations, missing, true, tableChange);
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
    int m = margins.size();
    int size = units.size();
    double[] factor = new double[size];
    Sweeps fit = rake(resolved, units, units.weight, factor);
    boolean converged = fit.converged();
    int sweeps = fit.count();
    boolean rule = !Double.isNaN(tableChange);
    Resolved.Gap gap = resolved.gap(units, factor);
    converged = converged || (!rule && gap.value() <= tolerance);
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
    if (!converged && !allowNonConvergence && rule) {
      throw new WeightingNotConvergedException(String.format(Locale.ROOT,
          "raking on %s did not converge in %d iterations: the weighted cross-table of the margins still changed "
              + "by %.6g in the last sweep, not below epsilon %.4g%s; the largest gap to a target is %.3g "
              + "(relative) at %s; raise maxit or check the margins", resolved.variables(), sweeps, fit.change(),
          fit.epsilon(), tableChange < 1 ? " (" + tableChange + " of the weights' total)" : "", gap.value(),
          gap.at()), report);
    }
    if (!converged && !allowNonConvergence) {
      throw new WeightingNotConvergedException(String.format(Locale.ROOT,
          "raking on %s did not converge in %d iterations: the largest gap to a target is %.3g (relative) at %s;"
              + " raise the iteration limit or check the margins", resolved.variables(), sweeps, gap.value(),
          gap.at()), report);
    }
    String detail = String.format(Locale.ROOT, "margins %s; %s; %d iterations%s", resolved.variables(),
        rule ? "maxit " + maxIterations + ", epsilon " + tableChange : "tolerance " + tolerance, sweeps,
        converged ? "" : "; NOT converged");
    double[][] ratio = new double[m][];
    for (int k = 0; k < m; k++) {
      ratio[k] = new double[size];
      for (int u = 0; u < size; u++) {
        ratio[k][u] = fit.afterStep()[k][u] / factor[u];
      }
    }
    Calibration calibration;
    if (resolved.rowCell != null) {
      double[][] byCell = ratio;
      if (rowUnit != resolved.rowCell) {
        // the units are the rows: the factors are constant within a cell, so any row of the cell gives its ratio
        int cells = 1;
        for (int count : resolved.categoryCount) {
          cells *= Math.max(1, count);
        }
        byCell = new double[m][cells];
        for (int i = 0; i < rowUnit.length; i++) {
          if (rowUnit[i] >= 0 && resolved.rowCell[i] >= 0) {
            for (int k = 0; k < m; k++) {
              byCell[k][resolved.rowCell[i]] = ratio[k][rowUnit[i]];
            }
          }
        }
      }
      calibration = Calibration.rakedByCell(resolved.rowCell, resolved.categoryCount, weights, byCell);
    } else {
      calibration = Calibration.raked(resolved.category(), resolved.categoryCount, weights, ratio);
    }
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

  /**
   * The outcome of the sweeps: how many, whether they converged, each margin's factors after its step in the last
   * sweep, and (R's rule) the last change of the cross-table and the epsilon it was held to.
   */
  private record Sweeps(int count, boolean converged, double[][] afterStep, double change, double epsilon) {}

  /*
   * Sweeps over the margins from these unit weights until the gaps are within the tolerance, or R's rule holds;
   * factor is the result.
   */
  private Sweeps rake(Resolved resolved, Resolved.Units units, double[] unitWeight, double[] factor) {
    int m = margins.size();
    int size = units.size();
    Arrays.fill(factor, 1.0);
    boolean converged = false;
    int sweeps = 0;
    // each margin's factors after its step in the latest sweep (R's svyrecvar residualises with those weights)
    double[][] afterStep = new double[m][];
    boolean rule = !Double.isNaN(tableChange);
    double epsilon = 0;
    double[] table = null;
    double change = Double.NaN;
    if (rule) {
      double startTotal = 0;
      for (int u = 0; u < size; u++) {
        startTotal += unitWeight[u];
      }
      epsilon = tableChange < 1 ? tableChange * startTotal : tableChange;
      table = crossTable(resolved, units, unitWeight, factor);
    }
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
        afterStep[k] = factor.clone();
      }
      if (rule) {
        double[] next = crossTable(resolved, units, unitWeight, factor);
        change = 0;
        for (int c = 0; c < next.length; c++) {
          change = Math.max(change, Math.abs(next[c] - table[c]));
        }
        table = next;
        if (change < epsilon) {
          converged = true;
          break;
        }
        continue;
      }
      // the gaps measured before this sweep's updates were within tolerance: the weights now are closer still
      if (worst <= tolerance) {
        converged = true;
        break;
      }
    }
    return new Sweeps(sweeps, converged, afterStep, change, epsilon);
  }

  /* The weighted cross-table of the margins' categories (R's svytable of the margin variables), by cell. */
  private static double[] crossTable(Resolved resolved, Resolved.Units units, double[] unitWeight,
      double[] factor) {
    int[] rowUnit = units.rowUnit;
    if (resolved.rowCell != null && rowUnit == resolved.rowCell) {
      double[] t = new double[units.size()];
      for (int u = 0; u < t.length; u++) {
        t[u] = unitWeight[u] * factor[u];
      }
      return t;
    }
    checkArgument(resolved.rowCell != null, "R's stopping rule needs the cross-classification of %s to have at "
        + "most %s cells", resolved.variables(), Resolved.MAX_CELLS);
    int cells = 1;
    for (int count : resolved.categoryCount) {
      cells *= Math.max(1, count);
    }
    double[] t = new double[cells];
    for (int i = 0; i < rowUnit.length; i++) {
      if (rowUnit[i] >= 0) {
        t[resolved.rowCell[i]] += unitWeight[rowUnit[i]] * factor[rowUnit[i]];
      }
    }
    return t;
  }

  @Override
  public String toString() {
    return "Raking[" + margins.size() + " margins, tolerance " + tolerance + ", max " + maxIterations + "]";
  }
}
