package dev.insight.stats.table;

import dev.insight.stats.design.SurveyDesign;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The significance letters of a banner table: each pair of columns of a banner variable, and each column against
 * the rest of the table.
 *
 * <p>Two methods. For a design with strata or clusters the tests are design-based: the difference between the two
 * columns' estimates (domain proportions or means) is linearised, {@code z_i = w_i (y_i - m_a) / W_a} for the
 * respondents of column a minus the same for column b, so a respondent in both columns (a multiple-response
 * banner) counts in both and their covariance is the design's, and its variance is the design's
 * ({@link SurveyDesign#variance(double[])}: strata, clusters, fpc, calibration). The t statistic is referred to
 * Student's t on the design's degrees of freedom among the respondents of the two columns with a value, minus 1:
 * R's {@code svyttest(y ~ column == a, subset(design, column %in% c(a, b)))}. For a design with weights only the
 * market-research method stays: column proportions and column means tests on Kish effective bases
 * ({@link ColumnTests}).
 */
final class ColumnLetters {
  private final SurveyDesign design;
  private final TableOptions options;
  private final List<BannerColumn> columns;
  private final List<BannerVar> bannerVars;
  private final boolean[] keep;
  private final BiFunction<Question, long[], ColumnSums> accumulateOver;
  private final boolean designBased;

  ColumnLetters(SurveyDesign design, TableOptions options, List<BannerColumn> columns, List<BannerVar> bannerVars,
      boolean[] keep, BiFunction<Question, long[], ColumnSums> accumulateOver) {
    this.design = design;
    this.options = options;
    this.columns = columns;
    this.bannerVars = bannerVars;
    this.keep = keep;
    this.accumulateOver = accumulateOver;
    this.designBased = design.strata().isPresent() || design.cluster().isPresent()
        || design.replicates().isPresent();
  }

  /** How the letters are tested, for the table's notes. */
  String method() {
    return designBased ? "design-based t tests of the difference between the columns' estimates, with the "
        + "covariance of the two columns from the design's " + (design.replicates().isPresent()
            ? "replicate weights" : "strata and clusters")
        : "column proportions and column means tests on Kish effective bases";
  }

  /* The kept respondents of column x of banner variable b. */
  private boolean[] rows(BannerVar b, int x) {
    return b.rows(keep, x);
  }

  /* The kept respondents not in column x: the rest of the table. */
  private boolean[] rest(BannerVar b, int x) {
    boolean[] in = rows(b, x);
    for (int i = 0; i < in.length; i++) {
      in[i] = keep[i] && !in[i];
    }
    return in;
  }

  /**
   * The design-based test of the difference between the estimates of an item in two groups of respondents (which
   * may overlap).
   *
   * @param design the design
   * @param question the question
   * @param item the item, or -1 for the mean of a numeric question
   * @param a the first group's rows
   * @param b the second group's rows
   * @return the test: difference {@code a - b}, t, degrees of freedom and two-sided p-value
   */
  static TTest difference(SurveyDesign design, Question question, int item, boolean[] a, boolean[] b) {
    int n = a.length;
    double[] y = new double[n];
    double wa = 0;
    double wb = 0;
    double sa = 0;
    double sb = 0;
    boolean[] both = new boolean[n];
    for (int i = 0; i < n; i++) {
      if (!(a[i] || b[i])) {
        continue;
      }
      y[i] = question.valueAt(i, item);
      if (Double.isNaN(y[i])) {
        continue;
      }
      both[i] = true;
      double w = design.weight(i);
      if (a[i]) {
        wa += w;
        sa += w * y[i];
      }
      if (b[i]) {
        wb += w;
        sb += w * y[i];
      }
    }
    if (!(wa > 0 && wb > 0)) {
      return TTest.NOT_TESTED;
    }
    double ma = sa / wa;
    double mb = sb / wb;
    double se;
    if (design.replicates().isPresent()) {
      double[][] v = new double[4][n];
      for (int i = 0; i < n; i++) {
        if (both[i]) {
          v[0][i] = a[i] ? y[i] : 0;
          v[1][i] = a[i] ? 1 : 0;
          v[2][i] = b[i] ? y[i] : 0;
          v[3][i] = b[i] ? 1 : 0;
        }
      }
      double[][] totals = design.replicateTotals(v);
      double[] thetas = new double[totals[0].length];
      for (int r = 0; r < thetas.length; r++) {
        thetas[r] = totals[0][r] / totals[1][r] - totals[2][r] / totals[3][r];
      }
      se = Math.sqrt(design.replicateVariance(thetas, ma - mb));
    } else {
      double[] z = new double[n];
      for (int i = 0; i < n; i++) {
        if (both[i]) {
          double w = design.weight(i);
          z[i] = (a[i] ? w * (y[i] - ma) / wa : 0) - (b[i] ? w * (y[i] - mb) / wb : 0);
        }
      }
      se = Math.sqrt(design.variance(z));
    }
    int df = design.degreesOfFreedom(both) - 1;
    double difference = ma - mb;
    if (difference == 0) {
      return new TTest(0, 0, df, Double.NaN);
    }
    if (!(se > 0) || df < 1) {
      return new TTest(difference, Double.NaN, df, Double.NaN);
    }
    double t = difference / se;
    double p = 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t));
    return new TTest(difference, t, df, Math.min(1, p));
  }

  private boolean testable(ColumnSums acc) {
    return acc.n >= options.minimumBase();
  }

  void mark(Question question, ColumnSums[] acc, List<List<Cell>> cells, boolean meanRow) {
    for (BannerVar b : bannerVars) {
      int size = b.size();
      int pairs = size * (size - 1) / 2;
      ColumnSums[][] overlap = new ColumnSums[size][size];
      if (b.multi() != null && !designBased) {
        for (int x = 0; x < size; x++) {
          for (int y = x + 1; y < size; y++) {
            long[] both = b.members()[x].clone();
            for (int k = 0; k < both.length; k++) {
              both[k] &= b.members()[y][k];
            }
            overlap[x][y] = accumulateOver.apply(question, both);
          }
        }
      }
      for (int r = 0; r < cells.size(); r++) {
        boolean isMean = meanRow && r == 0;
        int item = meanRow ? r - 1 : r;
        double[] p = new double[pairs];
        double[] diff = new double[pairs];
        int k = 0;
        for (int x = 0; x < size; x++) {
          for (int y = x + 1; y < size; y++) {
            ColumnSums a = acc[b.first() + x];
            ColumnSums c = acc[b.first() + y];
            TTest t;
            if (!testable(a) || !testable(c)) {
              t = null;
            } else {
              ColumnSums o = overlap[x][y];
              double wo = o == null ? 0 : o.w;
              double qo = o == null ? 0 : o.q;
              t = designBased ? difference(design, question, isMean ? -1 : item, rows(b, x), rows(b, y))
                  : isMean
                  ? ColumnTests.means(a.w, a.q, a.sx / a.w, a.variance(), c.w, c.q, c.sx / c.w, c.variance(), wo,
                      qo, o == null ? 0 : o.variance())
                  : ColumnTests.proportions(a.w, a.q, a.itemW[item], c.w, c.q, c.itemW[item], wo, qo);
            }
            p[k] = t == null ? Double.NaN : t.pValue();
            diff[k] = t == null ? Double.NaN : t.difference();
            k++;
          }
        }
        double[] adjusted = options.correction().adjust(p);
        StringBuilder[] upper = new StringBuilder[size];
        StringBuilder[] lower = new StringBuilder[size];
        for (int x = 0; x < size; x++) {
          upper[x] = new StringBuilder();
          lower[x] = new StringBuilder();
        }
        k = 0;
        for (int x = 0; x < size; x++) {
          for (int y = x + 1; y < size; y++) {
            double q = adjusted[k];
            if (!Double.isNaN(q) && q < options.lowerAlpha()) {
              int higher = diff[k] > 0 ? x : y;
              int other = higher == x ? y : x;
              String letter = columns.get(b.first() + other).letter();
              if (q < options.upperAlpha()) {
                upper[higher].append(letter);
              } else {
                lower[higher].append(letter.toLowerCase(Locale.ROOT));
              }
            }
            k++;
          }
        }
        List<Cell> rowCells = cells.get(r);
        ColumnSums total = acc[0];
        for (int x = 0; x < size; x++) {
          int column = b.first() + x;
          ColumnSums a = acc[column];
          Cell cell = rowCells.get(column).withLetters(sortLetters(upper[x]) + sortLetters(lower[x]));
          ColumnSums rest = total.minus(a);
          Comparison comparison = Comparison.NOT_TESTED;
          if (testable(a) && testable(rest)) {
            TTest t = designBased ? difference(design, question, isMean ? -1 : item, rows(b, x), rest(b, x))
                : isMean
                ? ColumnTests.means(a.w, a.q, a.sx / a.w, a.variance(), rest.w, rest.q, rest.sx / rest.w,
                    rest.variance(), 0, 0, 0)
                : ColumnTests.proportions(a.w, a.q, a.itemW[item], rest.w, rest.q, rest.itemW[item], 0, 0);
            if (t.tested() || t.difference() == 0) {
              comparison = t.tested() && t.pValue() < options.upperAlpha()
                  ? (t.difference() > 0 ? Comparison.HIGHER : Comparison.LOWER) : Comparison.SAME;
            }
          }
          rowCells.set(column, cell.withVersusRest(comparison));
        }
      }
    }
  }

  private static String sortLetters(StringBuilder letters) {
    // letters can be several characters (AA); keep the column order, which is the order they were appended in
    return letters.toString();
  }
}
