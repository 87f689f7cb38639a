package dev.insight.stats.estimate;

import static com.google.common.base.Preconditions.checkNotNull;

import org.jspecify.annotations.Nullable;

/**
 * What is estimated: a proportion, a mean, a total, a ratio or a variance of survey variables (R's {@code svymean},
 * {@code svytotal}, {@code svyratio}, {@code svyvar}), or a quantile ({@code svyquantile}).
 */
public sealed interface Quantity permits Quantity.Proportion, Quantity.Mean, Quantity.Total, Quantity.Ratio,
    Quantity.Variance, Quantity.Quantile {

  /**
   * The proportion of respondents with 1 in a 0/1 numeric variable ({@code category} null), or in a category of a
   * categorical variable or an option of a multiple-response one, among those who answered it.
   *
   * @param variable the variable
   * @param category the category or option code; null for a 0/1 variable
   */
  record Proportion(String variable, @Nullable String category) implements Quantity {
    /**
     * Validates the variable.
     *
     * @param variable the variable
     * @param category the category or option code; null for a 0/1 variable
     */
    public Proportion {
      checkNotNull(variable, "variable");
    }

    @Override
    public String toString() {
      return "proportion(" + variable + (category == null ? "" : "=" + category) + ")";
    }
  }

  /**
   * The weighted mean of a numeric variable.
   *
   * @param variable the variable
   */
  record Mean(String variable) implements Quantity {
    /**
     * Validates the variable.
     *
     * @param variable the variable
     */
    public Mean {
      checkNotNull(variable, "variable");
    }

    @Override
    public String toString() {
      return "mean(" + variable + ")";
    }
  }

  /**
   * The weighted total of a numeric variable.
   *
   * @param variable the variable
   */
  record Total(String variable) implements Quantity {
    /**
     * Validates the variable.
     *
     * @param variable the variable
     */
    public Total {
      checkNotNull(variable, "variable");
    }

    @Override
    public String toString() {
      return "total(" + variable + ")";
    }
  }

  /**
   * The ratio of the weighted totals of two numeric variables.
   *
   * @param numerator the numerator variable
   * @param denominator the denominator variable
   */
  record Ratio(String numerator, String denominator) implements Quantity {
    /**
     * Validates the variables.
     *
     * @param numerator the numerator variable
     * @param denominator the denominator variable
     */
    public Ratio {
      checkNotNull(numerator, "numerator");
      checkNotNull(denominator, "denominator");
    }

    @Override
    public String toString() {
      return "ratio(" + numerator + "/" + denominator + ")";
    }
  }

  /**
   * The population variance of a numeric variable (R's {@code svyvar}).
   *
   * @param variable the variable
   */
  record Variance(String variable) implements Quantity {
    /**
     * Validates the variable.
     *
     * @param variable the variable
     */
    public Variance {
      checkNotNull(variable, "variable");
    }

    @Override
    public String toString() {
      return "variance(" + variable + ")";
    }
  }

  /**
   * A quantile of a numeric variable (R's {@code svyquantile}): the smallest value whose weighted share of
   * respondents at or below it is at least {@code probability} (0.5 the median).
   *
   * @param variable the variable
   * @param probability the probability, in (0, 1]
   */
  record Quantile(String variable, double probability) implements Quantity {
    /**
     * Validates the variable and probability.
     *
     * @param variable the variable
     * @param probability the probability, in (0, 1]
     */
    public Quantile {
      checkNotNull(variable, "variable");
      com.google.common.base.Preconditions.checkArgument(probability > 0 && probability <= 1,
          "a quantile's probability must be in (0, 1]: %s", probability);
    }

    @Override
    public String toString() {
      return "quantile(" + variable + ":" + probability + ")";
    }
  }
}
