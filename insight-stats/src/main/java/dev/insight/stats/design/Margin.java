package dev.insight.stats.design;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The population targets of one weighting variable: a target for each category.
 *
 * @param variable the categorical variable
 * @param targets target by category code, in display order
 * @param kind counts or proportions
 */
public record Margin(String variable, Map<String, Double> targets, TargetKind kind) {
  /**
   * Validates: a variable, at least one target, every target finite and not negative; proportions sum to 1.
   *
   * @param variable the categorical variable
   * @param targets target by category code, in display order
   * @param kind counts or proportions
   */
  public Margin {
    checkNotNull(variable, "variable");
    checkNotNull(kind, "kind");
    checkArgument(!targets.isEmpty(), "margin %s has no targets", variable);
    double sum = 0;
    for (Map.Entry<String, Double> e : targets.entrySet()) {
      double t = checkNotNull(e.getValue(), "target of %s", e.getKey());
      checkArgument(t >= 0 && Double.isFinite(t), "target for category %s of %s must be finite and not negative: %s",
          e.getKey(), variable, t);
      sum += t;
    }
    checkArgument(sum > 0, "targets of margin %s sum to 0", variable);
    checkArgument(kind != TargetKind.PROPORTIONS || Math.abs(sum - 1) < 1e-6,
        "proportion targets of margin %s sum to %s, not 1", variable, sum);
    targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
  }

  /**
   * A margin of population counts.
   *
   * @param variable the categorical variable
   * @param targets count by category code, in display order
   * @return the margin
   */
  public static Margin counts(String variable, Map<String, Double> targets) {
    return new Margin(variable, targets, TargetKind.COUNTS);
  }

  /**
   * A margin of proportions summing to 1.
   *
   * @param variable the categorical variable
   * @param targets proportion by category code, in display order
   * @return the margin
   */
  public static Margin proportions(String variable, Map<String, Double> targets) {
    return new Margin(variable, targets, TargetKind.PROPORTIONS);
  }

  /**
   * The sum of the targets.
   *
   * @return the total
   */
  public double total() {
    double sum = 0;
    for (double t : targets.values()) {
      sum += t;
    }
    return sum;
  }
}
