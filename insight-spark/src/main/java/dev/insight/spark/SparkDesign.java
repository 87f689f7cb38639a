package dev.insight.spark;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.stats.design.LonelyPsu;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.jspecify.annotations.Nullable;

/**
 * A survey design over a Spark {@link Dataset}: the weight column and, optionally, strata, primary sampling units
 * (PSUs, nested in strata as in R {@code survey}'s {@code nest = TRUE}), a finite population correction and a second
 * sampling stage, with a lonely-PSU policy, as insight-stats' {@code SurveyDesign}. A design made by {@link
 * SparkRaking} remembers the raking, and its variances take it into account as insight-stats' do.
 *
 * <p>Immutable.
 */
public final class SparkDesign {
  private final Dataset<Row> data;
  private final String weight;
  private final @Nullable String strata;
  private final @Nullable String cluster;
  private final @Nullable String fpc;
  private final @Nullable String cluster2;
  private final @Nullable String fpc2;
  private final LonelyPsu lonely;
  private final List<SparkCalibration> calibrations;

  private SparkDesign(Dataset<Row> data, String weight, @Nullable String strata, @Nullable String cluster,
      @Nullable String fpc, @Nullable String cluster2, @Nullable String fpc2, LonelyPsu lonely,
      List<SparkCalibration> calibrations) {
    this.data = data;
    this.weight = weight;
    this.strata = strata;
    this.cluster = cluster;
    this.fpc = fpc;
    this.cluster2 = cluster2;
    this.fpc2 = fpc2;
    this.lonely = lonely;
    this.calibrations = List.copyOf(calibrations);
  }

  /**
   * A design with weights; each row is its own PSU in a single stratum, sampled with replacement, until told
   * otherwise.
   *
   * @param data the rows
   * @param weightColumn a numeric column of weights, above 0
   * @return the design
   * @throws IllegalArgumentException when the column is missing
   */
  public static SparkDesign of(Dataset<Row> data, String weightColumn) {
    checkNotNull(data, "data");
    column(data, weightColumn);
    return new SparkDesign(data, weightColumn, null, null, null, null, null, LonelyPsu.FAIL, List.of());
  }

  /**
   * With strata.
   *
   * @param column the stratum column
   * @return a changed copy
   */
  public SparkDesign withStrata(String column) {
    column(data, column);
    return new SparkDesign(data, weight, column, cluster, fpc, cluster2, fpc2, lonely, calibrations);
  }

  /**
   * With primary sampling units.
   *
   * @param column the PSU column
   * @return a changed copy
   */
  public SparkDesign withCluster(String column) {
    column(data, column);
    return new SparkDesign(data, weight, strata, column, fpc, cluster2, fpc2, lonely, calibrations);
  }

  /**
   * With a finite population correction (R's {@code fpc}): a numeric column holding, per stratum, the number of
   * PSUs in the population (values above 1) or the sampling fraction (values up to 1). The same value must be
   * given on every row of a stratum.
   *
   * @param column the fpc column
   * @return a changed copy
   */
  public SparkDesign withFpc(String column) {
    column(data, column);
    return new SparkDesign(data, weight, strata, cluster, column, cluster2, fpc2, lonely, calibrations);
  }

  /**
   * With a second sampling stage (R's {@code id = ~psu + ssu, fpc = ~f1 + f2}): the column identifies each row's
   * second-stage unit within its PSU, and the optional fpc column holds, per PSU, the number of second-stage units
   * in its population (values above 1) or the sampling fraction. As in R and insight-stats, the second stage adds to
   * the variance only when the first stage has an fpc; without one the first stage's (ultimate cluster) variance is
   * the whole.
   *
   * @param column the second-stage unit column
   * @param fpcColumn the second-stage fpc column, or null for sampling with replacement within PSUs
   * @return a changed copy
   */
  public SparkDesign withSecondStage(String column, @Nullable String fpcColumn) {
    column(data, column);
    if (fpcColumn != null) {
      column(data, fpcColumn);
    }
    return new SparkDesign(data, weight, strata, cluster, fpc, column, fpcColumn, lonely, calibrations);
  }

