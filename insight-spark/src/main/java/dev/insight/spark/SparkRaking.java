package dev.insight.spark;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.insight.core.data.Category;
import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.NumericVariable;
import dev.insight.stats.design.SurveyDesign;
import dev.insight.stats.design.Margin;
import dev.insight.stats.design.Raking;
import dev.insight.stats.design.WeightingReport;
import dev.insight.stats.design.WeightingResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Raking of a {@link SparkDesign}'s weights to margins, with insight-stats' {@link Raking} doing the iterations.
 *
 * <p>Implementation note: a respondent's raking factor depends only on their cell in the cross-classification of
 * the weighting variables. Spark sums the starting weights into those cells (one aggregation; a few hundred cells
 * for a national survey's age, sex and region); the driver rakes the cells with insight-stats, one cell standing
 * for all its respondents with their summed weight, which gives the same factors as raking the respondents; the
 * factors are joined back to the rows (a broadcast join, no shuffle of the rows) and multiply the starting weights.
 * The weights equal insight-stats' raking of the same rows to 1e-9 (the tests check it). The raked design
 * remembers the raking, so {@link SparkEstimator}'s standard errors take it into account as insight-stats' do.
 *
 * <p>Immutable.
 */
public final class SparkRaking {
  private final List<Margin> margins;
  private final double tolerance;
  private final int maxIterations;

  private SparkRaking(List<Margin> margins, double tolerance, int maxIterations) {
    this.margins = List.copyOf(margins);
    this.tolerance = tolerance;
    this.maxIterations = maxIterations;
  }

  /**
   * Raking to margins with insight-stats' defaults (tolerance 1e-9, at most 1000 sweeps).
   *
   * @param margins the margins; each names a column of the rows
   * @return the procedure
   */
  public static SparkRaking of(List<Margin> margins) {
    checkArgument(!margins.isEmpty(), "raking needs at least one margin");
    return new SparkRaking(margins, 1e-9, 1000);
  }

  /**
   * With a convergence tolerance.
   *
   * @param value the largest relative gap accepted, above 0
   * @return a changed copy
   */
  public SparkRaking withTolerance(double value) {
    checkArgument(value > 0 && Double.isFinite(value), "tolerance must be above 0: %s", value);
    return new SparkRaking(margins, value, maxIterations);
  }

  /**
   * With an iteration limit.
   *
   * @param value the most sweeps, at least 1
   * @return a changed copy
   */
  public SparkRaking withMaxIterations(int value) {
    checkArgument(value >= 1, "max iterations must be at least 1: %s", value);
    return new SparkRaking(margins, tolerance, value);
  }

  /** The raked rows and the report. */
  public record Result(SparkDesign design, WeightingReport report) {
    /**
     * Checks the parts.
     *
     * @param design the design on the raked rows, weighted by the new column and remembering the raking
     * @param report what the raking did, with the rows' weight statistics
     */
    public Result {
      checkNotNull(design, "design");
      checkNotNull(report, "report");
    }
  }

  /**
   * Rakes the design's weights.
   *
   * @param design the design; its weights are the starting weights
   * @param weightColumn the name of the new weight column
   * @return the rows with the raked weights in the new column, and the report
   * @throws IllegalArgumentException as insight-stats' raking: a missing value in a weighting variable, a category
   *     with no target or a target with no respondents, naming them
   * @throws dev.insight.stats.design.WeightingNotConvergedException when the targets are not met
   */
  public Result apply(SparkDesign design, String weightColumn) {
    org.apache.spark.sql.Dataset<Row> data = design.data();
    checkArgument(!Arrays.asList(data.columns()).contains(weightColumn), "column %s already exists", weightColumn);
    List<String> variables = margins.stream().map(Margin::variable).toList();
    variables.forEach(v -> SparkDesign.column(data, v));
    Column w = col(design.weight()).cast(DataTypes.DoubleType);
    Column[] keys = variables.stream().map(v -> col(v).cast(DataTypes.StringType).as(v)).toArray(Column[]::new);
    List<Row> cells = data.groupBy(keys).agg(sum(w).as("_w"), sum(when(w.isNull().or(
        org.apache.spark.sql.functions.isnan(w)).or(w.leq(0)), 1L).otherwise(0L)).as("_bad")).collectAsList();
    long bad = cells.stream().mapToLong(r -> r.getLong(variables.size() + 1)).sum();
    // as insight-stats: starting weights above 0
    checkArgument(bad == 0, "weight column %s: %s rows are missing, NaN, 0 or below; starting weights must be above 0",
        design.weight(), bad);
    int m = variables.size();
    List<String> ids = new ArrayList<>();
    double[] cellWeight = new double[cells.size()];
    for (int c = 0; c < cells.size(); c++) {
      StringBuilder id = new StringBuilder("cell");
      for (int v = 0; v < m; v++) {
        id.append(v == 0 ? " " : ", ").append(variables.get(v)).append('=').append(cells.get(c).getString(v));
      }
      ids.add(id.toString());
      cellWeight[c] = cells.get(c).getDouble(m);
    }
    Dataset.Builder builder = Dataset.builder(ids);
    for (int v = 0; v < m; v++) {
      Margin margin = margins.get(v);
      Set<String> codes = new LinkedHashSet<>(margin.targets().keySet());
      Set<String> seen = new TreeSet<>();
      for (Row cell : cells) {
        if (!cell.isNullAt(v)) {
          seen.add(cell.getString(v));
        }
      }
      codes.addAll(seen);
      List<Category> categories = codes.stream().map(Category::of).toList();
      CategoricalVariable.Builder variable = CategoricalVariable.builder(margin.variable(), null, categories);
      for (Row cell : cells) {
        if (cell.isNullAt(v)) {
          variable.addMissing();
        } else {
          variable.addCode(cell.getString(v));
        }
      }
      builder.add(variable.build());
    }
    builder.add(NumericVariable.of("_w", null, cellWeight));
    SurveyDesign cellDesign = SurveyDesign.builder(builder.build()).weights("_w").build();
    WeightingResult raked = Raking.of(margins).withTolerance(tolerance).withMaxIterations(maxIterations)
        .apply(cellDesign);
    List<Row> factors = new ArrayList<>();
    for (int c = 0; c < cells.size(); c++) {
      Object[] values = new Object[m + 1];
      for (int v = 0; v < m; v++) {
        values[v] = cells.get(c).get(v);
      }
      values[m] = raked.design().weight(c) / cellWeight[c];
      factors.add(RowFactory.create(values));
    }
    StructType schema = new StructType();
    for (String v : variables) {
      schema = schema.add("_k_" + v, DataTypes.StringType, true);
    }
    schema = schema.add("_factor", DataTypes.DoubleType, false);
    org.apache.spark.sql.Dataset<Row> table = data.sparkSession().createDataFrame(factors, schema);
    Column on = lit(true);
    for (String v : variables) {
      on = on.and(col(v).cast(DataTypes.StringType).equalTo(col("_k_" + v)));
    }
    org.apache.spark.sql.Dataset<Row> joined = data.join(broadcast(table), on, "left");
    org.apache.spark.sql.Dataset<Row> out = joined
        .withColumn(weightColumn, w.multiply(col("_factor")))
        .drop(schema.fieldNames());
    WeightingReport cellReport = raked.report();
    Row stats = out.agg(count(lit(1)), min(col(weightColumn)),
        max(col(weightColumn)), sum(col(weightColumn)), sum(col(weightColumn).multiply(col(weightColumn)))).first();
    long n = stats.getLong(0);
    double sumW = n == 0 ? 0 : stats.getDouble(3);
    double sumW2 = n == 0 ? 0 : stats.getDouble(4);
    WeightingReport report = new WeightingReport("rake", cellReport.converged(), cellReport.iterations(),
        cellReport.largestGap(), cellReport.largestGapAt(), Math.toIntExact(n), 0,
        n == 0 ? Double.NaN : stats.getDouble(1), n == 0 ? Double.NaN : stats.getDouble(2), sumW,
        n == 0 ? Double.NaN : 100 * sumW * sumW / (n * sumW2), n == 0 ? 0 : sumW * sumW / sumW2);
    // the raking, for the variances: each cell's category of each margin, in the margin's target order
    int[] categoryCounts = new int[m];
    List<List<String>> targetCodes = new ArrayList<>();
    for (int v = 0; v < m; v++) {
      targetCodes.add(List.copyOf(margins.get(v).targets().keySet()));
      categoryCounts[v] = targetCodes.get(v).size();
    }
    Map<List<String>, int[]> cellCategories = new HashMap<>();
    for (Row cell : cells) {
      List<String> key = new ArrayList<>(m);
      int[] categories = new int[m];
      for (int v = 0; v < m; v++) {
        key.add(cell.getString(v));
        categories[v] = targetCodes.get(v).indexOf(cell.getString(v));
      }
      cellCategories.put(key, categories);
    }
    SparkCalibration calibration = new SparkCalibration(variables, weightColumn, cellCategories, categoryCounts);
    return new Result(design.raked(out, weightColumn, calibration), report);
  }

  @Override
  public String toString() {
    return "SparkRaking[" + margins.size() + " margins, tolerance " + tolerance + ", max " + maxIterations + "]";
  }
}
