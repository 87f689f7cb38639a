package dev.insight.stats.estimate;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A confidence interval.
 *
 * @param low the lower limit
 * @param high the upper limit, not below {@code low}
 * @param method how it was computed
 * @param level the confidence level, for example 0.95
 */
public record ConfidenceInterval(double low, double high, IntervalMethod method, double level) {
  /**
   * Validates the level and that the limits are ordered (NaN allowed when no interval can be computed).
   *
   * @param low the lower limit
   * @param high the upper limit, not below {@code low}
   * @param method how it was computed
   * @param level the confidence level, for example 0.95
   */
  public ConfidenceInterval {
    checkNotNull(method, "method");
    checkArgument(level > 0 && level < 1, "confidence level must be in (0, 1): %s", level);
    checkArgument(Double.isNaN(low) || Double.isNaN(high) || low <= high, "interval limits out of order: %s > %s",
        low, high);
  }
}
