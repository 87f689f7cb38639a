package dev.insight.spark;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.jspecify.annotations.Nullable;

/**
 * A survey design over a Spark {@link Dataset}: the weight column and, optionally, strata and primary sampling
 * units (PSUs, nested in strata as in R {@code survey}'s {@code nest = TRUE}), as insight-stats' {@code
 * SurveyDesign} without a finite population correction.
 *
 * <p>Immutable.
 */
public final class SparkDesign {
  private final Dataset<Row> data;
  private final String weight;
  private final @Nullable String strata;
  private final @Nullable String cluster;

  private SparkDesign(Dataset<Row> data, String weight, @Nullable String strata, @Nullable String cluster) {
    this.data = data;
    this.weight = weight;
    this.strata = strata;
    this.cluster = cluster;
  }

  /**
   * A design with weights; each row is its own PSU in a single stratum until told otherwise.
   *
   * @param data the rows
   * @param weightColumn a numeric column of weights, 0 or more (rows of weight 0 are outside the sample)
   * @return the design
   * @throws IllegalArgumentException when the column is missing
   */
  public static SparkDesign of(Dataset<Row> data, String weightColumn) {
    checkNotNull(data, "data");
    column(data, weightColumn);
    return new SparkDesign(data, weightColumn, null, null);
  }

  /**
   * With strata.
   *
   * @param column the stratum column
   * @return a changed copy
   */
  public SparkDesign withStrata(String column) {
    column(data, column);
    return new SparkDesign(data, weight, column, cluster);
  }

  /**
   * With primary sampling units.
   *
   * @param column the PSU column
   * @return a changed copy
   */
  public SparkDesign withCluster(String column) {
    column(data, column);
    return new SparkDesign(data, weight, strata, column);
  }

  /**
   * With the same design on other rows (for example after raking added a weight column).
   *
   * @param rows the rows, with the design's columns
   * @param weightColumn the weight column
   * @return a changed copy
   */
  public SparkDesign on(Dataset<Row> rows, String weightColumn) {
    SparkDesign copy = of(rows, weightColumn);
    if (strata != null) {
      copy = copy.withStrata(strata);
    }
    return cluster == null ? copy : copy.withCluster(cluster);
  }

  /**
   * The rows.
   *
   * @return the data
   */
  public Dataset<Row> data() {
    return data;
  }

  /**
   * The weight column.
   *
   * @return its name
   */
  public String weight() {
    return weight;
  }

  /**
   * The stratum column.
   *
   * @return its name, empty for one stratum
   */
  public Optional<String> strata() {
    return Optional.ofNullable(strata);
  }

  /**
   * The PSU column.
   *
   * @return its name, empty when each row is its own PSU
   */
  public Optional<String> cluster() {
    return Optional.ofNullable(cluster);
  }

  static void column(Dataset<Row> data, String name) {
    checkNotNull(name, "column");
    checkArgument(Arrays.asList(data.columns()).contains(name), "column %s not found; the columns are %s", name,
        Arrays.toString(data.columns()));
  }

  @Override
  public String toString() {
    return "SparkDesign[weights " + weight + (strata == null ? "" : ", strata " + strata)
        + (cluster == null ? "" : ", PSUs " + cluster) + "]";
  }
}
