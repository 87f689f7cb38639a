package dev.insight.spark;

import static com.google.common.base.Preconditions.checkArgument;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.insight.stats.design.LonelyPsu;
import dev.insight.stats.internal.RakingResiduals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The linearisation step of {@link SparkEstimator}: weighted influence values residualised on the design's
 * rakings, summed within second-stage units, PSUs and strata by Spark, finished on the driver as insight-stats'
 * {@code SurveyDesign.variance} (R {@code svyrecvar}), with the design's fpc and lonely-PSU policy.
 *
 * <p>Implementation note: a raking's residuals are {@code z_i - w_i a_c} with one adjustment per cell of the
 * weighting variables ({@link RakingResiduals}); one aggregation by cell sums {@code z / w} and counts the rows,
 * the driver runs the backfitting sweeps on those sums, and the adjustments go back to the rows through a
 * broadcast join. Every sum is a mergeable aggregate; what reaches the driver is a few numbers per cell and per
 * stratum.
 */
final class SparkVariance {
  /** Below this a finite population correction is taken as 0: a PSU taken with certainty (as insight-stats). */
  private static final double CERTAIN = 1e-7;

  private SparkVariance() {}

  /** One estimate's linearisation: its variance and what its design effect and degrees of freedom need. */
  record Sums(double variance, double sumWe, double sumWe2, int psusIn, int strataIn) {}

