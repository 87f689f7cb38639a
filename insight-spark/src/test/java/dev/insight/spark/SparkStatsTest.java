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
import dev.insight.stats.design.LonelyPsu;
import dev.insight.stats.estimate.Estimate;
import dev.insight.stats.estimate.Estimator;
import dev.insight.stats.estimate.IntervalMethod;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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
        .add("w", DataTypes.DoubleType).add("f", DataTypes.DoubleType).add("fpop", DataTypes.DoubleType)
        .add("ssu", DataTypes.StringType).add("f2", DataTypes.DoubleType).add("one", DataTypes.DoubleType)
        .add("rare", DataTypes.StringType);
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
    double[] f = new double[ROWS];
    double[] fpop = new double[ROWS];
    List<String> ssu = new ArrayList<>();
    double[] f2 = new double[ROWS];
    double[] one = new double[ROWS];
    List<String> rare = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      int h = random.nextInt(5);
      String r = REGIONS.get(random.nextInt(REGIONS.size()));
      String a = AGES.get(random.nextInt(AGES.size()));
      // some values missing, like a real export
      Double s = random.nextInt(20) == 0 ? null : 50 + 10 * random.nextGaussian() + (a.equals("55+") ? 5 : 0);
      Double g = random.nextInt(25) == 0 ? null : random.nextDouble() < 0.7 ? 1.0 : 0.0;
      String ans = random.nextInt(30) == 0 ? null : ANSWERS.get(random.nextInt(ANSWERS.size()));
      double weight = 0.5 + 3 * random.nextDouble();
      int pi = random.nextInt(8);
      String p = "p" + pi;
      // a sampling fraction per stratum, a population of PSUs per stratum, of second-stage units per PSU
      f[i] = 0.1 * (h + 1);
      fpop[i] = 30 + h;
      String u = "u" + random.nextInt(4);
      f2[i] = 10 + pi + h;
      one[i] = 1;
      // chosen in the north only: a proportion of 0 elsewhere, where the intervals fall back to Wilson
      String rr = r.equals("north") && random.nextInt(5) == 0 ? "yes" : "no";
      ssu.add(u);
      rare.add(rr);
      ids.add("r" + i);
      score[i] = s == null ? Double.NaN : s;
      good[i] = g == null ? Double.NaN : g;
      w[i] = weight;
      answer.add(ans);
      region.add(r);
      age.add(a);
      stratum.add("s" + h);
      psu.add(p);
      data.add(RowFactory.create("r" + i, s, g, ans, r, a, "s" + h, p, weight, f[i], fpop[i], u, f2[i], 1.0, rr));
    }
    rows = spark.createDataFrame(data, schema).repartition(3).cache();
    local = Dataset.builder(ids).add(NumericVariable.of("score", null, score)).add(NumericVariable.of("good", null,
        good)).add(categorical("answer", ANSWERS, answer)).add(categorical("region", REGIONS, region))
        .add(categorical("age", AGES, age)).add(categorical("stratum", List.of("s0", "s1", "s2", "s3", "s4"),
            stratum)).add(categorical("psu", List.of("p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7"), psu))
        .add(NumericVariable.of("w", null, w)).add(NumericVariable.of("f", null, f))
        .add(NumericVariable.of("fpop", null, fpop)).add(categorical("ssu", List.of("u0", "u1", "u2", "u3"), ssu))
        .add(NumericVariable.of("f2", null, f2)).add(NumericVariable.of("one", null, one))
        .add(categorical("rare", List.of("yes", "no"), rare)).build();
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
        .hasMessage("stratum s3 has only one primary sampling unit, so its variance cannot be estimated (choose a "
            + "lonely-PSU policy: remove, adjust, average or certainty)");
  }

  private static List<Margin> regionAndAge() {
    Map<String, Double> regionTargets = new LinkedHashMap<>();
    regionTargets.put("north", 0.3);
    regionTargets.put("midlands", 0.25);
    regionTargets.put("south", 0.3);
    regionTargets.put("london", 0.15);
    Map<String, Double> ageTargets = new LinkedHashMap<>();
    ageTargets.put("16-34", 0.3);
    ageTargets.put("35-54", 0.35);
    ageTargets.put("55+", 0.35);
    return List.of(Margin.proportions("region", regionTargets), Margin.proportions("age", ageTargets));
  }

  private static void assertAllSame(List<Estimate> actual, List<Estimate> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < actual.size(); i++) {
      assertSame(actual.get(i), expected.get(i));
    }
  }

  /* A banner table of proportions against the single machine's estimates, cell by cell. */
  private static void assertTable(List<List<Estimate>> table, Estimator estimator, String variable,
      List<String> categories, String by, List<String> columns) {
    for (int r = 0; r < categories.size(); r++) {
      String category = categories.get(r);
      assertSame(table.get(r).get(0), estimator.proportion(variable, category, Filter.all()));
      for (int c = 0; c < columns.size(); c++) {
        assertSame(table.get(r).get(c + 1), estimator.proportion(variable, category, Filter.category(by,
            columns.get(c))));
      }
    }
  }

  @Test
  void raked_stratifiedClustered_meanProportionAndTable_calibratedErrorsAsTheSingleMachine() {
    SparkDesign design = SparkDesign.of(rows, "w").withStrata("stratum").withCluster("psu");
    SparkRaking.Result raked = SparkRaking.of(regionAndAge()).apply(design, "raked");
    assertThat(raked.design().isCalibrated()).isTrue();
    Estimator estimator = Estimator.of(Raking.of(regionAndAge()).apply(stratifiedClustered()).design());
    SparkEstimator spark = SparkEstimator.of(raked.design());

    List<Estimate> means = spark.means("score", "region", REGIONS);
    assertAllSame(means, estimator.byCategory("region", d -> estimator.mean("score", d)));

    // a proportion overall and in each column of a banner table
    assertTable(spark.proportions("answer", ANSWERS, "region", REGIONS), estimator, "answer", ANSWERS, "region",
        REGIONS);

    // the raking moves the standard error: the same weights taken as fixed give another one
    Estimate fixed = Estimator.of(SurveyDesign.builder(local).weights(estimator.design().weights())
        .strata("stratum").cluster("psu").build()).mean("score", Filter.all());
    assertThat(Math.abs(fixed.standardError() - means.get(0).standardError()))
        .isGreaterThan(1e-4 * means.get(0).standardError());
  }

  @Test
  void rakedTwice_weightsScaledToTheSample_calibratedErrorsAndDesignEffectsAsTheSingleMachine() {
    List<Margin> margins = regionAndAge();
    // equal starting weights raked to shares sum to the sample: the design effect is then with replacement
    SparkRaking.Result first = SparkRaking.of(margins.subList(0, 1)).apply(SparkDesign.of(rows, "one")
        .withStrata("stratum"), "w1");
    SparkRaking.Result second = SparkRaking.of(margins.subList(1, 2)).apply(first.design(), "w2");
    SurveyDesign single = Raking.of(margins.subList(1, 2)).apply(Raking.of(margins.subList(0, 1)).apply(
        SurveyDesign.builder(local).weights("one").strata("stratum").build()).design()).design();
    Estimator estimator = Estimator.of(single);
    List<Estimate> means = SparkEstimator.of(second.design()).means("score", "age", AGES);
    List<Estimate> expected = estimator.byCategory("age", d -> estimator.mean("score", d));
    assertAllSame(means, expected);
    assertThat(expected.get(0).designEffect()).isFinite();
  }

  @Test
  void fpc_samplingFractionPerStratum_meansAndTableAsTheSingleMachine() {
    SparkEstimator spark = SparkEstimator.of(SparkDesign.of(rows, "w").withStrata("stratum").withCluster("psu")
        .withFpc("f"));
    Estimator estimator = Estimator.of(SurveyDesign.builder(local).weights("w").strata("stratum").cluster("psu")
        .fpc("f").build());
    assertAllSame(spark.means("score", "region", REGIONS), estimator.byCategory("region",
        d -> estimator.mean("score", d)));
  }

  @Test
  void fpc_rowsAsUnits_totalsAsTheSingleMachine() {
    SparkEstimator spark = SparkEstimator.of(SparkDesign.of(rows, "w").withStrata("stratum").withFpc("f"));
    Estimator estimator = Estimator.of(SurveyDesign.builder(local).weights("w").strata("stratum").fpc("f")
        .build());
    assertAllSame(spark.totals("score", "age", AGES), estimator.byCategory("age",
        d -> estimator.total("score", d)));
  }

  @Test
  void fpc_twoStages_populationCounts_meansAsTheSingleMachine() {
    SparkEstimator spark = SparkEstimator.of(SparkDesign.of(rows, "w").withStrata("stratum").withCluster("psu")
        .withFpc("fpop").withSecondStage("ssu", "f2"));
    Estimator estimator = Estimator.of(SurveyDesign.builder(local).weights("w").strata("stratum").cluster("psu")
        .fpc("fpop").secondStage("ssu", "f2").build());
    List<Estimate> means = spark.means("score", "region", REGIONS);
    assertAllSame(means, estimator.byCategory("region", d -> estimator.mean("score", d)));
    // the second stage adds to the variance: without it the standard error is smaller
    Estimate oneStage = SparkEstimator.of(SparkDesign.of(rows, "w").withStrata("stratum").withCluster("psu")
        .withFpc("fpop")).means("score", "region", REGIONS).get(0);
    assertThat(means.get(0).standardError()).isGreaterThan(oneStage.standardError() * (1 + 1e-6));
  }

  @Test
  void fpc_rakedDesign_proportionsWithCalibratedErrorsAndTheCorrectionAsTheSingleMachine() {
    SparkRaking.Result raked = SparkRaking.of(regionAndAge()).apply(SparkDesign.of(rows, "w").withStrata("stratum")
        .withCluster("psu").withFpc("fpop"), "raked");
    Estimator estimator = Estimator.of(Raking.of(regionAndAge()).apply(SurveyDesign.builder(local).weights("w")
        .strata("stratum").cluster("psu").fpc("fpop").build()).design());
    assertTable(SparkEstimator.of(raked.design()).proportions("answer", List.of("agree"), "age", AGES), estimator,
        "answer", List.of("agree"), "age", AGES);
  }

  @Test
  void fpc_singlePsuTakenWithCertainty_contributesNothingAsTheSingleMachine() {
    org.apache.spark.sql.Dataset<Row> certain = rows
        .withColumn("psu2", org.apache.spark.sql.functions.when(rows.col("stratum").equalTo("s3"), "only")
            .otherwise(rows.col("psu")))
        .withColumn("fc", org.apache.spark.sql.functions.when(rows.col("stratum").equalTo("s3"), 1.0)
            .otherwise(rows.col("f")));
    List<String> psu2 = new ArrayList<>();
    double[] fc = new double[ROWS];
    for (int i = 0; i < ROWS; i++) {
      boolean s3 = local.categorical("stratum").categoryIndex(i) == 3;
      CategoricalVariable p = local.categorical("psu");
      psu2.add(s3 ? "only" : p.categories().get(p.categoryIndex(i)).code());
      fc[i] = s3 ? 1.0 : local.numeric("f").valueAt(i);
    }
    Dataset withCertain = local.with(categorical("psu2", List.of("p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7",
        "only"), psu2)).with(NumericVariable.of("fc", null, fc));
    Estimator estimator = Estimator.of(SurveyDesign.builder(withCertain).weights("w").strata("stratum")
        .cluster("psu2").fpc("fc").build());
    SparkEstimator spark = SparkEstimator.of(SparkDesign.of(certain, "w").withStrata("stratum").withCluster("psu2")
        .withFpc("fc"));
    assertAllSame(spark.means("score", "age", AGES), estimator.byCategory("age", d -> estimator.mean("score", d)));
  }

  @Test
  void fpc_badValues_failNamingTheStratumAndValues() {
    org.apache.spark.sql.Dataset<Row> bad = rows
        .withColumn("mixed", org.apache.spark.sql.functions.when(rows.col("id").equalTo("r7"),
            rows.col("f").plus(0.05)).otherwise(rows.col("f")))
        .withColumn("small", org.apache.spark.sql.functions.lit(5.0))
        .withColumn("negative", org.apache.spark.sql.functions.when(rows.col("stratum").equalTo("s2"), -1.0)
            .otherwise(rows.col("f")));
    String r7 = rows.where("id = 'r7'").first().getAs("stratum");
    double f7 = rows.where("id = 'r7'").first().getAs("f");
    SparkDesign design = SparkDesign.of(bad, "w").withStrata("stratum").withCluster("psu");
    assertThatThrownBy(() -> SparkEstimator.of(design.withFpc("mixed")).means("score", "age", AGES))
        .hasMessage("fpc mixed differs within stratum %s: %s and %s", r7, f7, f7 + 0.05);
    assertThatThrownBy(() -> SparkEstimator.of(design.withFpc("small")).means("score", "age", AGES))
        .hasMessage("fpc small of stratum s0 says 5.0 units in the population but the sample has 8");
    assertThatThrownBy(() -> SparkEstimator.of(design.withFpc("negative")).means("score", "age", AGES))
        .hasMessageStartingWith("fpc negative is missing, not a finite number above 0 in ")
        .hasMessageEndingWith(" rows of stratum s2: it must be a population size (> 1) or a sampling fraction in "
            + "(0, 1]");
    assertThatThrownBy(() -> SparkEstimator.of(design.withFpc("f").withSecondStage("ssu", null))
        .means("score", "age", AGES))
        .hasMessage("with a first-stage fpc, the second stage ssu needs its fpc too (as R requires)");
  }

  @ParameterizedTest
  @EnumSource(IntervalMethod.class)
  void intervals_everyMethodOfTheSingleMachine_sameLimitsIncludingSharesOfZero(IntervalMethod method) {
    SparkEstimator spark = SparkEstimator.of(SparkDesign.of(rows, "w").withStrata("stratum").withCluster("psu"))
        .withInterval(method).withLevel(0.9);
    Estimator estimator = Estimator.of(stratifiedClustered()).withInterval(method).withLevel(0.9);
    List<List<Estimate>> table = spark.proportions("rare", List.of("yes"), "region", REGIONS);
    assertTable(table, estimator, "rare", List.of("yes"), "region", REGIONS);
    assertThat(table.get(0).get(0).interval().method()).isEqualTo(method);
    // the south never chose it: a share of 0, whose interval has a width but for Wald's (no variance)
    assertThat(table.get(0).get(3).value()).isZero();
    if (method != IntervalMethod.WALD) {
      assertThat(table.get(0).get(3).interval().high()).isPositive();
    }
  }

  /* The single machine's rows with psu2 (one PSU in stratum s3) and ssu2 (one second-stage unit in PSU p0). */
  private static Dataset lonelyLocal() {
    List<String> psu2 = new ArrayList<>();
    List<String> ssu2 = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      CategoricalVariable p = local.categorical("psu");
      CategoricalVariable u = local.categorical("ssu");
      String psu = p.categories().get(p.categoryIndex(i)).code();
      psu2.add(local.categorical("stratum").categoryIndex(i) == 3 ? "only" : psu);
      ssu2.add(psu.equals("p0") ? "u0" : u.categories().get(u.categoryIndex(i)).code());
    }
    return local.with(categorical("psu2", List.of("p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "only"), psu2))
        .with(categorical("ssu2", List.of("u0", "u1", "u2", "u3"), ssu2));
  }

  private static org.apache.spark.sql.Dataset<Row> lonelyRows() {
    return rows.withColumn("psu2", org.apache.spark.sql.functions.when(rows.col("stratum").equalTo("s3"), "only")
        .otherwise(rows.col("psu"))).withColumn("ssu2", org.apache.spark.sql.functions.when(rows.col("psu")
            .equalTo("p0"), "u0").otherwise(rows.col("ssu")));
  }

  @ParameterizedTest
  @EnumSource(value = LonelyPsu.class, names = {"REMOVE", "ADJUST", "AVERAGE", "CERTAINTY"})
  void lonelyPsu_everyPolicyOfTheSingleMachine_sameErrorsByRegion(LonelyPsu policy) {
    Estimator estimator = Estimator.of(SurveyDesign.builder(lonelyLocal()).weights("w").strata("stratum")
        .cluster("psu2").lonelyPsu(policy).build());
    SparkEstimator spark = SparkEstimator.of(SparkDesign.of(lonelyRows(), "w").withStrata("stratum")
        .withCluster("psu2").withLonelyPsu(policy));
    assertAllSame(spark.means("score", "region", REGIONS), estimator.byCategory("region",
        d -> estimator.mean("score", d)));
  }

  @Test
  void lonelyPsu_secondStageUnitAloneInItsPsu_adjustedAsTheSingleMachine() {
    Estimator estimator = Estimator.of(SurveyDesign.builder(lonelyLocal()).weights("w").strata("stratum")
        .cluster("psu").fpc("fpop").secondStage("ssu2", "f2").lonelyPsu(LonelyPsu.ADJUST).build());
    SparkDesign design = SparkDesign.of(lonelyRows(), "w").withStrata("stratum").withCluster("psu")
        .withFpc("fpop").withSecondStage("ssu2", "f2");
    assertAllSame(SparkEstimator.of(design.withLonelyPsu(LonelyPsu.ADJUST)).means("score", "age", AGES),
        estimator.byCategory("age", d -> estimator.mean("score", d)));
    assertThatThrownBy(() -> SparkEstimator.of(design).means("score", "age", AGES)).hasMessageStartingWith(
        "a primary sampling unit of stratum s0 has only one second-stage unit, so its variance cannot be "
            + "estimated");
  }
}
