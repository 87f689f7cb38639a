package dev.insight.benchmarks;

import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.NumericVariable;
import dev.insight.stats.design.SurveyDesign;
import dev.insight.stats.design.Filter;
import dev.insight.stats.estimate.Estimator;
import dev.insight.stats.design.Margin;
import dev.insight.stats.design.Raking;
import dev.insight.stats.design.WeightingResult;
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
 * Weighting and domain estimates on a million respondents, against the R {@code survey} anchors of issue 3: raking
 * to margins of 5, 3 and 4 categories to 1e-9, and a proportion with its standard error in each of 5 groups
 * ({@code svyby(~y, ~region, design, svymean)}), on fixed weights and on the raked design (calibration-aware
 * standard errors). The fork runs with a 512 MB heap to show a million respondents need no more.
 *
 * <p>Run: {@code java -jar insight-benchmarks/target/benchmarks.jar WeightingBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class WeightingBenchmark {
  @Param("1000000")
  int respondents;

  private List<Margin> margins;
  private SurveyDesign start;
  private SurveyDesign fixed;
  private SurveyDesign raked;

  private static Map<String, Double> targets(String[] codes, double total, double... shares) {
    Map<String, Double> map = new LinkedHashMap<>();
    for (int i = 0; i < codes.length; i++) {
      map.put(codes[i], total * shares[i]);
    }
    return map;
  }

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    List<String> ids = new ArrayList<>(respondents);
    int[] region = new int[respondents];
    int[] sex = new int[respondents];
    int[] age = new int[respondents];
    double[] y = new double[respondents];
    for (int i = 0; i < respondents; i++) {
      ids.add(String.format(java.util.Locale.ROOT, "P%07d", i + 1));
      region[i] = SyntheticDraws.draw(random, new double[] {.30, .55, .75, .90, 1});
      sex[i] = SyntheticDraws.draw(random, new double[] {.52, .98, 1});
      age[i] = SyntheticDraws.draw(random, new double[] {.20, .50, .80, 1});
      y[i] = random.nextDouble() < (region[i] == 0 ? .45 : .35) ? 1 : 0;
    }
    String[] regions = {"r1", "r2", "r3", "r4", "r5"};
    String[] sexes = {"f", "m", "x"};
    String[] ages = {"16-34", "35-49", "50-64", "65+"};
    Dataset data = Dataset.builder(ids)
        .add(CategoricalVariable.of("region", null, SyntheticDraws.categories(regions), region))
        .add(CategoricalVariable.of("sex", null, SyntheticDraws.categories(sexes), sex))
        .add(CategoricalVariable.of("age", null, SyntheticDraws.categories(ages), age))
        .add(NumericVariable.of("y", null, y)).build();
    double total = 5e6;
    margins = List.of(Margin.counts("region", targets(regions, total, .22, .22, .22, .17, .17)),
        Margin.counts("sex", targets(sexes, total, .50, .49, .01)),
        Margin.counts("age", targets(ages, total, .28, .26, .25, .21)));
    start = SurveyDesign.builder(data).equalWeights(total).build();
    raked = rake().design();
    fixed = SurveyDesign.builder(data).weights(raked.weights()).build();
  }

  /** Raking 1M respondents to margins of 5, 3 and 4 categories to 1e-9 (R: {@code rake}). */
  @Benchmark
  public WeightingResult rake() {
    return Raking.of(margins).withTolerance(1e-9).withMaxIterations(1000).apply(start);
  }

  /** A proportion with its SE in each of 5 domains, fixed weights (R: {@code svyby(~y, ~region, d, svymean)}). */
  @Benchmark
  public void domainProportionsFixedWeights(Blackhole hole) {
    Estimator estimator = Estimator.of(fixed);
    for (int g = 1; g <= 5; g++) {
      hole.consume(estimator.proportion("y", Filter.category("region", "r" + g)));
    }
  }

  /** The same on the raked design: the SEs account for the raking. */
  @Benchmark
  public void domainProportionsRakedDesign(Blackhole hole) {
    Estimator estimator = Estimator.of(raked);
    for (int g = 1; g <= 5; g++) {
      hole.consume(estimator.proportion("y", Filter.category("region", "r" + g)));
    }
  }
}
