package dev.insight.stats.table;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.MultiResponseVariable;
import dev.insight.core.data.NumericVariable;
import dev.insight.core.data.Variable;
import dev.insight.stats.design.SurveyDesign;
import dev.insight.stats.test.DesignColumns;
import dev.insight.stats.test.RaoScott;
import java.util.Arrays;

/**
 * Computes banner tables.
 *
 * <p>Weights are fixed per-respondent weights; with a {@link DesignColumns} that also carries strata, clusters
 * and a finite population correction, the Rao-Scott tests use the full design (R {@code svychisq}); the column
 * tests use Kish effective bases, as market-research tabulation does (see {@link dev.insight.stats.test.ColumnTests}).
 */
public final class BannerTables {
  private BannerTables() {}

  /**
   * A table with every respondent weighing 1.
   *
   * @param data the survey data
   * @param spec the table
   * @return the computed table
   * @throws IllegalArgumentException as {@link #compute(Dataset, DesignColumns, TableSpec)}
   */
  public static BannerTable unweighted(Dataset data, TableSpec spec) {
    double[] ones = new double[data.rowCount()];
    Arrays.fill(ones, 1);
    return compute(data, DesignColumns.ofWeights(ones), spec);
  }

  /**
   * A table with fixed weights (R's {@code svydesign(ids = ~1, weights = ~w)}).
   *
   * @param data the survey data
   * @param weights one weight per row, finite and positive
   * @param spec the table
   * @return the computed table
   * @throws IllegalArgumentException when a weight is NaN, infinite, zero or negative (naming the row and
   *     respondent), or as {@link #compute(Dataset, DesignColumns, TableSpec)}
   */
  public static BannerTable compute(Dataset data, double[] weights, TableSpec spec) {
    checkArgument(weights.length == data.rowCount(), "weights: %s values for %s respondents", weights.length,
        data.rowCount());
    for (int row = 0; row < weights.length; row++) {
      double w = weights[row];
      if (!(Double.isFinite(w) && w > 0)) {
        throw new IllegalArgumentException("weights: respondent " + data.id(row).value() + " (row " + row
            + ") has weight " + w + "; weights must be finite and positive");
      }
    }
    return compute(data, DesignColumns.ofWeights(weights), spec);
  }

  /**
   * A table under a sample design.
   *
   * @param data the survey data
   * @param design weights (and optionally strata, clusters, fpc) in the data's row order
   * @param spec the table
   * @return the computed table
   * @throws IllegalArgumentException when a row or banner variable does not exist or has the wrong kind, a net
   *     names a code the variable does not have, the filter is invalid or keeps nobody, or the design's length
   *     differs from the data's
   */
  public static BannerTable compute(Dataset data, DesignColumns design, TableSpec spec) {
    checkNotNull(data, "data");
    checkNotNull(spec, "spec");
    checkArgument(design.size() == data.rowCount(), "design has %s rows but the data has %s", design.size(),
        data.rowCount());
    return new TableEngine(data, design.weights(), null, TableEngine.Association.of(design), spec).compute();
  }

  /**
   * A table under a {@link SurveyDesign}: its weights for the figures and the column tests, its linearisation
   * (strata, clusters, fpc and any calibration) for the Rao-Scott tests. Respondents with weight 0 are outside
   * the sample and count nowhere.
   *
   * @param design the design
   * @param spec the table
   * @return the computed table
   * @throws IllegalArgumentException as {@link #compute(Dataset, DesignColumns, TableSpec)}
   */
  public static BannerTable compute(SurveyDesign design, TableSpec spec) {
    checkNotNull(design, "design");
    checkNotNull(spec, "spec");
    int n = design.rowCount();
    boolean[] inSample = new boolean[n];
    for (int i = 0; i < n; i++) {
      inSample[i] = design.inSample(i);
    }
    TableEngine.Association association = (r, nr, c, nc, keep) -> RaoScott.test(design, r, nr, c, nc, keep);
    return new TableEngine(design.data(), design.weights(), inSample, association, spec).compute();
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
