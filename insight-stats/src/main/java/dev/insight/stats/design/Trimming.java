package dev.insight.stats.design;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;

/**
 * Trimming: weights above a cap are cut to it and weights below a floor raised to it, the difference spread over
 * the untrimmed respondents in proportion to their weights (so the total is kept), repeated until every weight is
 * within the bounds. Calibrations already made stay recorded for variance estimation, although trimmed weights
 * meet their targets only approximately.
 *
 * <p>Immutable.
 */
public final class Trimming implements Weighting {
  private final double floor;
  private final double cap;
  private final int maxIterations;

  private Trimming(double floor, double cap, int maxIterations) {
    this.floor = floor;
    this.cap = cap;
    this.maxIterations = maxIterations;
  }

  /**
   * Trimming to these bounds on the weights themselves.
   *
   * @param floor the smallest weight allowed, above 0
   * @param cap the largest weight allowed, above the floor
   * @return the procedure, with at most 100 rounds
   */
  public static Trimming between(double floor, double cap) {
    checkArgument(floor > 0 && cap > floor && Double.isFinite(cap), "trimming needs 0 < floor < cap: %s, %s", floor,
        cap);
    return new Trimming(floor, cap, 100);
  }

  /**
   * Trims the design's weights.
   *
   * @param design the design
   * @return the trimmed design and the report
   * @throws IllegalArgumentException when the bounds cannot hold the total ({@code n floor > sum w} or
   *     {@code n cap < sum w})
   * @throws WeightingNotConvergedException when the weights are not within bounds after the round limit
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
    checkArgument(n * floor <= total * (1 + 1e-12) && n * cap >= total * (1 - 1e-12),
        "trimming bounds [%s, %s] cannot hold %s respondents with total weight %s: the mean weight is %s", floor,
        cap, n, total, total / n);
    boolean[] fixed = new boolean[w.length];
    int rounds = 0;
    boolean within = false;
    while (rounds < maxIterations) {
      rounds++;
      double excess = 0;
      double freeTotal = 0;
      for (int i = 0; i < w.length; i++) {
        if (w[i] <= 0) {
          continue;
        }
        if (w[i] > cap) {
          excess += w[i] - cap;
          w[i] = cap;
          fixed[i] = true;
        } else if (w[i] < floor) {
          excess -= floor - w[i];
          w[i] = floor;
          fixed[i] = true;
        }
        if (!fixed[i]) {
          freeTotal += w[i];
        }
      }
      if (Math.abs(excess) <= 1e-12 * total) {
        within = true;
        break;
      }
      if (freeTotal == 0) {
        break;
      }
      double scale = 1 + excess / freeTotal;
      for (int i = 0; i < w.length; i++) {
        if (w[i] > 0 && !fixed[i]) {
          w[i] *= scale;
        }
      }
    }
    WeightingReport report = WeightingReport.of("trim", within, rounds, 0, "", w, 0);
    if (!within) {
      throw new WeightingNotConvergedException(String.format(Locale.ROOT,
          "trimming to [%s, %s] did not settle in %d rounds", floor, cap, rounds), report);
    }
    DesignStep step = new DesignStep("trim", String.format(Locale.ROOT, "weights in [%s, %s]; %d rounds", floor, cap,
        rounds));
    return new WeightingResult(design.reweighted(w, null, step), report);
  }

  @Override
  public String toString() {
    return "Trimming[" + floor + ", " + cap + "]";
  }
}
