package dev.insight.spark;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.insight.stats.estimate.ConfidenceInterval;
import dev.insight.stats.design.Filter;
import dev.insight.stats.estimate.Estimate;
import dev.insight.stats.estimate.EstimateKind;
import dev.insight.stats.estimate.IntervalMethod;
import dev.insight.stats.internal.Intervals;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Design-based means, proportions and totals over a {@link SparkDesign}, for the whole sample or domains, with
 * Taylor-linearisation standard errors: the same {@link Estimate}s as insight-stats' {@code Estimator} on the same
 * rows, to 1e-9 (the tests check it).
 *
 * <p>Weights must be above 0, as in insight-stats' designs.
 *
 * <p>Implementation note: every estimate asked for at once is computed in two Spark aggregations (plus one per
 * raking). The first sums, per estimate, the respondents, {@code sum w}, {@code sum w^2} and {@code sum w y} over
 * the rows with a weight above 0, a valid value and in the domain, giving the estimates. The second forms each
 * row's influence value {@code z = w (y - estimate) / sum w} (a total: {@code z = w y}; 0 outside the domain); on a
 * raked design it first replaces them by their residuals on the raking (one aggregation by weighting cell, the
 * sweeps on the driver, the cells' adjustments joined back: {@link SparkRaking}); then it adds them up within
 * second-stage units and PSUs and, per stratum, takes the number of PSUs, {@code sum z_psu}, {@code sum z_psu^2},
 * the PSUs touching the domain and the fpc: a few numbers per stratum reach the driver, which finishes with the
 * variance {@code sum_h (1 - f_h) n_h / (n_h - 1) (sum z^2 - (sum z)^2 / n_h)} plus, with two stages, the second
 * stage's share (R {@code svyrecvar}), the design effect against simple random sampling (R
 * {@code svymean(deff = TRUE)}), the degrees of freedom (PSUs minus strata in the domain) and the interval
 * (insight-stats' own interval methods). Every aggregation merges partial sums, so the work splits across
 * executors; when each row is its own PSU the PSU step is skipped.
 *
 * <p>Not here: replicate-weight designs, post-stratification and linear calibration (use insight-stats on one
 * machine for those).
 *
 * <p>Immutable.
 */
public final class SparkEstimator {
  private final SparkDesign design;
  private final IntervalMethod method;
  private final double level;

  private SparkEstimator(SparkDesign design, IntervalMethod method, double level) {
    this.design = design;
    this.method = method;
    this.level = level;
  }

  /**
   * Estimates from a design, with logit intervals for proportions (Wald for the rest) at the 95% level.
   *
   * @param design the design
   * @return the estimator
   */
  public static SparkEstimator of(SparkDesign design) {
    return new SparkEstimator(checkNotNull(design, "design"), IntervalMethod.LOGIT, 0.95);
  }

  /**
   * With another interval method for proportions, as insight-stats' {@code Estimator}; means and totals always get
   * {@link IntervalMethod#WALD}.
   *
   * @param value the method: Wald, logit, xlogit, beta (Korn and Graubard) or Wilson
   * @return a changed copy
   */
  public SparkEstimator withInterval(IntervalMethod value) {
    return new SparkEstimator(design, checkNotNull(value, "method"), level);
  }

  /**
   * With another confidence level.
   *
   * @param value the level, in (0, 1)
   * @return a changed copy
   */
  public SparkEstimator withLevel(double value) {
    checkArgument(value > 0 && value < 1, "confidence level must be in (0, 1): %s", value);
    return new SparkEstimator(design, method, value);
  }

  /** One estimate to make: what, of which value, in which domain. */
  private record Wanted(EstimateKind kind, String quantity, Column y, Filter subgroup, Column in) {}

  /**
   * The weighted mean of a numeric column, overall and in each category of another column (its subgroups).
   *
   * @param variable a numeric column (null leaves the base)
   * @param by a column whose values are the subgroups
   * @param categories the categories of {@code by} to estimate, in order
   * @return {@code (all)} first, then one estimate per category
   */
  public List<Estimate> means(String variable, String by, List<String> categories) {
    return byDomain(EstimateKind.MEAN, variable, numeric(variable), by, categories);
  }

  /**
   * The weighted total of a numeric column, overall and in each category of another column (its subgroups).
   *
   * @param variable a numeric column (null counts as absent)
   * @param by a column whose values are the subgroups
   * @param categories the categories of {@code by} to estimate, in order
   * @return {@code (all)} first, then one estimate per category
   */
  public List<Estimate> totals(String variable, String by, List<String> categories) {
    return byDomain(EstimateKind.TOTAL, variable, numeric(variable), by, categories);
  }

  /**
   * A weighted table of column percentages: for each category of {@code variable}, its proportion among those who
   * answered, overall and in each category of {@code by}.
   *
   * @param variable the row variable (null leaves the base)
   * @param rowCategories its categories, in order
   * @param by the column variable
   * @param columnCategories its categories, in order
   * @return per row category, {@code (all)} then one estimate per column category
   */
  public List<List<Estimate>> proportions(String variable, List<String> rowCategories, String by,
      List<String> columnCategories) {
    SparkDesign.column(design.data(), variable);
    List<Wanted> wanted = new ArrayList<>();
    for (String category : rowCategories) {
      Column y = when(col(variable).isNull(), lit(null).cast(DataTypes.DoubleType))
          .otherwise(when(col(variable).cast(DataTypes.StringType).equalTo(category), 1.0).otherwise(0.0));
      wanted.addAll(domains(EstimateKind.PROPORTION, variable + "=" + category, y, by, columnCategories));
    }
    List<Estimate> all = estimate(wanted);
    List<List<Estimate>> out = new ArrayList<>();
    int per = columnCategories.size() + 1;
    for (int r = 0; r < rowCategories.size(); r++) {
      out.add(List.copyOf(all.subList(r * per, (r + 1) * per)));
    }
    return out;
  }

  private Column numeric(String variable) {
    SparkDesign.column(design.data(), variable);
    return col(variable).cast(DataTypes.DoubleType);
  }

  private List<Estimate> byDomain(EstimateKind kind, String quantity, Column y, String by, List<String> categories) {
    return estimate(domains(kind, quantity, y, by, categories));
  }

  private List<Wanted> domains(EstimateKind kind, String quantity, Column y, String by, List<String> categories) {
    SparkDesign.column(design.data(), by);
    List<Wanted> wanted = new ArrayList<>();
    wanted.add(new Wanted(kind, quantity, y, Filter.all(), lit(true)));
    for (String category : categories) {
      wanted.add(new Wanted(kind, quantity, y, Filter.category(by, category),
          col(by).cast(DataTypes.StringType).equalTo(category)));
    }
    return wanted;
  }

  private List<Estimate> estimate(List<Wanted> wanted) {
    Column w = col(design.weight()).cast(DataTypes.DoubleType);
    Dataset<Row> sample = design.data();
    int k = wanted.size();
    // pass 1: the estimates, and the design's columns checked on the way
    List<Column> first = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      Wanted q = wanted.get(j);
      Column in = valid(q);
      first.add(sum(when(in, 1L).otherwise(0L)));
      first.add(sum(when(in, w).otherwise(0.0)));
      first.add(sum(when(in, w.multiply(w)).otherwise(0.0)));
      first.add(sum(when(in, w.multiply(q.y())).otherwise(0.0)));
    }
    first.add(sum(when(w.isNull().or(org.apache.spark.sql.functions.isnan(w)).or(w.leq(0)), 1L).otherwise(0L)));
    first.add(design.strata().map(s -> sum(when(col(s).isNull(), 1L).otherwise(0L))).orElse(lit(0L)));
    first.add(design.cluster().map(c -> sum(when(col(c).isNull(), 1L).otherwise(0L))).orElse(lit(0L)));
    first.add(sum(w));
    first.add(count(lit(1)));
    Row totals = sample.agg(first.get(0), first.subList(1, first.size()).toArray(Column[]::new)).first();
    // as insight-stats' designs: weights above 0, no missing stratum or PSU
    checkArgument(totals.getLong(4 * k) == 0, "weight column %s: %s rows are missing, NaN, 0 or below; weights must "
        + "be above 0", design.weight(), totals.getLong(4 * k));
    checkArgument(totals.getLong(4 * k + 1) == 0, "stratum column %s is missing in %s rows",
        design.strata().orElse(""), totals.getLong(4 * k + 1));
    checkArgument(totals.getLong(4 * k + 2) == 0, "cluster column %s is missing in %s rows",
        design.cluster().orElse(""), totals.getLong(4 * k + 2));
    // whether the weights are scaled to the sample (as from margins given as shares): the design effect's reference
    double allWeight = totals.isNullAt(4 * k + 3) ? 0 : totals.getDouble(4 * k + 3);
    long allRows = totals.getLong(4 * k + 4);
    long[] n = new long[k];
    double[] sumW = new double[k];
    double[] sumW2 = new double[k];
    double[] value = new double[k];
    double[] denominator = new double[k];
    for (int j = 0; j < k; j++) {
      n[j] = totals.getLong(4 * j);
      sumW[j] = totals.getDouble(4 * j + 1);
      sumW2[j] = totals.getDouble(4 * j + 2);
      double sumWy = totals.getDouble(4 * j + 3);
      boolean isTotal = wanted.get(j).kind() == EstimateKind.TOTAL;
      value[j] = n[j] == 0 ? Double.NaN : isTotal ? sumWy : sumWy / sumW[j];
      denominator[j] = isTotal ? 1 : sumW[j];
    }
    // pass 2: influence values, residualised on the rakings, summed in PSUs and then per stratum
    List<Column> z = new ArrayList<>();
    List<Column> in = new ArrayList<>();
    List<Column> ze = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      Wanted q = wanted.get(j);
      Column e = q.kind() == EstimateKind.TOTAL ? q.y() : q.y().minus(lit(value[j])).divide(lit(denominator[j]));
      z.add(n[j] == 0 ? lit(0.0) : when(valid(q), w.multiply(e)).otherwise(0.0));
      // degrees of freedom count the domain's PSUs before missing values leave it, as R's degf(subset(...))
      in.add(when(q.in(), 1).otherwise(0));
      // the design effect's unit variance needs sum w e^2
      ze.add(n[j] == 0 ? lit(0.0) : when(valid(q), w.multiply(e).multiply(e)).otherwise(0.0));
    }
    List<SparkVariance.Sums> sums = SparkVariance.of(design, z, in, ze);
    boolean scaledToSample = allWeight <= allRows * (1 + 1e-9);
    List<Estimate> out = new ArrayList<>(k);
    for (int j = 0; j < k; j++) {
      out.add(finish(wanted.get(j), n[j], sumW[j], sumW2[j], value[j], sums.get(j), scaledToSample));
    }
    return out;
  }

  private Estimate finish(Wanted q, long n, double sumW, double sumW2, double value, SparkVariance.Sums sums,
      boolean scaledToSample) {
    IntervalMethod used = q.kind() == EstimateKind.PROPORTION ? method : IntervalMethod.WALD;
    if (n == 0) {
      return new Estimate(q.kind(), q.quantity(), q.subgroup(), Double.NaN, Double.NaN,
          new ConfidenceInterval(Double.NaN, Double.NaN, used, level), 0, 0, 0, Double.NaN, 0);
    }
    double variance = sums.variance();
    double se = Math.sqrt(variance);
    int df = sums.psusIn() - sums.strataIn();
    double kish = sumW * sumW / sumW2;
    double deff = designEffect(n, sumW, sums.sumWe(), sums.sumWe2(), variance, scaledToSample);
    int count = Math.toIntExact(n);
    ConfidenceInterval ci = Intervals.of(used, level, value, se, df, count, kish);
    return new Estimate(q.kind(), q.quantity(), q.subgroup(), value, se, ci, count, sumW, kish, deff, df);
  }

  private static Column valid(Wanted q) {
    return q.in().and(q.y().isNotNull()).and(functionsIsNotNaN(q.y()));
  }

  private static Column functionsIsNotNaN(Column y) {
    return org.apache.spark.sql.functions.isnan(y).equalTo(false);
  }

  /*
   * R's svymean(deff = TRUE), as insight-stats: against simple random sampling without replacement of n from
   * sum w, or with replacement (deff = "replace") when the weights sum to no more than the sample (scaled to it).
   */
  private static double designEffect(long count, double sumW, double sumWe, double sumWe2, double variance,
      boolean withReplacement) {
    if (count < 2 || !withReplacement && sumW <= count) {
      return Double.NaN;
    }
    double mean = sumWe / sumW;
    double ss = Math.max(0, sumWe2 - sumW * mean * mean);
    double s2 = ss / sumW * count / (count - 1.0);
    double fraction = withReplacement ? 0 : 1.0 / sumW;
    double srs = s2 * sumW * sumW * (1.0 / count - fraction);
    return variance / srs;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "SparkEstimator[%s, %s intervals at %s]", design, method, level);
  }
}
