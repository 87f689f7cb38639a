package dev.insight.stats.design;

/**
 * The distance function of a calibration (R {@code survey}'s {@code calfun}): how the g-weight (final weight over
 * starting weight) of a respondent follows from the linear predictor {@code u = x'eta} of the calibration model.
 * Bounds {@code [L, U]} on the g-weights apply to each; {@link #LOGIT} needs them finite.
 *
 * <p>The formulas are R's {@code cal.linear}, {@code cal.raking} and {@code cal.logit} (Deville and Särndal 1992,
 * methods 1, 2 and 5).
 */
public enum CalibrationFunction {
  /** Linear (GREG): {@code g = 1 + u}, cut at the bounds (Deville and Särndal's truncated linear method). */
  LINEAR,
  /** Raking ratio: {@code g = exp(u)}, cut at the bounds; unbounded, the same weights as raking to the margins. */
  RAKING,
  /** Logit: {@code g} runs smoothly from {@code L} to {@code U}, {@code g(0) = 1}; needs finite bounds. */
  LOGIT;

  /**
   * R's name for this function.
   *
   * @return {@code linear}, {@code raking} or {@code logit}
   */
  public String rName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Parses R's name for a calibration function.
   *
   * @param name {@code linear}, {@code raking} or {@code logit}, in any case
   * @return the function
   * @throws IllegalArgumentException for another name, saying which are known
   */
  public static CalibrationFunction parse(String name) {
    for (CalibrationFunction f : values()) {
      if (f.rName().equalsIgnoreCase(name.strip())) {
        return f;
      }
    }
    throw new IllegalArgumentException("calibration function must be linear, raking or logit, not '" + name + "'");
  }

  /* g - 1 at u, R's Fm1. */
  double gMinusOne(double u, double lower, double upper) {
    return switch (this) {
      case LINEAR -> Math.min(Math.max(u + 1, lower), upper) - 1;
      case RAKING -> Math.min(Math.max(Math.exp(u), lower), upper) - 1;
      case LOGIT -> {
        double a = (upper - lower) / ((upper - 1) * (1 - lower));
        double eau = Math.exp(a * u);
        yield (lower * (upper - 1) + upper * (1 - lower) * eau) / (upper - 1 + (1 - lower) * eau) - 1;
      }
    };
  }

  /*
   * The derivative the Newton steps use, R's dF. For raking R's is exp(u) where u (not exp(u)) is inside
   * (L - 1, U - 1): not the derivative of the cut g, but it keeps a respondent whose first step overshoots the upper
   * bound in the Newton matrix, so the step can bring them back (the true derivative, 0 there, can strand them at
   * the bound). Kept as R has it, so the iterations, and the cases that fail, are R's; the solution does not depend
   * on it.
   */
  double derivative(double u, double lower, double upper) {
    return switch (this) {
      case LINEAR -> u < upper - 1 && u > lower - 1 ? 1 : 0;
      case RAKING -> u < upper - 1 && u > lower - 1 ? Math.exp(u) : 0;
      case LOGIT -> {
        double a = (upper - lower) / ((upper - 1) * (1 - lower));
        double eau = Math.exp(a * u);
        double den = upper - 1 + (1 - lower) * eau;
        yield upper * (1 - lower) * eau * a / den
            - (lower * (upper - 1) + upper * (1 - lower) * eau) * ((1 - lower) * eau * a) / (den * den);
      }
    };
  }
}
