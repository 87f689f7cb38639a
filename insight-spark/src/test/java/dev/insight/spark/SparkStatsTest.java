package dev.insight.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Category;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.NumericVariable;
import dev.insight.stats.design.SurveyDesign;
import dev.insight.stats.design.Filter;
import dev.insight.stats.estimate.Estimate;
import dev.insight.stats.estimate.Estimator;
import dev.insight.stats.design.Margin;
import dev.insight.stats.design.Raking;
import dev.insight.stats.design.WeightingResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spark's distributed estimates, tables and raking against insight-stats on the same rows. The tolerance is 1e-9
 * relative: the two sum the same terms in a different order (partitions, then PSUs), which moves the last few
 * bits only.
 */
class SparkStatsTest {
  private static final List<String> REGIONS = List.of("north", "midlands", "south", "london");
  private static final List<String> AGES = List.of("16-34", "35-54", "55+");
  private static final List<String> ANSWERS = List.of("agree", "neutral", "disagree");
  private static final int ROWS = 2_000;
  private static SparkSession spark;
  private static org.apache.spark.sql.Dataset<Row> rows;
  private static Dataset local;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start("SparkStatsTest");
    Random random = new Random(42);
    StructType schema = new StructType().add("id", DataTypes.StringType).add("score", DataTypes.DoubleType)
        .add("good", DataTypes.DoubleType).add("answer", DataTypes.StringType).add("region", DataTypes.StringType)
        .add("age", DataTypes.StringType).add("stratum", DataTypes.StringType).add("psu", DataTypes.StringType)
        .add("w", DataTypes.DoubleType);
    List<Row> data = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    double[] score = new double[ROWS];
    double[] good = new double[ROWS];
    double[] w = new double[ROWS];
    List<String> answer = new ArrayList<>();
    List<String> region = new ArrayList<>();
    List<String> age = new ArrayList<>();
    List<String> stratum = new ArrayList<>();
    List<String> psu = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      int h = random.nextInt(5);
      String r = REGIONS.get(random.nextInt(REGIONS.size()));
      String a = AGES.get(random.nextInt(AGES.size()));
      // some values missing, like a real export
      Double s = random.nextInt(20) == 0 ? null : 50 + 10 * random.nextGaussian() + (a.equals("55+") ? 5 : 0);
      Double g = random.nextInt(25) == 0 ? null : random.nextDouble() < 0.7 ? 1.0 : 0.0;
      String ans = random.nextInt(30) == 0 ? null : ANSWERS.get(random.nextInt(ANSWERS.size()));
      double weight = 0.5 + 3 * random.nextDouble();
      String p = "p" + random.nextInt(8);
      ids.add("r" + i);
      score[i] = s == null ? Double.NaN : s;
      good[i] = g == null ? Double.NaN : g;
      w[i] = weight;
      answer.add(ans);
      region.add(r);
      age.add(a);
      stratum.add("s" + h);
      psu.add(p);
      data.add(RowFactory.create("r" + i, s, g, ans, r, a, "s" + h, p, weight));
    }
    rows = spark.createDataFrame(data, schema).repartition(3).cache();
    local = Dataset.builder(ids).add(NumericVariable.of("score", null, score)).add(NumericVariable.of("good", null,
        good)).add(categorical("answer", ANSWERS, answer)).add(categorical("region", REGIONS, region))
        .add(categorical("age", AGES, age)).add(categorical("stratum", List.of("s0", "s1", "s2", "s3", "s4"),
            stratum)).add(categorical("psu", List.of("p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7"), psu))
        .add(NumericVariable.of("w", null, w)).build();
  }

  private static CategoricalVariable categorical(String name, List<String> codes, List<String> values) {
    CategoricalVariable.Builder b = CategoricalVariable.builder(name, null, codes.stream().map(Category::of)
        .toList());
    values.forEach(v -> {
      if (v == null) {
        b.addMissing();
      } else {
        b.addCode(v);
      }
    });
    return b.build();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static void assertSame(Estimate spark, Estimate single) {
    assertThat(spark.kind()).isEqualTo(single.kind());
    assertThat(spark.subgroup()).isEqualTo(single.subgroup());
    assertThat(spark.quantity()).isEqualTo(single.quantity());
    assertThat(spark.unweightedN()).isEqualTo(single.unweightedN());
    assertThat(spark.degreesOfFreedom()).isEqualTo(single.degreesOfFreedom());
    close(spark.value(), single.value(), "value");
    close(spark.standardError(), single.standardError(), "standard error");
    close(spark.interval().low(), single.interval().low(), "low");
    close(spark.interval().high(), single.interval().high(), "high");
    assertThat(spark.interval().method()).isEqualTo(single.interval().method());
    close(spark.weightedBase(), single.weightedBase(), "weighted base");
    close(spark.effectiveBase(), single.effectiveBase(), "effective base");
    close(spark.designEffect(), single.designEffect(), "design effect");
  }

  private static void close(double actual, double expected, String what) {
    if (Double.isNaN(expected)) {
      assertThat(actual).as(what).isNaN();
    } else {
      assertThat(actual).as(what).isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
    }
  }

  private static SurveyDesign stratifiedClustered() {
    return SurveyDesign.builder(local).weights("w").strata("stratum").cluster("psu").build();
  }

  @Test
  void means_stratifiedClusteredDesign_equalTheSingleMachineByRegion() {
    SparkEstimator spark = SparkEstimator.of(SparkDesign.of(rows, "w").withStrata("stratum").withCluster("psu"));
    List<Estimate> actual = spark.means("score", "region", REGIONS);
    List<Estimate> expected = Estimator.of(stratifiedClustered()).byCategory("region", d -> Estimator.of(
        stratifiedClustered()).mean("score", d));
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < actual.size(); i++) {
      assertSame(actual.get(i), expected.get(i));
    }
  }

  @Test
  void totals_stratifiedRowsAsUnits_equalTheSingleMachineByAge() {
    SparkEstimator spark = SparkEstimator.of(SparkDesign.of(rows, "w").withStrata("stratum"));
    SurveyDesign design = SurveyDesign.builder(local).weights("w").strata("stratum").build();
    List<Estimate> actual = spark.totals("score", "age", AGES);
    Estimator estimator = Estimator.of(design);
    List<Estimate> expected = estimator.byCategory("age", d -> estimator.total("score", d));
    for (int i = 0; i < actual.size(); i++) {
      assertSame(actual.get(i), expected.get(i));
    }
  }

  @Test
  void proportions_weightedTableOfColumnPercentages_equalTheSingleMachineCellByCell() {
    SparkEstimator spark = SparkEstimator.of(SparkDesign.of(rows, "w").withStrata("stratum").withCluster("psu"));
    Estimator estimator = Estimator.of(stratifiedClustered());
    List<List<Estimate>> table = spark.proportions("answer", ANSWERS, "region", REGIONS);
    for (int r = 0; r < ANSWERS.size(); r++) {
      String answer = ANSWERS.get(r);
      assertSame(table.get(r).get(0), estimator.proportion("answer", answer, Filter.all()));
      for (int c = 0; c < REGIONS.size(); c++) {
        assertSame(table.get(r).get(c + 1), estimator.proportion("answer", answer, Filter.category("region",
            REGIONS.get(c))));
      }
    }
  }

  @Test
  void proportion_ofZeroOneColumnUnclustered_equalsTheSingleMachine() {
    SparkEstimator spark = SparkEstimator.of(SparkDesign.of(rows, "w"));
    SurveyDesign design = SurveyDesign.builder(local).weights("w").build();
    List<List<Estimate>> table = spark.proportions("good", List.of("1.0"), "age", AGES);
    Estimator estimator = Estimator.of(design);
    // a 0/1 column: the share of 1s (quantity named as the category asked for)
    Estimate expected = estimator.proportion("good", Filter.all());
    Estimate actual = table.get(0).get(0);
    close(actual.value(), expected.value(), "value");
    close(actual.standardError(), expected.standardError(), "standard error");
    close(actual.interval().low(), expected.interval().low(), "low");
    assertThat(actual.degreesOfFreedom()).isEqualTo(expected.degreesOfFreedom());
  }

  @Test
  void rake_toRegionAndAgeMargins_sameWeightsAsTheSingleMachine() {
    Map<String, Double> regionTargets = new LinkedHashMap<>();
    regionTargets.put("north", 0.3);
    regionTargets.put("midlands", 0.25);
    regionTargets.put("south", 0.3);
    regionTargets.put("london", 0.15);
    Map<String, Double> ageTargets = new LinkedHashMap<>();
    ageTargets.put("16-34", 0.3);
    ageTargets.put("35-54", 0.35);
    ageTargets.put("55+", 0.35);
    List<Margin> margins = List.of(Margin.proportions("region", regionTargets), Margin.proportions("age",
        ageTargets));
    SparkRaking.Result result = SparkRaking.of(margins).apply(SparkDesign.of(rows, "w"), "raked");
    WeightingResult expected = Raking.of(margins).apply(SurveyDesign.builder(local).weights("w").build());

    List<Row> raked = result.design().data().select("id", "raked").collectAsList();
    assertThat(raked).hasSize(ROWS);
    for (Row row : raked) {
      int i = Integer.parseInt(row.getString(0).substring(1));
      close(row.getDouble(1), expected.design().weight(i), "weight of " + row.getString(0));
    }
    assertThat(result.report().respondents()).isEqualTo(expected.report().respondents());
    close(result.report().weightSum(), expected.report().weightSum(), "weight sum");
    close(result.report().efficiency(), expected.report().efficiency(), "efficiency");
    close(result.report().maxWeight(), expected.report().maxWeight(), "max weight");
    assertThat(result.report().converged()).isTrue();
    assertThat(result.design().weight()).isEqualTo("raked");
  }

  @Test
  void rake_categoryWithoutTarget_failsAsTheSingleMachineDoes() {
    List<Margin> margins = List.of(Margin.proportions("region", Map.of("north", 0.5, "south", 0.5)));
    assertThatThrownBy(() -> SparkRaking.of(margins).apply(SparkDesign.of(rows, "w"), "raked"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("london");
  }

  @Test
  void estimate_zeroWeight_failsAsTheSingleMachineDoes() {
    org.apache.spark.sql.Dataset<Row> zero = rows.withColumn("w0", org.apache.spark.sql.functions.when(
        rows.col("id").equalTo("r5"), 0.0).otherwise(rows.col("w")));
    assertThatThrownBy(() -> SparkEstimator.of(SparkDesign.of(zero, "w0")).means("score", "age", AGES))
        .hasMessage("weight column w0: 1 rows are missing, NaN, 0 or below; weights must be above 0");
  }

  @Test
  void estimate_singlePsuInAStratum_failsNamingTheStratum() {
    org.apache.spark.sql.Dataset<Row> lonely = rows.withColumn("psu2", org.apache.spark.sql.functions.when(
        rows.col("stratum").equalTo("s3"), "only").otherwise(rows.col("psu")));
    SparkEstimator spark = SparkEstimator.of(SparkDesign.of(lonely, "w").withStrata("stratum").withCluster("psu2"));
    assertThatThrownBy(() -> spark.means("score", "age", AGES))
        .hasMessage("stratum s3 has only one primary sampling unit, so its variance cannot be estimated");
  }
}