  /**
   * The variances of several estimated totals.
   *
   * @param design the design
   * @param z per estimate, each row's weighted influence value (0 outside the domain)
   * @param in per estimate, whether a row is in the domain (1) or not (0), for the degrees of freedom
   * @param ze per estimate, each row's {@code w e^2} (with {@code z = w e}, the design effect's unit variance)
   * @return per estimate, its sums
   */
  static List<Sums> of(SparkDesign design, List<Column> z, List<Column> in, List<Column> ze) {
    design.checkStages();
    int k = z.size();
    Dataset<Row> rows = design.data();
    List<Column> residual = new ArrayList<>(z);
    int round = 0;
    for (SparkCalibration calibration : design.calibrations()) {
      rows = residualise(rows, residual, calibration, round++);
    }
    boolean clustered = design.cluster().isPresent();
    boolean twoStages = design.twoStages();
    LonelyPsu lonely = design.lonelyPsu();
    // R's average policy counts the strata an estimate touches: those with an influence value other than 0
    boolean average = lonely == LonelyPsu.AVERAGE;
    Column stratum = design.strata().map(s -> col(s).cast(DataTypes.StringType)).orElse(lit("(all)"));
    Column f1 = design.fpc().map(f -> col(f).cast(DataTypes.DoubleType)).orElse(lit(1.0));
    List<Column> select = new ArrayList<>();
    select.add(stratum.as("_stratum"));
    if (clustered) {
      select.add(col(design.cluster().get()).cast(DataTypes.StringType).as("_psu"));
    }
    if (twoStages) {
      select.add(col(design.secondStage().get()).cast(DataTypes.StringType).as("_ssu"));
    }
    for (int j = 0; j < k; j++) {
      select.add(residual.get(j).as("_z" + j));
      select.add(in.get(j).as("_in" + j));
      select.add(ze.get(j).as("_ze" + j));
      // the design effect's unit variance takes the influence values before any residuals
      select.add(z.get(j).as("_we" + j));
      if (average) {
        select.add(when(residual.get(j).notEqual(0), 1L).otherwise(0L).as("_nz" + j));
      }
    }
    select.add(f1.as("_f1lo"));
    select.add(f1.as("_f1hi"));
    select.add(invalid(f1).as("_f1bad"));
    if (twoStages) {
      Column f2 = design.secondStageFpc().map(f -> col(f).cast(DataTypes.DoubleType)).orElse(lit(1.0));
      select.add(f2.as("_f2lo"));
      select.add(f2.as("_f2hi"));
      select.add(invalid(f2).as("_f2bad"));
      select.add(col(design.secondStage().get()).isNull().cast(DataTypes.LongType).as("_ssunull"));
    }
    Dataset<Row> units = rows.select(select.toArray(Column[]::new));
    if (twoStages) {
      // second-stage units' totals, then per PSU the spread of its units' totals
      units = units.groupBy(col("_stratum"), col("_psu"), col("_ssu")).agg(first(unitSums(k, true, false,
          average)), rest(unitSums(k, true, false, average)));
      units = units.groupBy(col("_stratum"), col("_psu")).agg(first(unitSums(k, true, true, average)),
          rest(unitSums(k, true, true, average)));
      Column m = col("_m").cast(DataTypes.DoubleType);
      Column population = when(col("_f2hi").gt(1), col("_f2hi")).otherwise(m.divide(col("_f2hi")));
      Column finite2 = population.minus(m).divide(population);
      units = units.withColumn("_f2pop", population).withColumn("_f2fin", finite2);
      for (int j = 0; j < k; j++) {
        Column t = col("_z" + j);
        // a PSU with one second-stage unit: nothing when taken with certainty, else as the lonely-PSU policy
        Column single = lonely == LonelyPsu.ADJUST ? finite2.multiply(col("_tt" + j))
            : lonely == LonelyPsu.AVERAGE ? lit(Double.NaN) : lit(0.0);
        units = units.withColumn("_g" + j, when(col("_m").gt(1), finite2.multiply(m).divide(m.minus(1))
            .multiply(col("_tt" + j).minus(t.multiply(t).divide(m)))).when(finite2.lt(CERTAIN), 0.0)
            .otherwise(single));
      }
    } else if (clustered) {
      units = units.groupBy(col("_stratum"), col("_psu")).agg(first(unitSums(k, false, false, average)),
          rest(unitSums(k, false, false, average)));
    }
    List<Column> byStratum = new ArrayList<>();
    byStratum.add(count(lit(1)).as("_psus"));
    for (int j = 0; j < k; j++) {
      byStratum.add(sum(col("_z" + j)).as("_sz" + j));
      byStratum.add(sum(col("_z" + j).multiply(col("_z" + j))).as("_szz" + j));
      byStratum.add(sum(col("_in" + j).cast(DataTypes.LongType)).as("_sin" + j));
      byStratum.add(sum(col("_ze" + j)).as("_sze" + j));
      byStratum.add(sum(col("_we" + j)).as("_swe" + j));
      if (twoStages) {
        byStratum.add(sum(col("_g" + j)).as("_sg" + j));
      }
      if (average) {
        byStratum.add(sum(col("_nz" + j)).as("_snz" + j));
      }
    }
    byStratum.add(min(col("_f1lo")).as("_f1lo"));
    byStratum.add(max(col("_f1hi")).as("_f1hi"));
    byStratum.add(sum(col("_f1bad")).as("_f1bad"));
    if (twoStages) {
      byStratum.add(sum(col("_f2bad")).as("_f2bad"));
      byStratum.add(sum(col("_ssunull")).as("_ssunull"));
      byStratum.add(sum(when(col("_f2lo").notEqual(col("_f2hi")), 1L).otherwise(0L)).as("_f2differ"));
      byStratum.add(sum(when(col("_f2pop").lt(col("_m").minus(1e-9)), 1L).otherwise(0L)).as("_f2small"));
      byStratum.add(sum(when(col("_m").equalTo(1).and(col("_f2fin").geq(CERTAIN)), 1L).otherwise(0L))
          .as("_lonely2"));
    }
    List<Row> strata = new ArrayList<>(units.groupBy(col("_stratum")).agg(first(byStratum), rest(byStratum))
        .collectAsList());
    strata.sort(Comparator.comparing(r -> r.<String>getAs("_stratum")));
    double[] scale = new double[strata.size()];
    boolean[] centred = new boolean[strata.size()];
    boolean[] averaged = new boolean[strata.size()];
    boolean anyAveraged = false;
    double[] fraction = new double[strata.size()];
    for (int h = 0; h < strata.size(); h++) {
      Row s = strata.get(h);
      String name = s.getAs("_stratum");
      long psus = s.<Long>getAs("_psus");
      double finite = 1;
      if (design.fpc().isPresent()) {
        String f = design.fpc().get();
        long bad = s.<Long>getAs("_f1bad");
        checkArgument(bad == 0, "fpc %s is missing, not a finite number above 0 in %s rows of stratum %s: it must "
            + "be a population size (> 1) or a sampling fraction in (0, 1]", f, bad, name);
        double lo = s.<Double>getAs("_f1lo");
        double hi = s.<Double>getAs("_f1hi");
        checkArgument(lo == hi, "fpc %s differs within stratum %s: %s and %s", f, name, lo, hi);
        double population = hi > 1 ? hi : psus / hi;
        checkArgument(population >= psus, "fpc %s of stratum %s says %s units in the population but the sample "
            + "has %s", f, name, population, psus);
        finite = (population - psus) / population;
      }
      centred[h] = true;
      if (psus > 1) {
        scale[h] = finite * psus / (psus - 1.0);
      } else if (finite >= CERTAIN) {
        // one PSU not taken with certainty: as the lonely-PSU policy (REMOVE and CERTAINTY: nothing)
        checkArgument(lonely != LonelyPsu.FAIL, "stratum %s has only one primary sampling unit, so its variance "
            + "cannot be estimated (choose a lonely-PSU policy: remove, adjust, average or certainty)", name);
        if (lonely == LonelyPsu.ADJUST) {
          scale[h] = finite;
          centred[h] = false;
        } else if (lonely == LonelyPsu.AVERAGE) {
          averaged[h] = true;
          anyAveraged = true;
        }
      }
      fraction[h] = 1 - finite;
      if (twoStages) {
        checkSecondStage(design, s, name, lonely);
      }
    }
    List<Sums> out = new ArrayList<>(k);
    for (int j = 0; j < k; j++) {
      double variance = 0;
      double second = 0;
      int present = 0;
      int notAveraged = 0;
      double sumWe = 0;
      double sumWe2 = 0;
      int psusIn = 0;
      int strataIn = 0;
      for (int h = 0; h < strata.size(); h++) {
        Row s = strata.get(h);
        long psus = s.<Long>getAs("_psus");
        double sz = s.<Double>getAs("_sz" + j);
        double szz = s.<Double>getAs("_szz" + j);
        long inDomain = s.<Long>getAs("_sin" + j);
        sumWe += s.<Double>getAs("_swe" + j);
        sumWe2 += s.<Double>getAs("_sze" + j);
        if (scale[h] != 0) {
          variance += scale[h] * (centred[h] ? Math.max(0, szz - sz * sz / psus) : szz);
        }
        if (twoStages) {
          second += fraction[h] * s.<Double>getAs("_sg" + j);
        }
        if (anyAveraged && s.<Long>getAs("_snz" + j) > 0) {
          present++;
          notAveraged += averaged[h] ? 0 : 1;
        }
        psusIn += (int) inDomain;
        strataIn += inDomain > 0 ? 1 : 0;
      }
      // R's average policy: the others' sum times (strata touched) / (strata touched that are not lonely)
      double factor = !anyAveraged ? 1 : notAveraged == 0 ? Double.NaN : present / (double) notAveraged;
      out.add(new Sums(variance * factor + second, sumWe, sumWe2, psusIn, strataIn));
    }
    return out;
  }

