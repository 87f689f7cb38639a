package dev.insight.stats.design;

/**
 * A weighting procedure: it turns a design into a new design whose weights meet targets or bounds, and which
 * remembers what was done so its variance estimates account for it (R {@code survey}'s {@code rake},
 * {@code postStratify}, {@code calibrate} and {@code trimWeights}).
 *
 * <p>The procedures are immutable values; {@code with...} methods return changed copies. Apply one with
 * {@link #apply(SurveyDesign)}; apply several in turn by chaining on {@link WeightingResult#design()}.
 */
public sealed interface Weighting permits Raking, PostStratification, ModelCalibration, Trimming {

  /**
   * Weights a design.
   *
   * @param design the design to weight; not changed
   * @return the weighted design and a report of what was done
   * @throws IllegalArgumentException when a weighting variable or target does not fit the data, naming it
   * @throws WeightingNotConvergedException when an iterative procedure does not converge and non-convergence was
   *     not allowed
   */
  WeightingResult apply(SurveyDesign design);
}
