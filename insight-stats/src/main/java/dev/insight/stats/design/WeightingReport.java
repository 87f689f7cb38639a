package dev.insight.stats.design;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Locale;

/**
 * What a weighting step did and how good the weights are.
 *
 * @param method the procedure, for example {@code "rake"}
 * @param converged whether the targets were met within the tolerance (always true for one-pass procedures)
 * @param iterations full passes made (sweeps over the margins, Newton steps, trimming rounds)
 * @param largestGap the largest remaining gap to a target, relative to that target ({@code |achieved - target| /
 *     target}); 0 when met exactly
 * @param largestGapAt where that gap is, as {@code variable=category}; empty when there are no targets
 * @param respondents respondents weighted (in the sample)
 * @param excluded respondents left out by the missing-value policy
 * @param minWeight the smallest weight in the sample
 * @param maxWeight the largest weight
 * @param weightSum the sum of the weights
 * @param efficiency {@code 100 (sum w)^2 / (n sum w^2)}, in percent
 * @param effectiveBase Kish's effective base {@code (sum w)^2 / sum w^2}
 */
public record WeightingReport(String method, boolean converged, int iterations, double largestGap,
    String largestGapAt, int respondents, int excluded, double minWeight, double maxWeight, double weightSum,
    double efficiency, double effectiveBase) {
  /**
   * Validates counts and names.
   *
   * @param method the procedure, for example {@code "rake"}
   * @param converged whether the targets were met within the tolerance (always true for one-pass procedures)
   * @param iterations full passes made (sweeps over the margins, Newton steps, trimming rounds)
   * @param largestGap the largest remaining gap to a target, relative to that target ({@code |achieved - target| / target}); 0 when met exactly
   * @param largestGapAt where that gap is, as {@code variable=category}; empty when there are no targets
   * @param respondents respondents weighted (in the sample)
   * @param excluded respondents left out by the missing-value policy
   * @param minWeight the smallest weight in the sample
   * @param maxWeight the largest weight
   * @param weightSum the sum of the weights
   * @param efficiency {@code 100 (sum w)^2 / (n sum w^2)}, in percent
   * @param effectiveBase Kish's effective base {@code (sum w)^2 / sum w^2}
   */
  public WeightingReport {
    checkNotNull(method, "method");
    checkNotNull(largestGapAt, "largestGapAt");
    checkArgument(iterations >= 0 && respondents >= 0 && excluded >= 0, "negative count in report of %s", method);
  }

  static WeightingReport of(String method, boolean converged, int iterations, double gap, String gapAt,
      double[] weights, int excluded) {
    int n = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    double sum = 0;
    double sumSq = 0;
    for (double w : weights) {
      if (w > 0) {
        n++;
        min = Math.min(min, w);
        max = Math.max(max, w);
        sum += w;
        sumSq += w * w;
      }
    }
    return of(method, converged, iterations, gap, gapAt, n, excluded, min, max, sum, sumSq);
  }

  /* From sums over the weights above 0 gathered by the caller (min is +infinity when there are none). */
  static WeightingReport of(String method, boolean converged, int iterations, double gap, String gapAt, int n,
      int excluded, double min, double max, double sum, double sumSq) {
    double kish = n == 0 ? 0 : sum * sum / sumSq;
    return new WeightingReport(method, converged, iterations, gap, gapAt, n, excluded, n == 0 ? 0 : min, max, sum,
        n == 0 ? 0 : 100 * kish / n, kish);
  }

  /**
   * The largest weight divided by the smallest.
   *
   * @return the ratio, at least 1
   */
  public double maxToMinRatio() {
    return maxWeight / minWeight;
  }

  /**
   * The design effect due to weighting, {@code n sum w^2 / (sum w)^2} (Kish 1965).
   *
   * @return the design effect, at least 1
   */
  public double designEffect() {
    return respondents / effectiveBase;
  }

  /**
   * A one-line summary.
   *
   * @return the summary
   */
  public String summary() {
    return String.format(Locale.ROOT,
        "%s: %s after %d iterations, largest gap %.3g%s; %d respondents (%d excluded), weights %.6g to %.6g "
            + "(ratio %.4g), efficiency %.2f%%, effective base %.1f, design effect %.4f",
        method, converged ? "converged" : "NOT converged", iterations, largestGap,
        largestGapAt.isEmpty() ? "" : " at " + largestGapAt, respondents, excluded, minWeight, maxWeight,
        maxToMinRatio(), efficiency, effectiveBase, designEffect());
  }
}