  private static void checkSecondStage(SparkDesign design, Row s, String name, LonelyPsu lonely) {
    String unit = design.secondStage().orElseThrow();
    String f = design.secondStageFpc().orElseThrow();
    long nulls = s.<Long>getAs("_ssunull");
    checkArgument(nulls == 0, "second-stage cluster column %s is missing in %s rows of stratum %s", unit, nulls,
        name);
    long bad = s.<Long>getAs("_f2bad");
    checkArgument(bad == 0, "second-stage fpc %s is missing, not a finite number above 0 in %s rows of stratum %s: "
        + "it must be a population size (> 1) or a sampling fraction in (0, 1]", f, bad, name);
    long differ = s.<Long>getAs("_f2differ");
    checkArgument(differ == 0, "second-stage fpc %s differs within %s primary sampling units of stratum %s", f,
        differ, name);
    long small = s.<Long>getAs("_f2small");
    checkArgument(small == 0, "second-stage fpc %s says fewer units in the population than the sample has, in %s "
        + "primary sampling units of stratum %s", f, small, name);
    long single = s.<Long>getAs("_lonely2");
    checkArgument(single == 0 || lonely != LonelyPsu.FAIL, "a primary sampling unit of stratum %s has only one "
        + "second-stage unit, so its variance cannot be estimated (choose a lonely-PSU policy: remove, adjust, "
        + "average or certainty)", name);
  }

