package dev.insight.stats.estimate;

import static com.google.common.base.Preconditions.checkArgument;

import dev.insight.stats.design.Filter;
import dev.insight.stats.design.SurveyDesign;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Quantiles with R 4.x {@code svyquantile}'s defaults: {@code qrule = "math"} and {@code interval.type = "mean"}.
 *
 * <p>Implementation note: the quantile at {@code p} is R's {@code qrule_math}: with the respondents' values sorted
 * (ties in row order) and their cumulative weights {@code C_k} out of {@code W}, {@code k} is the last position with
 * {@code C_k <= p W} (the first when there is none, as R); the quantile is the value at {@code k} when
 * {@code C_k / W == p} exactly, otherwise the next one. That is the smallest value whose weighted share at or below it
 * is at least {@code p}. The interval is Woodruff's: the design-based proportion {@code m} of respondents at or below
 * the quantile (linearised as a domain mean), its Wald interval {@code m -+ t se} on the design's degrees of freedom
 * among the respondents with a value, mapped back through the same rule; a limit below 0 or above 1 gives NaN, as R.
 * The standard error is the interval's width over {@code 2 t}. On a replicate-weight design the share's standard
 * error is its replicate one (R's {@code svyquantile.svyrep.design} with its default {@code interval.type = "mean"})
 * and the degrees of freedom the rank of the replicate weights of the respondents with a value, minus 1. Cumulative weights are summed in double-double
 * precision, as R sums them in extended precision, from R's weights {@code 1 / (1 / w)} (R stores the sampling
 * probabilities), so that ties at exactly {@code p} break as in R.
 */
final class Quantiles {
  private static final double ACCURACY = 1e-14;

  private Quantiles() {}

  static Estimate estimate(SurveyDesign design, double level, String variable, double[] y, double probability,
      Filter subgroup) {
    return estimates(design, level, variable, y, List.of(probability), subgroup).get(0);
  }

  /* Several probabilities of one subgroup: the respondents selected, sorted and summed once. */
  static List<Estimate> estimates(SurveyDesign design, double level, String variable, double[] y,
      List<Double> probabilities, Filter subgroup) {
    boolean[] in = subgroup.select(design.data());
    int n = in.length;
    int count = 0;
    double sumW = 0;
    double sumW2 = 0;
    for (int i = 0; i < n; i++) {
      double w = design.weight(i);
      in[i] = in[i] && w > 0 && !Double.isNaN(y[i]);
      if (in[i]) {
        count++;
        sumW += w;
        sumW2 += w * w;
      }
    }
    if (count == 0) {
      List<Estimate> empty = new ArrayList<>();
      for (double probability : probabilities) {
        empty.add(new Estimate(EstimateKind.QUANTILE, variable + ":" + probability, subgroup, Double.NaN,
            Double.NaN, new ConfidenceInterval(Double.NaN, Double.NaN, IntervalMethod.WALD, level), 0, 0, 0,
            Double.NaN, 0));
      }
      return empty;
    }
    double[] values = new double[count];
    int[] order = order(y, in, values);
    double[] cumulative = new double[count];
    double hi = 0;
    double lo = 0;
    for (int k = 0; k < count; k++) {
      // Knuth's two-sum: hi + lo holds the running sum of the weights exactly to about 106 bits
      // R keeps a design's sampling probabilities and weighs by their inverse: 1 / (1 / w), which can differ from w
      // in the last bit and so decide a tie at exactly p
      double w = 1 / (1 / design.weight(order[k]));
      double s = hi + w;
      double v = s - hi;
      lo += (hi - (s - v)) + (w - v);
      hi = s;
      cumulative[k] = hi + lo;
    }
    double total = cumulative[count - 1];
    int df = design.degreesOfFreedom(in);
    double t = df < 1 ? Double.NaN
        : new TDistribution(null, df, ACCURACY).inverseCumulativeProbability(1 - (1 - level) / 2);
    List<Estimate> out = new ArrayList<>();
    for (double probability : probabilities) {
      out.add(one(design, level, variable + ":" + probability, subgroup, y, in, order, values, cumulative, total,
          probability, sumW, sumW2, df, t));
    }
    return out;
  }

