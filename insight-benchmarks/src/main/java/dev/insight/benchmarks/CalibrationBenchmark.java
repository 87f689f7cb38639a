package dev.insight.benchmarks;

import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.NumericVariable;
import dev.insight.stats.design.CalibrationFunction;
import dev.insight.stats.design.CalibrationTerm;
import dev.insight.stats.design.Filter;
import dev.insight.stats.design.Margin;
import dev.insight.stats.design.ModelCalibration;
import dev.insight.stats.design.SurveyDesign;
import dev.insight.stats.design.WeightingResult;
import dev.insight.stats.estimate.Estimator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Calibration of a million respondents to a model with a numeric total and an interaction (R's
 * {@code calibrate(design, ~region + sex:age + income, population, calfun)}): linear (GREG), and raking bounded to
 * g-weights in [0.5, 2]; to the main effects {@code ~region + sex + age} with bounds, linear and raking; then a proportion with its calibration-aware SE in each of 5 regions. The fork runs with
 * a 768 MB heap.
 *
 * <p>Run: {@code java -jar insight-benchmarks/target/benchmarks.jar CalibrationBenchmark -f 1 -wi 1 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx768m")
public class CalibrationBenchmark {
  @Param("1000000")
  int respondents;

  private List<CalibrationTerm> terms;
  private List<CalibrationTerm> mainEffects;
  private List<Margin> margins;
  private SurveyDesign start;
  private SurveyDesign calibrated;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    List<String> ids = new ArrayList<>(respondents);
    int[] region = new int[respondents];
    int[] sex = new int[respondents];
    int[] age = new int[respondents];
    double[] income = new double[respondents];
    double[] y = new double[respondents];
    for (int i = 0; i < respondents; i++) {
      ids.add(String.format(java.util.Locale.ROOT, "P%07d", i + 1));
      region[i] = SyntheticDraws.draw(random, new double[] {.30, .55, .75, .90, 1});
      sex[i] = SyntheticDraws.draw(random, new double[] {.52, .98, 1});
      age[i] = SyntheticDraws.draw(random, new double[] {.20, .50, .80, 1});
      income[i] = 15000 * Math.exp(0.5 * random.nextDouble() + 0.1 * age[i]);
      y[i] = random.nextDouble() < (region[i] == 0 ? .45 : .35) ? 1 : 0;
    }
    String[] regions = {"r1", "r2", "r3", "r4", "r5"};
    String[] sexes = {"f", "m", "x"};
    String[] ages = {"16-34", "35-49", "50-64", "65+"};
    Dataset data = Dataset.builder(ids)
        .add(CategoricalVariable.of("region", null, SyntheticDraws.categories(regions), region))
        .add(CategoricalVariable.of("sex", null, SyntheticDraws.categories(sexes), sex))
        .add(CategoricalVariable.of("age", null, SyntheticDraws.categories(ages), age))
        .add(NumericVariable.of("income", null, income))
        .add(NumericVariable.of("y", null, y)).build();
    double total = 5e6;
    double meanIncome = 0;
    for (double x : income) {
      meanIncome += x / respondents;
    }
    Map<String, Double> byRegion = new LinkedHashMap<>();
    double[] regionShare = {.27, .25, .21, .16, .11};
    for (int r = 0; r < regions.length; r++) {
      byRegion.put(regions[r], total * regionShare[r]);
    }
    Map<List<String>, Double> sexAge = new LinkedHashMap<>();
    double[] sexShare = {.51, .475, .015};
    double[] ageShare = {.28, .26, .25, .21};
    for (int s = 0; s < sexes.length; s++) {
      for (int a = 0; a < ages.length; a++) {
        sexAge.put(List.of(sexes[s], ages[a]), total * sexShare[s] * ageShare[a]);
      }
    }
    terms = List.of(CalibrationTerm.counts("region", byRegion), CalibrationTerm.of(List.of("sex", "age"), sexAge),
        CalibrationTerm.total("income", total * meanIncome * 1.03));
    Map<String, Double> bySex = new LinkedHashMap<>();
    for (int s = 0; s < sexes.length; s++) {
      bySex.put(sexes[s], total * sexShare[s]);
    }
    Map<String, Double> byAge = new LinkedHashMap<>();
    for (int a = 0; a < ages.length; a++) {
      byAge.put(ages[a], total * ageShare[a]);
    }
    margins = List.of(Margin.counts("region", byRegion), Margin.counts("sex", bySex), Margin.counts("age", byAge));
    mainEffects = margins.stream().map(CalibrationTerm::of).toList();
    start = SurveyDesign.builder(data).equalWeights(total).build();
    calibrated = linear().design();
  }

  /** GREG to ~region + sex:age + income (R: {@code calibrate(d, f, pop)}, the one step of regcalibrate). */
  @Benchmark
  public WeightingResult linear() {
    return ModelCalibration.of(terms).apply(start);
  }

  /** Raking distance with g-weights bounded to [0.5, 2] (R: {@code calibrate(..., calfun = "raking", bounds)}). */
  @Benchmark
  public WeightingResult rakingBounded() {
    return ModelCalibration.of(terms).withFunction(CalibrationFunction.RAKING).withBounds(0.5, 2).apply(start);
  }

  /**
   * Linear calibration to the main effects {@code ~region + sex + age} with g-weights bounded to [0.6, 1.5], which
   * bind for the youngest in the largest regions (R: {@code calibrate(d, ~region + sex + age, pop, bounds = c(0.6, 1.5))}).
   */
  @Benchmark
  public WeightingResult mainEffectsLinearBounded() {
    return ModelCalibration.toMargins(margins).withBounds(0.6, 1.5).apply(start);
  }

  /** The raking distance to the same main effects and bounds ({@code calfun = "raking"}). */
  @Benchmark
  public WeightingResult mainEffectsRakingBounded() {
    return ModelCalibration.of(mainEffects).withFunction(CalibrationFunction.RAKING).withBounds(0.6, 1.5)
        .apply(start);
  }

  /** A proportion with its calibration-aware SE in each of 5 regions of the calibrated design. */
  @Benchmark
  public void proportionByRegion(Blackhole bh) {
    Estimator estimator = Estimator.of(calibrated);
    for (String r : new String[] {"r1", "r2", "r3", "r4", "r5"}) {
      bh.consume(estimator.proportion("y", Filter.category("region", r)));
    }
  }
}
