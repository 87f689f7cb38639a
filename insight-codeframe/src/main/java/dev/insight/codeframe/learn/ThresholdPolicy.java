package dev.insight.codeframe.learn;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How a multi-label coder chooses each code's probability threshold from cross-validated probabilities on the
 * training data.
 *
 * @param targetPrecision 0 to maximise each code's F1; otherwise the precision each code should reach (the
 *     threshold giving the most recall at that precision; a code that cannot reach it is never assigned)
 */
public record ThresholdPolicy(double targetPrecision) {

  /**
   * Validates the target.
   *
   * @param targetPrecision 0 to maximise each code's F1; otherwise the precision each code should reach (the threshold giving the most recall at that precision; a code that cannot reach it is never assigned)
   */
  public ThresholdPolicy {
    checkArgument(targetPrecision >= 0 && targetPrecision < 1, "targetPrecision must be in [0, 1): %s",
        targetPrecision);
  }

  /**
   * Each code's threshold maximises its cross-validated F1.
   *
   * @return the policy
   */
  public static ThresholdPolicy bestF1() {
    return new ThresholdPolicy(0);
  }

  /**
   * Each code's threshold reaches the target precision in cross-validation with as much recall as possible.
   *
   * @param target the precision, in (0, 1)
   * @return the policy
   * @throws IllegalArgumentException if the target is not in (0, 1)
   */
  public static ThresholdPolicy precision(double target) {
    checkArgument(target > 0, "target precision must be positive: %s", target);
    return new ThresholdPolicy(target);
  }

  /**
   * Whether the policy maximises F1.
   *
   * @return true for {@link #bestF1()}
   */
  public boolean isBestF1() {
    return targetPrecision == 0;
  }
}
