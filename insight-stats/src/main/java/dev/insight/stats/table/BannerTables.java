package dev.insight.stats.table;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.MultiResponseVariable;
import dev.insight.core.data.NumericVariable;
import dev.insight.core.data.Variable;
import dev.insight.stats.design.SurveyDesign;

/**
 * Computes banner tables.
 *
 * <p>The table takes the whole {@link SurveyDesign}: the Rao-Scott tests use its strata, clusters, finite
 * population correction and calibration (R {@code svychisq}); the column letters are design-based when the design
 * has strata or clusters, and use Kish effective bases for a weight-only design, as market-research tabulation does.
 */
public final class BannerTables {
  private BannerTables() {}

  /**
   * A table under a {@link SurveyDesign}: its weights for the figures and the column tests, its linearisation
   * (strata, clusters, fpc and any calibration) for the Rao-Scott tests. Respondents with weight 0 are outside
   * the sample and count nowhere.
   *
   * @param design the design
   * @param spec the table
   * @return the computed table
   * @throws IllegalArgumentException when a row or banner variable does not exist or has the wrong kind, a net
   *     names a code the variable does not have, or the filter is invalid or keeps nobody
   */
  public static BannerTable compute(SurveyDesign design, TableSpec spec) {
    checkNotNull(design, "design");
    checkNotNull(spec, "spec");
    return new TableEngine(design, spec).compute();
  }

  /**
   * The natural rows for a variable: categories of a single-choice question, options (percent of respondents) of
   * a multiple-response one, the mean of a numeric one.
   *
   * @param data the dataset
   * @param variable the variable name
   * @return the row specification
   * @throws IllegalArgumentException when there is no such variable, or it is text
   */
  public static RowSpec rowsFor(Dataset data, String variable) {
    checkArgument(data.has(variable), "row variable %s does not exist; the dataset has %s", variable,
        data.variableNames());
    Variable v = data.variable(variable);
    if (v instanceof CategoricalVariable) {
      return RowSpec.categories(variable);
    } else if (v instanceof MultiResponseVariable) {
      return RowSpec.options(variable);
    } else if (v instanceof NumericVariable) {
      return RowSpec.mean(variable);
    }
    throw new IllegalArgumentException("row variable " + variable + " is open text and cannot be tabulated");
  }
}
