package dev.insight.stats.table;

/**
 * Sums for one column of one question: respondents, weight and squared weight of the base, per item (category,
 * option, net, box) its respondents and weight, and for a numeric question the weighted sums of x and x^2 (x shifted
 * by a value of the question, for accuracy).
 */
final class ColumnSums {
  double n;
  /**
   * For a numeric question, the column's respondents with or without a value: R's {@code svyvar} counts them in its
   * {@code n / (n - 1)}, since it counts before dropping missing values.
   */
  double respondents;
  double w;
  double q;
  final double[] itemN;
  final double[] itemW;
  /** Sum of squared weights of each item's respondents, for Rao-Scott tests from the cell sums. */
  final double[] itemQ;

  double sx;
  double sxx;

  ColumnSums(int items) {
    itemN = new double[items];
    itemW = new double[items];
    itemQ = new double[items];
  }

  void add(ColumnSums other) {
    n += other.n;
    respondents += other.respondents;
    w += other.w;
    q += other.q;
    sx += other.sx;
    sxx += other.sxx;
    for (int j = 0; j < itemN.length; j++) {
      itemN[j] += other.itemN[j];
      itemW[j] += other.itemW[j];
      itemQ[j] += other.itemQ[j];
    }
  }

  ColumnSums minus(ColumnSums other) {
    ColumnSums r = new ColumnSums(itemN.length);
    r.n = n - other.n;
    r.respondents = respondents - other.respondents;
    r.w = w - other.w;
    r.q = q - other.q;
    r.sx = sx - other.sx;
    r.sxx = sxx - other.sxx;
    for (int j = 0; j < itemN.length; j++) {
      r.itemN[j] = itemN[j] - other.itemN[j];
      r.itemW[j] = itemW[j] - other.itemW[j];
      r.itemQ[j] = itemQ[j] - other.itemQ[j];
    }
    return r;
  }

  /* R's svyvar(na.rm = TRUE): n / (n - 1) times the weighted variance, n the column's respondents (see above). */
  double variance() {
    double count = Math.max(n, respondents);
    if (n < 1 || count < 2 || w <= 0) {
      return Double.NaN;
    }
    double m = sx / w;
    return Math.max(0, sxx / w - m * m) * count / (count - 1);
  }
}
