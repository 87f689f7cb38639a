package dev.insight.stats.internal;

import dev.insight.stats.estimate.ConfidenceInterval;
import dev.insight.stats.estimate.IntervalMethod;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Confidence intervals as R {@code survey}'s {@code svyciprop} computes them.
 *
 * <p>Implementation note: {@code logit} and {@code xlogit} are both the Wald interval of {@code logit(p)} with
 * standard error {@code se / (p (1 - p))} and a t quantile on the design's degrees of freedom (R fits a
 * quasibinomial {@code svyglm} for {@code logit}, whose sandwich variance of the intercept is exactly that, so
 * they agree to R's fitting tolerance). {@code beta} is Korn and Graubard (1998): Clopper-Pearson limits on the
 * effective sample size {@code p (1 - p) / var}, scaled by {@code (t(n - 1) / t(df))^2}. Where a proportion is 0
 * or 1 (no logit, no variance), the logit and beta methods fall back to Wilson on the Kish effective base.
 *
 * <p>Shared by insight-stats' estimators and insight-spark's, so both give the same intervals; not part of the API.
 */
public final class Intervals {
  private static final double ACCURACY = 1e-14;

  private Intervals() {}

  /**
   * The interval of an estimate.
   *
   * @param method the method ({@link IntervalMethod#WALD} for anything but a proportion)
   * @param level the confidence level, in (0, 1)
   * @param p the estimate
   * @param se its standard error
   * @param df the design's degrees of freedom
   * @param n the respondents with a valid value (the beta method's sample size)
   * @param effectiveBase Kish's effective base (Wilson's sample size)
   * @return the interval
   */
  public static ConfidenceInterval of(IntervalMethod method, double level, double p, double se, int df, int n,
      double effectiveBase) {
    double alpha = 1 - level;
    boolean interior = p > 0 && p < 1 && se > 0;
    switch (method) {
      case WALD -> {
        double t = t(df, 1 - alpha / 2);
        return new ConfidenceInterval(p - t * se, p + t * se, method, level);
      }
      case LOGIT, XLOGIT -> {
        if (!interior) {
          return wilson(method, level, p, effectiveBase);
        }
        double t = t(df, 1 - alpha / 2);
        double logit = Math.log(p / (1 - p));
        double half = t * se / (p * (1 - p));
        return new ConfidenceInterval(expit(logit - half), expit(logit + half), method, level);
      }
      case BETA -> {
        if (!interior || df < 1 || n < 2) {
          return wilson(method, level, p, effectiveBase);
        }
        double ratio = t(n - 1, alpha / 2) / t(df, alpha / 2);
        double neff = p * (1 - p) / (se * se) * ratio * ratio;
        double low = new BetaDistribution(null, neff * p, neff * (1 - p) + 1, ACCURACY)
            .inverseCumulativeProbability(alpha / 2);
        double high = new BetaDistribution(null, neff * p + 1, neff * (1 - p), ACCURACY)
            .inverseCumulativeProbability(1 - alpha / 2);
        return new ConfidenceInterval(low, high, method, level);
      }
      default -> {
        return wilson(method, level, p, effectiveBase);
      }
    }
  }

  /* Wilson's score interval with the effective base as n, labelled with the method asked for. */
  private static ConfidenceInterval wilson(IntervalMethod method, double level, double p, double n) {
    double z = new NormalDistribution(null, 0, 1, ACCURACY).inverseCumulativeProbability(1 - (1 - level) / 2);
    double z2n = z * z / n;
    double centre = (p + z2n / 2) / (1 + z2n);
    double half = z / (1 + z2n) * Math.sqrt(p * (1 - p) / n + z2n / (4 * n));
    // at p = 0 or 1 the limit is exactly 0 or 1; rounding must not move it
    double low = p == 0 ? 0 : Math.max(0, centre - half);
    double high = p == 1 ? 1 : Math.min(1, centre + half);
    return new ConfidenceInterval(low, high, method, level);
  }

  private static double t(int df, double probability) {
    if (df < 1) {
      return Double.NaN;
    }
    return new TDistribution(null, df, ACCURACY).inverseCumulativeProbability(probability);
  }

  private static double expit(double x) {
    return 1 / (1 + Math.exp(-x));
  }
}
