package dev.insight.benchmarks;

import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Category;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.NumericVariable;
import dev.insight.stats.design.Filter;
import dev.insight.stats.design.ReplicateType;
import dev.insight.stats.design.SurveyDesign;
import dev.insight.stats.estimate.Estimator;
import java.util.ArrayList;
import java.util.List;
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
 * Replicate variance on a million respondents: a proportion with its standard error in each of 5 domains with 80
 * bootstrap replicates (R's {@code svyby(~y, ~region, svrepdesign(...), svymean)}), the replicate weights given as
 * 80 columns of the data (combined weights, as published files carry them) or made from the design's 2,000 PSUs
 * ({@code as.svrepdesign(type = "bootstrap", replicates = 80)}). The replicate weights are read in place: the
 * columns hold 80 x 1M doubles (640 MB) once, in the dataset; an estimate allocates only its own row vectors.
 *
 * <p>Run: {@code java -jar insight-benchmarks/target/benchmarks.jar ReplicateBenchmark -f 1 -wi 1 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1500m")
public class ReplicateBenchmark {
  private static final int REPLICATES = 80;
  private static final int PSUS = 2000;

  @Param("1000000")
  int respondents;

  private SurveyDesign columns;
  private SurveyDesign made;

  /** Builds the data: 5 regions, a 0/1 outcome, 2,000 PSUs, weights and 80 bootstrap replicate columns. */
  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(14);
    int n = respondents;
    int[] region = new int[n];
    double[] y = new double[n];
    double[] psu = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      region[i] = random.nextInt(5);
      y[i] = random.nextDouble() < 0.3 + 0.05 * region[i] ? 1 : 0;
      psu[i] = i % PSUS;
      w[i] = 50 + random.nextDouble() * 100;
    }
    // bootstrap multiplicities of the PSUs (n PSUs drawn with replacement per replicate)
    double[][] count = new double[REPLICATES][PSUS];
    for (int r = 0; r < REPLICATES; r++) {
      for (int k = 0; k < PSUS; k++) {
        count[r][random.nextInt(PSUS)]++;
      }
    }
    List<Category> regions = new ArrayList<>();
    for (int g = 0; g < 5; g++) {
      regions.add(Category.of("r" + g));
    }
    Dataset.Builder builder = Dataset.builder(ids(n))
        .add(CategoricalVariable.of("region", null, regions, region))
        .add(NumericVariable.of("y", null, y))
        .add(NumericVariable.of("psu", null, psu))
        .add(NumericVariable.of("w", null, w));
    List<String> names = new ArrayList<>();
    for (int r = 0; r < REPLICATES; r++) {
      double[] rep = new double[n];
      for (int i = 0; i < n; i++) {
        rep[i] = w[i] * count[r][i % PSUS];
      }
      names.add("rep" + r);
      builder.add(NumericVariable.of("rep" + r, null, rep));
    }
    Dataset data = builder.build();
    columns = SurveyDesign.builder(data).weights("w").replicateWeights(names, ReplicateType.BOOTSTRAP).build();
    made = SurveyDesign.builder(data).weights("w").cluster("psu").build()
        .withReplicates(ReplicateType.BOOTSTRAP, REPLICATES, 1, false);
  }

  private static List<String> ids(int n) {
    List<String> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add(Integer.toString(i));
    }
    return ids;
  }

  /**
   * The proportion and its replicate standard error in each of 5 domains, replicate weights as columns.
   *
   * @param hole the sink
   */
  @Benchmark
  public void fiveDomainsReplicateColumns(Blackhole hole) {
    Estimator estimator = Estimator.of(columns);
    for (int g = 0; g < 5; g++) {
      hole.consume(estimator.proportion("y", Filter.category("region", "r" + g)));
    }
  }

  /**
   * The same with the replicates made from the design's PSUs.
   *
   * @param hole the sink
   */
  @Benchmark
  public void fiveDomainsReplicatesFromPsus(Blackhole hole) {
    Estimator estimator = Estimator.of(made);
    for (int g = 0; g < 5; g++) {
      hole.consume(estimator.proportion("y", Filter.category("region", "r" + g)));
    }
  }
}
