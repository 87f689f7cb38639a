package dev.insight.stats.design;

/**
 * How a weighting step is done again on each replicate of a replicate-weight design, as R's {@code postStratify},
 * {@code rake} and {@code calibrate} do on an {@code svyrep.design}: the step's factor is constant within its units
 * (the cells of its weighting variables, or the respondents), so a replicate's weights summed by unit are all the
 * step needs to find each unit's factor for that replicate.
 *
 * @param unitOfRow each row's unit, -1 for a row the step leaves out of the sample
 * @param units the number of units
 * @param fit each unit's factor from a replicate's weights summed by unit
 */
record ReplicateRefit(int[] unitOfRow, int units, Fit fit) {

  /** The step's fit of one replicate. */
  @FunctionalInterface
  interface Fit {
    /**
     * Each unit's factor for one replicate.
     *
     * @param unitWeights the replicate's weights summed by unit; not to be kept
     * @param replicate the replicate, from 0, for messages
     * @return one factor per unit
     * @throws WeightingNotConvergedException when the replicate cannot be fitted (naming it)
     */
    double[] factors(double[] unitWeights, int replicate);
  }
}
