package dev.insight.stats.estimate;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.MultiResponseVariable;
import dev.insight.core.data.NumericVariable;
import dev.insight.core.data.Variable;
import dev.insight.stats.design.Filter;
import dev.insight.stats.design.SurveyDesign;
import dev.insight.stats.internal.Intervals;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Design-based estimates from a {@link SurveyDesign}: proportions, means, totals and ratios, for the whole sample or
 * a subgroup ({@link Filter}), each with its Taylor-linearisation standard error, confidence interval, bases and design
 * effect.
 *
 * <p>For a design with replicate weights the estimate is recomputed with each replicate's weights (a total, or a
 * ratio of two totals: {@link SurveyDesign#replicateTotals(double[]...)}) and its variance is the replicates'
 * spread ({@link SurveyDesign#replicateVariance(double[], double)}), as R's {@code svrepdesign} estimators.
 *
 * <p>Implementation note: each estimator is linearised into weighted influence values {@code z_i = w_i u_i}
 * (Binder 1983; for a mean {@code u_i = (y_i - mean) / sum w}, for a ratio {@code (y_i - R x_i) / sum w x}, for a
 * total {@code y_i}); {@link SurveyDesign#variance(double[])} residualises them on the design's calibrations and
 * sums them within PSUs and strata, as R {@code survey}'s {@code svymean}, {@code svytotal} and {@code svyratio}.
 * Respondents outside the domain, or with no valid value, get {@code z_i = 0} but stay in the design (R's
 * {@code subset} and {@code na.rm = TRUE}).
 *
 * <p>A domain with no respondents having a valid value gives an estimate with {@code unweightedN} 0 and NaN value,
 * standard error and interval, rather than an error, so a table can show the empty cell.
 *
 * <p>Immutable and thread-safe.
 */
public final class Estimator {
  private final SurveyDesign design;
  private final IntervalMethod method;
  private final double level;
  /** Whether the weights sum to no more than the sample (scaled to it, as from shares): see designEffect. */
  private final boolean scaledToSample;
  /*
   * The values of the last variable estimated, so estimates of one variable in many domains (a table's columns,
   * svyby) read and check the variable once. One slot only: an estimator never holds more than one column.
   */
  private final AtomicReference<@Nullable Values> last;

  private record Values(String key, double[] values) {}

  private Estimator(SurveyDesign design, IntervalMethod method, double level,
      AtomicReference<@Nullable Values> last) {
    this.design = design;
    this.method = method;
    this.level = level;
    this.last = last;
    double total = 0;
    int inSample = 0;
    for (int i = 0; i < design.rowCount(); i++) {
      if (design.inSample(i)) {
        total += design.weight(i);
        inSample++;
      }
    }
    this.scaledToSample = total <= inSample * (1 + 1e-9);
  }

  private double[] values(String key, Supplier<double[]> compute) {
    Values cached = last.get();
    if (cached != null && cached.key().equals(key)) {
      return cached.values();
    }
    double[] computed = compute.get();
    last.set(new Values(key, computed));
    return computed;
  }

  /**
   * Estimates from this design, with logit intervals for proportions (Wald for the rest) at the 95% level.
   *
   * @param design the design
   * @return the estimator
   */
  public static Estimator of(SurveyDesign design) {
    return new Estimator(checkNotNull(design, "design"), IntervalMethod.LOGIT, 0.95, new AtomicReference<>());
  }

  /**
   * With another interval method for proportions; means, totals and ratios always get {@link IntervalMethod#WALD}.
   *
   * @param value the method
   * @return a changed copy
   */
  public Estimator withInterval(IntervalMethod value) {
    return new Estimator(design, checkNotNull(value, "method"), level, last);
  }

  /**
   * With another confidence level.
   *
   * @param value the level, in (0, 1)
   * @return a changed copy
   */
  public Estimator withLevel(double value) {
    checkArgument(value > 0 && value < 1, "confidence level must be in (0, 1): %s", value);
    return new Estimator(design, method, value, last);
  }

  /**
   * The design.
   *
   * @return the design
   */
  public SurveyDesign design() {
    return design;
  }

  /**
   * The proportion of respondents with a 1 in a 0/1 numeric variable (missing values leave the base).
   *
   * @param variable a numeric variable holding only 0, 1 or missing
   * @param subgroup the respondents it is about (a domain: the whole design stays, as R's {@code subset})
   * @return the estimate
   * @throws IllegalArgumentException when the variable is not numeric or holds another value (naming the
   *     respondent and value)
   */
  public Estimate proportion(String variable, Filter subgroup) {
    return estimate(new Quantity.Proportion(variable, null), subgroup);
  }

  private Prepared zeroOne(String variable) {
    Dataset data = design.data();
    NumericVariable v = data.numeric(variable);
    double[] y = values("0/1 " + variable, () -> {
      double[] copy = v.copyValidValues();
      for (int i = 0; i < copy.length; i++) {
        double value = copy[i];
        if (value != 0 && value != 1 && !Double.isNaN(value)) {
          throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
              "a proportion of %s needs 0/1 values but respondent %s (row %s) has %s; use a categorical variable "
                  + "with a category instead", variable, data.id(i), i + 1, value));
        }
      }
      return copy;
    });
    return new Prepared(EstimateKind.PROPORTION, variable, y, null);
  }

  /**
   * The proportion of respondents in a category of a categorical variable, among those who answered it (no answer
   * and declared missing categories leave the base), or choosing an option of a multiple-response variable,
   * among those who answered the question.
   *
   * @param variable a categorical or multiple-response variable
   * @param category the category or option code
   * @param subgroup the respondents it is about (a domain: the whole design stays, as R's {@code subset})
   * @return the estimate
   * @throws IllegalArgumentException when there is no such category, naming the variable and its categories
   */
  public Estimate proportion(String variable, String category, Filter subgroup) {
    return estimate(new Quantity.Proportion(variable, category), subgroup);
  }

  private Prepared category(String variable, String category) {
    Dataset data = design.data();
    Variable v = data.variable(variable);
    int n = data.rowCount();
    double[] y = new double[n];
    if (v instanceof CategoricalVariable c) {
      int index = c.indexOf(category);
      checkArgument(index >= 0, "variable %s has no category %s; its categories are %s", variable, category,
          c.categories().stream().map(x -> x.code()).toList());
      for (int i = 0; i < n; i++) {
        y[i] = c.isMissing(i) ? Double.NaN : c.categoryIndex(i) == index ? 1 : 0;
      }
    } else if (v instanceof MultiResponseVariable mr) {
      int index = mr.indexOf(category);
      checkArgument(index >= 0, "variable %s has no option %s; its options are %s", variable, category,
          mr.options().stream().map(x -> x.code()).toList());
      for (int i = 0; i < n; i++) {
        y[i] = mr.isMissing(i) ? Double.NaN : mr.isSelected(i, index) ? 1 : 0;
      }
    } else {
      throw new IllegalArgumentException("a proportion of " + variable + "=" + category
          + " needs a categorical or multiple-response variable; for a 0/1 numeric variable give no category");
    }
    return new Prepared(EstimateKind.PROPORTION, variable + "=" + category, y, null);
  }

  /**
   * The weighted mean of a numeric variable (missing values leave the base).
   *
   * @param variable a numeric variable
   * @param subgroup the respondents it is about (a domain: the whole design stays, as R's {@code subset})
   * @return the estimate
   */
  public Estimate mean(String variable, Filter subgroup) {
    return estimate(new Quantity.Mean(variable), subgroup);
  }

  /**
   * The weighted total of a numeric variable, an estimate of its population total when weights are scaled to the
   * population (missing values count as absent, as R's {@code na.rm = TRUE}).
   *
   * @param variable a numeric variable
   * @param subgroup the respondents it is about (a domain: the whole design stays, as R's {@code subset})
   * @return the estimate
   */
  public Estimate total(String variable, Filter subgroup) {
    return estimate(new Quantity.Total(variable), subgroup);
  }

  /**
   * The population variance of a numeric variable (R's {@code svyvar}): the weighted mean of
   * {@code n / (n - 1) (y - mean)^2}, with its standard error.
   *
   * @param variable a numeric variable
   * @param subgroup the respondents it is about (a domain: the whole design stays, as R's {@code subset})
   * @return the estimate
   */
  public Estimate variance(String variable, Filter subgroup) {
    return estimate(new Quantity.Variance(variable), subgroup);
  }

  /**
   * A quantile of a numeric variable with its Woodruff interval (R 4.x's {@code svyquantile} defaults,
   * {@code qrule = "math"}, {@code interval.type = "mean"}, {@code na.rm = TRUE}): the smallest value whose
   * weighted share of the subgroup's respondents at or below it is at least {@code probability}; the interval maps
   * the design-based confidence interval of that share back through the same rule, and the standard error is the
   * interval's width over twice the t quantile. A limit beyond the data is NaN, as in R, and so is the standard error.
   * The design effect is NaN; the degrees of freedom are the design's among the respondents with a value. On a
   * replicate-weight design the share's standard error is the replicates' (R's {@code svyquantile.svyrep.design}
   * with its default {@code interval.type = "mean"}).
   *
   * @param variable a numeric variable
   * @param probability the probability, in (0, 1] (0.5 for the median)
   * @param subgroup the respondents it is about (a domain: the whole design stays, as R's {@code subset})
   * @return the estimate, of kind {@link EstimateKind#QUANTILE} and quantity {@code variable:probability}
   * @throws IllegalArgumentException when the probability is outside (0, 1]
   */
  public Estimate quantile(String variable, double probability, Filter subgroup) {
    checkArgument(probability > 0 && probability <= 1, "a quantile's probability must be in (0, 1]: %s",
        probability);
    checkNotNull(subgroup, "subgroup");
    double[] y = values("number " + variable, () -> design.data().numeric(variable).copyValidValues());
    return Quantiles.estimate(design, level, variable, y, probability, subgroup);
  }

  /**
   * Several quantiles of a numeric variable in one subgroup, as {@link #quantile(String, double, Filter)} gives each
   * (R's {@code svyquantile(quantiles = c(...))}), with the subgroup's values selected and sorted once.
   *
   * @param variable a numeric variable
   * @param probabilities the probabilities, each in (0, 1]
   * @param subgroup the respondents they are about (a domain: the whole design stays, as R's {@code subset})
   * @return one estimate per probability, in the order given
   * @throws IllegalArgumentException when a probability is outside (0, 1] or none is given
   */
  public List<Estimate> quantiles(String variable, List<Double> probabilities, Filter subgroup) {
    checkArgument(!probabilities.isEmpty(), "quantiles of %s need at least one probability", variable);
    for (double probability : probabilities) {
      checkArgument(probability > 0 && probability <= 1, "a quantile's probability must be in (0, 1]: %s",
          probability);
    }
    checkNotNull(subgroup, "subgroup");
    double[] y = values("number " + variable, () -> design.data().numeric(variable).copyValidValues());
    return Quantiles.estimates(design, level, variable, y, List.copyOf(probabilities), subgroup);
  }

  /**
   * The ratio of the weighted totals of two numeric variables (respondents missing either leave the base).
   *
   * @param numerator the numerator variable
   * @param denominator the denominator variable
   * @param subgroup the respondents it is about (a domain: the whole design stays, as R's {@code subset})
   * @return the estimate
   */
  public Estimate ratio(String numerator, String denominator, Filter subgroup) {
    return estimate(new Quantity.Ratio(numerator, denominator), subgroup);
  }

  private Prepared ratio(String numerator, String denominator) {
    Dataset data = design.data();
    NumericVariable num = data.numeric(numerator);
    NumericVariable den = data.numeric(denominator);
    double[] y = num.copyValidValues();
    double[] x = den.copyValidValues();
    return new Prepared(EstimateKind.RATIO, numerator + "/" + denominator, y, x);
  }

  /**
   * One estimate for the whole sample, then one per category of a categorical variable (its domains).
   *
   * @param by the categorical variable
   * @param estimate the estimate to make for each domain, such as {@code d -> estimator.mean("age", d)}
   * @return {@code (all)} first, then the categories in order
   */
  public List<Estimate> byCategory(String by, java.util.function.Function<Filter, Estimate> estimate) {
    CategoricalVariable c = design.data().categorical(by);
    List<Estimate> out = new ArrayList<>();
    out.add(estimate.apply(Filter.all()));
    c.categories().forEach(category -> out.add(estimate.apply(Filter.category(by, category.code()))));
    return out;
  }

  private Prepared numeric(EstimateKind kind, String variable) {
    double[] y = values("number " + variable, () -> design.data().numeric(variable).copyValidValues());
    return new Prepared(kind, variable, y, null);
  }

  /** What an estimate is made of: the values (NaN where missing) and, for a ratio, the denominator's. */
  private record Prepared(EstimateKind kind, String label, double[] y, double @Nullable [] x) {}

  private Prepared prepare(Quantity quantity) {
    if (quantity instanceof Quantity.Proportion p) {
      String category = p.category();
      return category == null ? zeroOne(p.variable()) : category(p.variable(), category);
    } else if (quantity instanceof Quantity.Mean m) {
      return numeric(EstimateKind.MEAN, m.variable());
    } else if (quantity instanceof Quantity.Total t) {
      return numeric(EstimateKind.TOTAL, t.variable());
    } else if (quantity instanceof Quantity.Variance v) {
      return numeric(EstimateKind.VARIANCE, v.variable());
    }
    Quantity.Ratio r = (Quantity.Ratio) quantity;
    return ratio(r.numerator(), r.denominator());
  }

  /**
   * An estimate of a quantity in a subgroup.
   *
   * @param quantity what to estimate
   * @param subgroup the respondents it is about (a domain: the whole design stays, as R's {@code subset})
   * @return the estimate
   * @throws IllegalArgumentException as the method for that kind of quantity
   */
  public Estimate estimate(Quantity quantity, Filter subgroup) {
    if (quantity instanceof Quantity.Quantile q) {
      return quantile(q.variable(), q.probability(), subgroup);
    }
    Prepared prepared = prepare(checkNotNull(quantity, "quantity"));
    return linear(prepared.kind(), prepared.label(), checkNotNull(subgroup, "subgroup"), prepared.y(),
        prepared.x());
  }

  /**
   * The difference between a quantity's estimates in two subgroups (this year minus last, one area minus another),
   * with its design-based standard error and t test: R's {@code svycontrast} of the {@code svyby} estimates with
   * contrast {@code (1, -1)}, and the p-value of {@code svyttest} on the two subgroups' respondents. The subgroups
   * may overlap; their covariance comes from the design (linearisation or replicates).
   *
   * <p>Implementation note: the difference of two domain estimates {@code theta_a - theta_b} is linearised as
   * {@code z_a - z_b}, each domain's influence values as in {@link #estimate(Quantity, Filter)}; with replicates,
   * the difference is recomputed on each replicate. The t statistic is referred to Student's t on the design's
   * degrees of freedom among the respondents of either subgroup with a value, minus 1 (as {@code svyttest}).
   *
   * @param quantity what to estimate
   * @param first the first subgroup
   * @param second the second subgroup
   * @return the difference, first minus second
   * @throws IllegalArgumentException when a subgroup has no respondent with a value
   */
  public Difference difference(Quantity quantity, Filter first, Filter second) {
    checkArgument(!(quantity instanceof Quantity.Quantile), "differences of quantiles are not supported: %s",
        quantity);
    Prepared prepared = prepare(checkNotNull(quantity, "quantity"));
    checkArgument(prepared.kind() != EstimateKind.VARIANCE, "differences of variances are not supported: %s",
        quantity);
    double[] y = prepared.y();
    double[] x = prepared.x();
    boolean[] a = first.select(design.data());
    boolean[] b = second.select(design.data());
    int n = a.length;
    boolean total = prepared.kind() == EstimateKind.TOTAL;
    double ya = 0;
    double xa = 0;
    double yb = 0;
    double xb = 0;
    boolean[] either = new boolean[n];
    int count = 0;
    for (int i = 0; i < n; i++) {
      double w = design.weight(i);
      boolean valid = w > 0 && !Double.isNaN(y[i]) && (x == null || !Double.isNaN(x[i]));
      a[i] &= valid;
      b[i] &= valid;
      if (a[i]) {
        ya += w * y[i];
        xa += w * (x == null ? 1 : x[i]);
      }
      if (b[i]) {
        yb += w * y[i];
        xb += w * (x == null ? 1 : x[i]);
      }
      either[i] = a[i] || b[i];
      if (either[i]) {
        count++;
      }
    }
    checkArgument(xa != 0 && xb != 0, "no respondent of %s or of %s has a value of %s", first, second, quantity);
    double ta = total ? ya : ya / xa;
    double tb = total ? yb : yb / xb;
    double difference = ta - tb;
    double variance;
    if (design.replicates().isPresent()) {
      double[][] v = new double[4][n];
      for (int i = 0; i < n; i++) {
        double xi = x == null ? 1 : x[i];
        if (a[i]) {
          v[0][i] = y[i];
          v[1][i] = xi;
        }
        if (b[i]) {
          v[2][i] = y[i];
          v[3][i] = xi;
        }
      }
      double[][] t = design.replicateTotals(v);
      double[] thetas = new double[t[0].length];
      for (int r = 0; r < thetas.length; r++) {
        thetas[r] = total ? t[0][r] - t[2][r] : t[0][r] / t[1][r] - t[2][r] / t[3][r];
      }
      variance = design.replicateVariance(thetas, difference);
    } else {
      double[] z = new double[n];
      for (int i = 0; i < n; i++) {
        double w = design.weight(i);
        double xi = x == null ? 1 : x[i];
        if (a[i]) {
          z[i] += total ? w * y[i] : w * (y[i] - ta * xi) / xa;
        }
        if (b[i]) {
          z[i] -= total ? w * y[i] : w * (y[i] - tb * xi) / xb;
        }
      }
      variance = design.variance(z);
    }
    double se = Math.sqrt(variance);
    int df = design.degreesOfFreedom(either) - 1;
    double t = se > 0 ? difference / se : Double.NaN;
    double p = se > 0 && df >= 1
        ? Math.min(1, 2 * new org.apache.commons.math3.distribution.TDistribution(null, df)
            .cumulativeProbability(-Math.abs(t)))
        : Double.NaN;
    ConfidenceInterval ci = Intervals.of(IntervalMethod.WALD, level, difference, se, df, count, Double.NaN);
    return new Difference(quantity, first, second, difference, se, ci, df, t, p, count);
  }

  /* y (and x for a ratio) hold NaN where a respondent has no valid value. */
  private Estimate linear(EstimateKind kind, String quantity, Filter subgroup, double[] y, double @Nullable [] x) {
    boolean[] in = subgroup.select(design.data());
    // R's degf of the subgroup's design, before respondents without a value are dropped (as svyciprop)
    boolean[] domain = in.clone();
    int n = in.length;
    int count = 0;
    double sumW = 0;
    double sumW2 = 0;
    double sumWy = 0;
    double sumWx = 0;
    for (int i = 0; i < n; i++) {
      double w = design.weight(i);
      in[i] = in[i] && w > 0 && !Double.isNaN(y[i]) && (x == null || !Double.isNaN(x[i]));
      if (in[i]) {
        count++;
        sumW += w;
        sumW2 += w * w;
        sumWy += w * y[i];
        if (x != null) {
          sumWx += w * x[i];
        }
      }
    }
    if (count == 0) {
      // an empty cell of a table is a fact to show, not an error: no value, no uncertainty
      IntervalMethod none = kind == EstimateKind.PROPORTION ? method : IntervalMethod.WALD;
      return new Estimate(kind, quantity, subgroup, Double.NaN, Double.NaN,
          new ConfidenceInterval(Double.NaN, Double.NaN, none, level), 0, 0, 0, Double.NaN, 0);
    }
    double[] yOriginal = y;
    if (kind == EstimateKind.VARIANCE) {
      // R's svyvar: the mean of n / (n - 1) (y - mean)^2, n the subgroup's respondents in the sample (the rows of a
      // replicate design's subset with a value); its SE is that mean's, the centre taken as known
      double mean = sumWy / sumW;
      int nDomain = 0;
      for (int i = 0; i < n; i++) {
        if (domain[i] && design.weight(i) > 0) {
          nDomain++;
        }
      }
      double factor = design.replicates().isPresent() ? count / (count - 1.0) : nDomain / (nDomain - 1.0);
      double[] u = new double[n];
      sumWy = 0;
      for (int i = 0; i < n; i++) {
        if (in[i]) {
          double d = y[i] - mean;
          u[i] = d * d * factor;
          sumWy += design.weight(i) * u[i];
        }
      }
      y = u;
    }
    double value;
    double denominator;
    switch (kind) {
      case TOTAL -> {
        value = sumWy;
        denominator = 1;
      }
      case RATIO -> {
        checkArgument(sumWx != 0, "the denominator of %s sums to 0 in subgroup %s", quantity, subgroup);
        value = sumWy / sumWx;
        denominator = sumWx;
      }
      default -> {
        value = sumWy / sumW;
        denominator = sumW;
      }
    }
    // one pass builds the influence values z = w e and the sums of the design effect's unit variance of e
    double[] z = new double[n];
    double sumWe = 0;
    double sumWe2 = 0;
    for (int i = 0; i < n; i++) {
      if (in[i]) {
        double e = kind == EstimateKind.TOTAL ? y[i]
            : kind == EstimateKind.RATIO ? (y[i] - value * x[i]) / denominator : (y[i] - value) / denominator;
        double w = design.weight(i);
        z[i] = w * e;
        sumWe += w * e;
        sumWe2 += w * e * e;
      }
    }
    double variance = !design.replicates().isPresent() ? design.variance(z)
        : kind == EstimateKind.VARIANCE ? replicateVarianceOfVariance(in, yOriginal, count, value)
        : replicateVariance(kind, in, y, x, value);
    double se = Math.sqrt(variance);
    double deff = designEffect(count, sumW, sumWe, sumWe2, variance, scaledToSample);
    int df = design.degreesOfFreedom(domain);
    double kish = sumW * sumW / sumW2;
    IntervalMethod used = kind == EstimateKind.PROPORTION ? method : IntervalMethod.WALD;
    ConfidenceInterval ci = Intervals.of(used, level, value, se, df, count, kish);
    return new Estimate(kind, quantity, subgroup, value, se, ci, count, sumW, kish, deff, df);
  }

  /* R's svyvar on a replicate design: the variance recomputed with each replicate's weights, centre included. */
  private double replicateVarianceOfVariance(boolean[] in, double[] y, int count, double value) {
    int n = in.length;
    double[] yy = new double[n];
    double[] y1 = new double[n];
    double[] one = new double[n];
    for (int i = 0; i < n; i++) {
      if (in[i]) {
        yy[i] = y[i] * y[i];
        y1[i] = y[i];
        one[i] = 1;
      }
    }
    double[][] t = design.replicateTotals(yy, y1, one);
    double[] thetas = new double[t[0].length];
    for (int r = 0; r < thetas.length; r++) {
      double mean = t[1][r] / t[2][r];
      thetas[r] = count / (count - 1.0) * (t[0][r] / t[2][r] - mean * mean);
    }
    return design.replicateVariance(thetas, value);
  }

  /* The estimate recomputed with each replicate's weights: a total, or a ratio of two replicate totals. */
  private double replicateVariance(EstimateKind kind, boolean[] in, double[] y, double @Nullable [] x,
      double value) {
    int n = in.length;
    double[] num = new double[n];
    double[] den = new double[n];
    for (int i = 0; i < n; i++) {
      if (in[i]) {
        num[i] = y[i];
        den[i] = x == null ? 1 : x[i];
      }
    }
    double[] thetas;
    if (kind == EstimateKind.TOTAL) {
      thetas = design.replicateTotals(num)[0];
    } else {
      double[][] totals = design.replicateTotals(num, den);
      thetas = new double[totals[0].length];
      for (int r = 0; r < thetas.length; r++) {
        thetas[r] = totals[0][r] / totals[1][r];
      }
    }
    return design.replicateVariance(thetas, value);
  }

  /*
   * R's svymean(deff = TRUE): against simple random sampling without replacement of n from sum w, with the
   * weighted unit variance of e, n / (n - 1) sum w (e - mean e)^2 / sum w. When the design's weights sum to no
   * more than its sample (scaled to the sample size, as from margins given as shares), they say nothing of a
   * population to sample without replacement from, and R's formula divides by zero or less: the comparison is then
   * with sampling with replacement, R's svymean(deff = "replace"), in every domain alike.
   */
  private static double designEffect(int count, double sumW, double sumWe, double sumWe2, double variance,
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
}
