package dev.insight.stats.design;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;

/**
 * Trimming of the weights, as R {@code survey}'s {@code trimWeights(design, upper, lower, strict)}: weights above
 * the upper bound are cut to it and weights below the lower bound raised to it, and the weight so removed (net of
 * what was added) is shared <em>equally</em> among the respondents that were inside the bounds, so the total is kept.
 * One pass by default, as R's: the shares added can take a weight past a bound again. With {@link #strict()} the
 * pass is repeated until every weight is within the bounds (R's {@code strict = TRUE}).
 *
 * <p>Only respondents in the sample (weight above 0) are trimmed; R would also raise a weight of 0 to a positive
 * lower bound, which here would put a respondent back into the sample. Calibrations already made stay recorded for
 * variance estimation, as in R (whose trimmed design keeps its {@code postStrata}), although trimmed weights meet
 * their targets only approximately.
 *
 * <p>Immutable.
 */
public final class Trimming implements Weighting {
  private static final int STRICT_ROUNDS = 10_000;
  private final double lower;
  private final double upper;
  private final boolean strict;

  private Trimming(double lower, double upper, boolean strict) {
    this.lower = lower;
    this.upper = upper;
    this.strict = strict;
  }

  /**
   * Trimming to these bounds on the weights themselves, one pass (R's default {@code strict = FALSE}).
   *
   * @param lower the smallest weight, 0 or more (0: no lower bound)
   * @param upper the largest weight, above {@code lower}; infinity for no upper bound
   * @return the procedure
   */
  public static Trimming between(double lower, double upper) {
    checkArgument(lower >= 0 && upper > lower && !Double.isNaN(upper) && (lower > 0 || upper < Double.POSITIVE_INFINITY),
        "trimming needs 0 <= lower < upper and at least one of them finite and above 0: %s, %s", lower, upper);
    return new Trimming(lower, upper, false);
  }

  /**
   * Trimming of the weights above a cap, one pass.
   *
   * @param upper the largest weight, above 0
   * @return the procedure
   */
  public static Trimming atMost(double upper) {
    checkArgument(upper > 0 && Double.isFinite(upper), "trimming needs a cap above 0: %s", upper);
    return new Trimming(0, upper, false);
  }

  /**
   * Repeating the pass until every weight is within the bounds (R's {@code strict = TRUE}).
   *
   * @return a changed copy
   */
  public Trimming strict() {
    return new Trimming(lower, upper, true);
  }

  /**
   * Trims the design's weights.
   *
   * @param design the design
   * @return the trimmed design and the report
   * @throws IllegalArgumentException when every weight is outside the bounds (nobody to take the excess), or, for
   *     strict trimming, when the bounds cannot hold the total ({@code n lower > sum w} or {@code n upper < sum w})
   */
  @Override
  public WeightingResult apply(SurveyDesign design) {
    double[] w = design.weights();
    int n = 0;
    double total = 0;
    for (double x : w) {
      if (x > 0) {
        n++;
        total += x;
      }
    }
    if (strict) {
      checkArgument(n * lower <= total * (1 + 1e-12) && n * upper >= total * (1 - 1e-12),
          "strict trimming to [%s, %s] cannot hold %s respondents with total weight %s: the mean weight is %s",
          lower, upper, n, total, total / n);
    }
    int rounds = 0;
    int trimmed = 0;
    boolean within = false;
    boolean[] outside = new boolean[w.length];
    while (rounds < (strict ? STRICT_ROUNDS : 1)) {
      int out = 0;
      int in = 0;
      double trimmings = 0;
      for (int i = 0; i < w.length; i++) {
        outside[i] = w[i] > 0 && (w[i] < lower || w[i] > upper);
        if (outside[i]) {
          double cut = Math.max(lower, Math.min(w[i], upper));
          trimmings += w[i] - cut;
          w[i] = cut;
          out++;
        } else if (w[i] > 0) {
          in++;
        }
      }
      if (out == 0) {
        within = true;
        break;
      }
      rounds++;
      trimmed = Math.max(trimmed, out);
      checkArgument(in > 0, "trimming to [%s, %s] puts every one of the %s weights at a bound, leaving nobody to "
          + "take the trimmed weight", lower, upper, n);
      double share = trimmings / in;
      for (int i = 0; i < w.length; i++) {
        if (w[i] > 0 && !outside[i]) {
          w[i] += share;
        }
      }
    }
    if (!within) {
      within = true;
      for (double x : w) {
        within &= x <= 0 || (x >= lower && x <= upper);
      }
    }
    WeightingReport report = WeightingReport.of("trim", within || !strict, rounds, 0, "", w, 0);
    if (strict && !within) {
      throw new WeightingNotConvergedException(String.format(Locale.ROOT,
          "strict trimming to [%s, %s] did not settle in %d rounds", lower, upper, rounds), report);
    }
    for (double x : w) {
      checkArgument(x >= 0, "trimming to [%s, %s] leaves a weight of %s: raising weights to the lower bound takes "
          + "more than the weights inside the bounds have", lower, upper, x);
    }
    DesignStep step = new DesignStep("trim", String.format(Locale.ROOT, "weights in [%s, %s]%s; %d rounds, at most "
        + "%d weights trimmed in a round", lower, upper, strict ? " (strict)" : "", rounds, trimmed));
    return new WeightingResult(design.reweighted(w, null, step), report);
  }

  @Override
  public String toString() {
    return "Trimming[" + lower + ", " + upper + (strict ? ", strict" : "") + "]";
  }
}