  /* One probability's quantile, share at or below it, its standard error and the interval mapped back. */
  private static Estimate one(SurveyDesign design, double level, String label, Filter subgroup, double[] y,
      boolean[] in, int[] order, double[] values, double[] cumulative, double total, double probability,
      double sumW, double sumW2, int df, double t) {
    int n = in.length;
    int count = values.length;
    double quantile = rule(values, cumulative, total, probability);

    double below = 0;
    for (int k = 0; k < count && values[k] <= quantile; k++) {
      below += design.weight(order[k]);
    }
    double share = below / sumW;
    double seShare;
    if (design.replicates().isPresent()) {
      // R's svymean(x <= q, design) on a replicate design: the share recomputed with each replicate's weights
      double[] atOrBelow = new double[n];
      double[] respondent = new double[n];
      for (int i = 0; i < n; i++) {
        if (in[i]) {
          respondent[i] = 1;
          atOrBelow[i] = y[i] <= quantile ? 1 : 0;
        }
      }
      double[][] totals = design.replicateTotals(atOrBelow, respondent);
      double[] thetas = new double[totals[0].length];
      for (int r = 0; r < thetas.length; r++) {
        thetas[r] = totals[0][r] / totals[1][r];
      }
      seShare = Math.sqrt(design.replicateVariance(thetas, share));
    } else {
      double[] z = new double[n];
      for (int i = 0; i < n; i++) {
        if (in[i]) {
          z[i] = design.weight(i) * ((y[i] <= quantile ? 1 : 0) - share) / sumW;
        }
      }
      seShare = Math.sqrt(design.variance(z));
    }
    double shareLow = share - t * seShare;
    double shareHigh = share + t * seShare;
    double low = Double.isNaN(shareLow) || shareLow < 0 ? Double.NaN
        : rule(values, cumulative, total, shareLow);
    double high = Double.isNaN(shareHigh) || shareHigh > 1 ? Double.NaN
        : rule(values, cumulative, total, shareHigh);
    double se = (high - low) / (2 * t);
    ConfidenceInterval ci = new ConfidenceInterval(low, high, IntervalMethod.WALD, level);
    return new Estimate(EstimateKind.QUANTILE, label, subgroup, quantile, se, ci, count, sumW, sumW * sumW / sumW2,
        Double.NaN, df);
  }

  /*
   * The respondents selected by in, ordered by value with ties in row order (R's order(), stable), and their values
   * sorted into values. All primitive: the values sorted, each respondent's rank among the distinct values found by
   * binary search, then a counting sort by rank that places the respondents in row order, so ties keep it. The
   * order is Double.compare's, as Arrays.sort and Arrays.binarySearch on doubles.
   */
  static int[] order(double[] y, boolean[] in, double[] values) {
    int count = values.length;
    int[] rows = new int[count];
    for (int i = 0, k = 0; i < in.length; i++) {
      if (in[i]) {
        rows[k] = i;
        values[k++] = y[i];
      }
    }
    Arrays.sort(values);
    double[] distinct = new double[count];
    int d = 0;
    for (int k = 0; k < count; k++) {
      if (d == 0 || Double.compare(values[k], distinct[d - 1]) != 0) {
        distinct[d++] = values[k];
      }
    }
    int[] start = new int[d + 1];
    int[] rank = new int[count];
    for (int k = 0; k < count; k++) {
      rank[k] = Arrays.binarySearch(distinct, 0, d, y[rows[k]]);
      start[rank[k] + 1]++;
    }
    for (int r = 0; r < d; r++) {
      start[r + 1] += start[r];
    }
    int[] order = new int[count];
    for (int k = 0; k < count; k++) {
      order[start[rank[k]]++] = rows[k];
    }
    return order;
  }

  /* R's qrule_math on values sorted with their cumulative weights. */
  private static double rule(double[] values, double[] cumulative, double total, double p) {
    double target = p * total;
    int pos = 0; // R's last(): the first position when no cumulative weight is at or below the target
    for (int k = cumulative.length - 1; k >= 0; k--) {
      if (cumulative[k] <= target) {
        pos = k;
        break;
      }
    }
    int next = pos == values.length - 1 ? pos : pos + 1;
    return p - cumulative[pos] / total == 0 ? values[pos] : values[next];
  }
}