  /*
   * Replaces the influence values by their residuals on one raking: sums z / w and counts the rows per cell, runs
   * the sweeps on the driver, joins the cells' adjustments back and subtracts w times them.
   */
  private static Dataset<Row> residualise(Dataset<Row> rows, List<Column> z, SparkCalibration calibration,
      int round) {
    List<String> variables = calibration.variables();
    int m = variables.size();
    int k = z.size();
    Column after = col(calibration.weight()).cast(DataTypes.DoubleType);
    Column[] keys = new Column[m];
    for (int v = 0; v < m; v++) {
      SparkDesign.column(rows, variables.get(v));
      keys[v] = col(variables.get(v)).cast(DataTypes.StringType).as("_k" + v);
    }
    List<Column> sums = new ArrayList<>();
    sums.add(count(lit(1)).as("_n"));
    for (int j = 0; j < k; j++) {
      sums.add(sum(z.get(j).divide(after)).as("_s" + j));
    }
    List<Row> cells = rows.groupBy(keys).agg(first(sums), rest(sums)).collectAsList();
    int cellCount = cells.size();
    double[] size = new double[cellCount];
    int[][] marginOfCell = new int[m][cellCount];
    for (int c = 0; c < cellCount; c++) {
      Row cell = cells.get(c);
      List<String> key = new ArrayList<>(m);
      for (int v = 0; v < m; v++) {
        key.add(cell.getString(v));
      }
      int[] categories = calibration.cells().get(key);
      if (categories == null) {
        throw new IllegalStateException(String.format(Locale.ROOT, "the rows have a cell %s=%s that the raking of "
            + "%s did not see: the rows changed after raking", variables, key, calibration.weight()));
      }
      for (int v = 0; v < m; v++) {
        marginOfCell[v][c] = categories[v];
      }
      size[c] = cell.getLong(m);
    }
    double[][] adjust = new double[k][];
    for (int j = 0; j < k; j++) {
      double[] cellSum = new double[cellCount];
      for (int c = 0; c < cellCount; c++) {
        cellSum[c] = cells.get(c).getDouble(m + 1 + j);
      }
      adjust[j] = RakingResiduals.adjustments(cellSum, size, marginOfCell, calibration.categoryCounts());
    }
    StructType schema = new StructType();
    for (int v = 0; v < m; v++) {
      schema = schema.add(key(round, v), DataTypes.StringType, true);
    }
    for (int j = 0; j < k; j++) {
      schema = schema.add(adjustment(round, j), DataTypes.DoubleType, false);
    }
    List<Row> table = new ArrayList<>(cellCount);
    for (int c = 0; c < cellCount; c++) {
      Object[] values = new Object[m + k];
      for (int v = 0; v < m; v++) {
        values[v] = cells.get(c).getString(v);
      }
      for (int j = 0; j < k; j++) {
        values[m + j] = adjust[j][c];
      }
      table.add(RowFactory.create(values));
    }
    Column on = lit(true);
    for (int v = 0; v < m; v++) {
      on = on.and(col(variables.get(v)).cast(DataTypes.StringType).equalTo(col(key(round, v))));
    }
    Dataset<Row> joined = rows.join(broadcast(rows.sparkSession().createDataFrame(table, schema)), on, "left");
    for (int j = 0; j < k; j++) {
      z.set(j, z.get(j).minus(after.multiply(col(adjustment(round, j)))));
    }
    return joined;
  }

  private static String key(int round, int v) {
    return "_cal" + round + "_k" + v;
  }

  private static String adjustment(int round, int j) {
    return "_cal" + round + "_a" + j;
  }

  /* What a unit (second-stage unit or PSU) sums of the level below; with squares of the totals below for a PSU. */
  private static List<Column> unitSums(int k, boolean twoStages, boolean psuOfUnits, boolean average) {
    List<Column> out = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      out.add(sum(col("_z" + j)).as("_z" + j));
      if (psuOfUnits) {
        out.add(sum(col("_z" + j).multiply(col("_z" + j))).as("_tt" + j));
      }
      out.add(max(col("_in" + j)).as("_in" + j));
      out.add(sum(col("_ze" + j)).as("_ze" + j));
      out.add(sum(col("_we" + j)).as("_we" + j));
      if (average) {
        out.add(sum(col("_nz" + j)).as("_nz" + j));
      }
    }
    out.add(min(col("_f1lo")).as("_f1lo"));
    out.add(max(col("_f1hi")).as("_f1hi"));
    out.add(sum(col("_f1bad")).as("_f1bad"));
    if (twoStages) {
      out.add(min(col("_f2lo")).as("_f2lo"));
      out.add(max(col("_f2hi")).as("_f2hi"));
      out.add(sum(col("_f2bad")).as("_f2bad"));
      out.add(sum(col("_ssunull")).as("_ssunull"));
    }
    if (psuOfUnits) {
      out.add(count(lit(1)).as("_m"));
    }
    return out;
  }

  /* A value that cannot be an fpc: missing, NaN, infinite, 0 or below. */
  private static Column invalid(Column f) {
    return when(f.isNull().or(isnan(f)).or(f.leq(0)).or(f.equalTo(Double.POSITIVE_INFINITY)), 1L).otherwise(0L);
  }

  private static Column first(List<Column> columns) {
    return columns.get(0);
  }

  private static Column[] rest(List<Column> columns) {
    return columns.subList(1, columns.size()).toArray(Column[]::new);
  }
}
