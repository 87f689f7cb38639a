package dev.insight.stats.table;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Column proportions and column means tests for banner tables, on Kish effective bases.
 *
 * <p>Implementation note: the column proportions test follows the formula IBM SPSS Data Collection / UNICOM
 * Intelligence document for their "column proportions" test. With weighted base {@code w_i}, sum of squared
 * weights {@code q_i} and weighted count {@code r_i} in column i, {@code p_i = r_i / w_i}, the effective base
 * {@code e_i = w_i^2 / q_i} (Kish 1965), the pooled proportion {@code p = (r_1 + r_2) / (w_1 + w_2)} and
 * {@code t = (p_1 - p_2) / sqrt(p (1 - p) (1/e_1 + 1/e_2 - 2 e_o / (e_1 e_2)))} on
 * {@code e_1 + e_2 - e_o - 2} degrees of freedom, where {@code e_o = w_o^2 / q_o} is the effective base of the
 * respondents in both columns (0 when the columns do not overlap). The overlap term is the covariance of the two
 * proportions when the same respondents count in both, with the correlation of a respondent's answer with itself
 * (the documented {@code Z = 1} of the non-grid case). The test is not done when a base is zero or the two
 * proportions are equal. The column means test uses the same bases:
 * {@code t = (m_1 - m_2) / sqrt(s_1^2/e_1 + s_2^2/e_2 - 2 e_o s_o^2 / (e_1 e_2))} with R {@code svyvar}'s weighted
 * variances.
 */
final class ColumnTests {
  private ColumnTests() {}

  /**
   * The column proportions test for one row and one pair of columns.
   *
   * @param w1 weighted base of column 1
   * @param q1 sum of squared weights of column 1's base
   * @param r1 weighted count of the row in column 1
   * @param w2 weighted base of column 2
   * @param q2 sum of squared weights of column 2's base
   * @param r2 weighted count of the row in column 2
   * @param wo weighted base of the respondents in both columns; 0 when the columns do not overlap
   * @param qo sum of squared weights of the respondents in both columns; 0 when they do not overlap
   * @return the test; {@link TTest#tested()} is false when it cannot be done
   */
  static TTest proportions(double w1, double q1, double r1, double w2, double q2, double r2, double wo,
      double qo) {
    if (!(w1 > 0 && w2 > 0 && q1 > 0 && q2 > 0)) {
      return TTest.NOT_TESTED;
    }
    double p1 = r1 / w1;
    double p2 = r2 / w2;
    if (p1 == p2) {
      return new TTest(0, 0, Double.NaN, Double.NaN);
    }
    double e1 = w1 * w1 / q1;
    double e2 = w2 * w2 / q2;
    double eo = wo > 0 && qo > 0 ? wo * wo / qo : 0;
    double pooled = (r1 + r2) / (w1 + w2);
    double term = pooled * (1 - pooled) * (1 / e1 + 1 / e2 - 2 * eo / (e1 * e2));
    double df = e1 + e2 - eo - 2;
    return studentT(p1 - p2, term, df);
  }

  /**
   * The column means test for one pair of columns.
   *
   * @param w1 weighted base of column 1
   * @param q1 sum of squared weights of column 1
   * @param mean1 weighted mean in column 1
   * @param variance1 weighted variance in column 1
   * @param w2 weighted base of column 2
   * @param q2 sum of squared weights of column 2
   * @param mean2 weighted mean in column 2
   * @param variance2 weighted variance in column 2
   * @param wo weighted base of the overlap, 0 when none
   * @param qo sum of squared weights of the overlap, 0 when none
   * @param varianceOverlap weighted variance of the values in the overlap, 0 when none
   * @return the test; {@link TTest#tested()} is false when it cannot be done
   */
  static TTest means(double w1, double q1, double mean1, double variance1, double w2, double q2,
      double mean2, double variance2, double wo, double qo, double varianceOverlap) {
    if (!(w1 > 0 && w2 > 0 && q1 > 0 && q2 > 0) || Double.isNaN(variance1) || Double.isNaN(variance2)) {
      return TTest.NOT_TESTED;
    }
    double e1 = w1 * w1 / q1;
    double e2 = w2 * w2 / q2;
    double eo = wo > 0 && qo > 0 ? wo * wo / qo : 0;
    double term = variance1 / e1 + variance2 / e2 - 2 * eo * varianceOverlap / (e1 * e2);
    return studentT(mean1 - mean2, term, e1 + e2 - eo - 2);
  }

  private static TTest studentT(double difference, double term, double df) {
    if (!(term > 0) || !(df > 0)) {
      return new TTest(difference, Double.NaN, df, Double.NaN);
    }
    double t = difference / Math.sqrt(term);
    double p = 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t));
    return new TTest(difference, t, df, Math.min(1, p));
  }
}
