package dev.insight.benchmarks;

import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Category;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.NumericVariable;
import dev.insight.stats.design.Filter;
import dev.insight.stats.design.Margin;
import dev.insight.stats.design.Raking;
import dev.insight.stats.design.ReplicateType;
import dev.insight.stats.design.SurveyDesign;
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
 * Replicate variance on a million respondents: a proportion with its standard error in each of 5 domains with 80
 * bootstrap replicates (R's {@code svyby(~y, ~region, svrepdesign(...), svymean)}), the replicate weights given as
 * 80 columns of the data (combined weights, as published files carry them) or made from the design's 2,000 PSUs
 * ({@code as.svrepdesign(type = "bootstrap", replicates = 80)}). The replicate weights are read in place: the
 * columns hold 80 x 1M doubles (640 MB) once, in the dataset; an estimate allocates only its own row vectors.
 * The same designs raked on region, age band and sex (5 x 4 x 2 cells), every replicate raked to the same margins
 * (R's {@code rake} of an {@code svyrep.design}): the raking itself, and the 5 domains on the raked designs, whose
 * replicate weights are the given ones times a factor per replicate and cell.
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
  private SurveyDesign rakedColumns;
  private SurveyDesign rakedMade;
  private List<Margin> margins;

  /** Builds the data: 5 regions, a 0/1 outcome, 2,000 PSUs, weights and 80 bootstrap replicate columns. */
  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(14);
    int n = respondents;
    int[] region = new int[n];
    int[] age = new int[n];
    int[] sex = new int[n];
    double[] y = new double[n];
    double[] psu = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      region[i] = random.nextInt(5);
      age[i] = random.nextInt(4);
      sex[i] = random.nextInt(2);
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
        .add(CategoricalVariable.of("age", null, List.of(Category.of("16-34"), Category.of("35-54"),
            Category.of("55-74"), Category.of("75+")), age))
        .add(CategoricalVariable.of("sex", null, List.of(Category.of("F"), Category.of("M")), sex))
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
    double total = 0;
    for (double v : w) {
      total += v;
    }
    margins = List.of(margin("region", total, new double[] {0.18, 0.19, 0.2, 0.21, 0.22}, "r0", "r1", "r2", "r3",
            "r4"), margin("age", total, new double[] {0.3, 0.3, 0.25, 0.15}, "16-34", "35-54", "55-74", "75+"),
        margin("sex", total, new double[] {0.51, 0.49}, "F", "M"));
    rakedColumns = rakeColumns();
    rakedMade = rakeMade();
  }

  private static Margin margin(String variable, double total, double[] shares, String... codes) {
    Map<String, Double> targets = new LinkedHashMap<>();
    for (int k = 0; k < codes.length; k++) {
      targets.put(codes[k], shares[k] * total);
    }
    return Margin.counts(variable, targets);
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
   * Rakes the design with 80 replicate columns: the full sample and every replicate to the same margins.
   *
   * @return the raked design
   */
  @Benchmark
  public SurveyDesign rakeColumns() {
    return Raking.of(margins).apply(columns).design();
  }

  /**
   * Rakes the design with 80 replicates made from its PSUs.
   *
   * @return the raked design
   */
  @Benchmark
  public SurveyDesign rakeMade() {
    return Raking.of(margins).apply(made).design();
  }

  /**
   * The proportion and its replicate standard error in each of 5 domains of the raked design (replicate columns).
   *
   * @param hole the sink
   */
  @Benchmark
  public void fiveDomainsRakedReplicateColumns(Blackhole hole) {
    Estimator estimator = Estimator.of(rakedColumns);
    for (int g = 0; g < 5; g++) {
      hole.consume(estimator.proportion("y", Filter.category("region", "r" + g)));
    }
  }

  /**
   * The same on the raked design whose replicates were made from its PSUs.
   *
   * @param hole the sink
   */
  @Benchmark
  public void fiveDomainsRakedReplicatesFromPsus(Blackhole hole) {
    Estimator estimator = Estimator.of(rakedMade);
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