  /**
   * With a policy for a stratum with a single PSU (and, with two stages, a PSU with a single second-stage unit),
   * as insight-stats' designs and R's {@code survey.lonely.psu}; the default {@link LonelyPsu#FAIL} stops the
   * estimate naming the stratum.
   *
   * @param policy the policy
   * @return a changed copy
   */
  public SparkDesign withLonelyPsu(LonelyPsu policy) {
    return new SparkDesign(data, weight, strata, cluster, fpc, cluster2, fpc2, checkNotNull(policy, "policy"),
        calibrations);
  }

  /**
   * The same sampling design (strata, PSUs, fpc, stages, lonely-PSU policy) on other rows and weights. A raking of
   * this design is not carried over: it holds for the rows it was made on; rake the new rows with {@link
   * SparkRaking}.
   *
   * @param rows the rows, with the design's columns
   * @param weightColumn the weight column
   * @return a changed copy
   */
  public SparkDesign on(Dataset<Row> rows, String weightColumn) {
    return on(rows, weightColumn, List.of());
  }

  private SparkDesign on(Dataset<Row> rows, String weightColumn, List<SparkCalibration> kept) {
    SparkDesign copy = of(rows, weightColumn);
    for (String name : Arrays.asList(strata, cluster, fpc, cluster2, fpc2)) {
      if (name != null) {
        column(rows, name);
      }
    }
    return new SparkDesign(rows, weightColumn, strata, cluster, fpc, cluster2, fpc2, lonely, kept);
  }

  /* This design on its raked rows, remembering the raking (after any earlier ones) for its variances. */
  SparkDesign raked(Dataset<Row> rows, String weightColumn, SparkCalibration calibration) {
    List<SparkCalibration> all = new ArrayList<>(calibrations);
    all.add(calibration);
    return on(rows, weightColumn, all);
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

  /**
   * The finite population correction column.
   *
   * @return its name, empty for sampling with replacement
   */
  public Optional<String> fpc() {
    return Optional.ofNullable(fpc);
  }

  /**
   * The second-stage unit column.
   *
   * @return its name, empty for a single stage
   */
  public Optional<String> secondStage() {
    return Optional.ofNullable(cluster2);
  }

  /**
   * The second stage's fpc column.
   *
   * @return its name, empty when there is none
   */
  public Optional<String> secondStageFpc() {
    return Optional.ofNullable(fpc2);
  }

  /**
   * The lonely-PSU policy.
   *
   * @return the policy, {@link LonelyPsu#FAIL} unless given
   */
  public LonelyPsu lonelyPsu() {
    return lonely;
  }

  /**
   * Whether the weights were raked, so variances take the raking into account.
   *
   * @return true for a design made by {@link SparkRaking}
   */
  public boolean isCalibrated() {
    return !calibrations.isEmpty();
  }

  List<SparkCalibration> calibrations() {
    return calibrations;
  }

  /*
   * The checks insight-stats' design makes when it is built, in the same words: a second stage needs a first, a
   * second-stage fpc a second stage, and with a first-stage fpc the second stage needs its own.
   */
  void checkStages() {
    if (cluster2 != null) {
      checkArgument(cluster != null, "a second-stage cluster %s needs a first-stage cluster", cluster2);
    } else {
      checkArgument(fpc2 == null, "a second-stage fpc %s needs a second-stage cluster", fpc2);
    }
    checkArgument(cluster2 == null || fpc == null || fpc2 != null, "with a first-stage fpc, the second stage %s "
        + "needs its fpc too (as R requires)", cluster2);
  }

  /* Whether the second stage adds to variances: a second stage under a first-stage fpc, as R. */
  boolean twoStages() {
    return cluster2 != null && fpc != null && cluster != null;
  }

  static void column(Dataset<Row> data, String name) {
    checkNotNull(name, "column");
    checkArgument(Arrays.asList(data.columns()).contains(name), "column %s not found; the columns are %s", name,
        Arrays.toString(data.columns()));
  }

  @Override
  public String toString() {
    return "SparkDesign[weights " + weight + (strata == null ? "" : ", strata " + strata)
        + (cluster == null ? "" : ", PSUs " + cluster) + (fpc == null ? "" : ", fpc " + fpc)
        + (cluster2 == null ? "" : ", second-stage units " + cluster2) + (fpc2 == null ? "" : ", fpc " + fpc2)
        + (lonely == LonelyPsu.FAIL ? "" : ", lonely PSUs " + lonely)
        + (calibrations.isEmpty() ? "" : ", raked " + calibrations.size() + " time(s)") + "]";
  }
}
