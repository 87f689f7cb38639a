package dev.insight.codeframe.learn;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How a multi-label coder chooses each code's probability threshold from cross-validated probabilities on the
 * training data.
 *
 * <p>On calibrated probabilities the threshold that maximises expected F1 is half the best F1 reachable
 * (Lipton, Elkan and Naryanaswamy 2014, "Optimal thresholding of classifiers to maximize F1 measure"); using
 * half the out-of-fold F1 is steadier than the threshold at which the out-of-fold F1 peaked, which for a rare
 * code sits on a handful of comments and over-fits.
 *
 * @param kind how thresholds are chosen
 * @param targetPrecision for {@link Kind#PRECISION}: the precision each code should reach (the threshold giving
 *     the most recall at that precision; a code that cannot reach it is never given); otherwise 0
 */
public record ThresholdPolicy(Kind kind, double targetPrecision) {

  /** How thresholds are chosen. */
  public enum Kind {
    /** Each code: half its best out-of-fold F1 (Lipton et al. 2014). Favours macro F1. */
    HALF_BEST_F1,
    /** One threshold for all codes: half the best out-of-fold micro F1. Favours micro F1. */
    GLOBAL_HALF_BEST_F1,
    /** Each code: the threshold at which its out-of-fold F1 peaked. */
    PEAK_F1,
    /** Each code: the most recall at a target precision. */
    PRECISION
  }

  /**
   * Validates the target.
   *
   * @param kind how thresholds are chosen
   * @param targetPrecision for {@link Kind#PRECISION}: the precision each code should reach (the threshold giving the most recall at that precision; a code that cannot reach it is never given); otherwise 0
   */
  public ThresholdPolicy {
    checkArgument(kind != null, "kind cannot be null");
    checkArgument(kind == Kind.PRECISION ? targetPrecision > 0 && targetPrecision < 1 : targetPrecision == 0,
        "targetPrecision must be in (0, 1) for PRECISION and 0 otherwise: %s", targetPrecision);
  }

  /**
   * Thresholds chosen the given way.
   *
   * @param kind the way, not {@link Kind#PRECISION}
   * @return the policy
   * @throws IllegalArgumentException for {@link Kind#PRECISION}, which needs a target
   */
  public static ThresholdPolicy of(Kind kind) {
    return new ThresholdPolicy(kind, 0);
  }

  /**
   * Each code's threshold is half its best cross-validated F1 ({@link Kind#HALF_BEST_F1}).
   *
   * @return the policy
   */
  public static ThresholdPolicy bestF1() {
    return new ThresholdPolicy(Kind.HALF_BEST_F1, 0);
  }

  /**
   * Each code's threshold reaches the target precision in cross-validation with as much recall as possible.
   *
   * @param target the precision, in (0, 1)
   * @return the policy
   * @throws IllegalArgumentException if the target is not in (0, 1)
   */
  public static ThresholdPolicy precision(double target) {
    return new ThresholdPolicy(Kind.PRECISION, target);
  }
}
