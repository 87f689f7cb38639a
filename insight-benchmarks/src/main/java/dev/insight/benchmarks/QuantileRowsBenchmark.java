package dev.insight.benchmarks;

import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Category;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.NumericVariable;
import dev.insight.stats.design.SurveyDesign;
import dev.insight.stats.table.BannerTable;
import dev.insight.stats.table.BannerTables;
import dev.insight.stats.table.RowSpec;
import dev.insight.stats.table.TableSpec;
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

/**
 * Quantile rows of a banner table on a large survey: the quartiles of one numeric question (an income with many
 * ties) by a banner of 15 columns (three single-choice variables of 5 categories) plus Total, each cell with its
 * Woodruff interval, under a weights-only design ({@code weighted}) and a stratified one ({@code stratified}: 20
 * strata, the banner columns' linearised variances).
 *
 * <p>Run: {@code java -jar insight-benchmarks/target/benchmarks.jar QuantileRowsBenchmark -f 1 -wi 1 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g", "-XX:ActiveProcessorCount=1"})
public class QuantileRowsBenchmark {
  @Param("1000000")
  int respondents;

  private Dataset data;
  private double[] weights;
  private TableSpec spec;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(20261201);
    int n = respondents;
    List<String> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add("R" + i);
    }
    Dataset.Builder builder = Dataset.builder(ids);
    List<Category> five = List.of(Category.of("1"), Category.of("2"), Category.of("3"), Category.of("4"),
        Category.of("5"));
    List<String> banner = new ArrayList<>();
    for (int b = 0; b < 3; b++) {
      int[] codes = new int[n];
      for (int i = 0; i < n; i++) {
        codes[i] = random.nextInt(5);
      }
      builder.add(CategoricalVariable.of("banner" + b, null, five, codes));
      banner.add("banner" + b);
    }
    List<Category> strata = new ArrayList<>();
    for (int h = 0; h < 20; h++) {
      strata.add(Category.of("s" + h));
    }
    int[] stratum = new int[n];
    double[] income = new double[n];
    for (int i = 0; i < n; i++) {
      stratum[i] = random.nextInt(20);
      // rounded to the nearest 500, as incomes are reported: many ties
      income[i] = random.nextInt(20) == 0 ? Double.NaN
          : 500 * Math.rint(Math.exp(10 + random.nextGaussian()) / 500);
    }
    builder.add(CategoricalVariable.of("stratum", null, strata, stratum));
    builder.add(NumericVariable.of("income", null, income));
    data = builder.build();
    weights = new double[n];
    for (int i = 0; i < n; i++) {
      weights[i] = 0.5 + random.nextDouble() * 1.5;
    }
    spec = TableSpec.of(List.of(RowSpec.quantiles("income", 0.25, 0.5, 0.75)), banner);
  }

  /**
   * The quartiles in 16 columns, weights only.
   *
   * @return the table
   */
  @Benchmark
  public BannerTable weighted() {
    return BannerTables.compute(SurveyDesign.builder(data).weights(weights).build(), spec);
  }

  /**
   * The same under a stratified design.
   *
   * @return the table
   */
  @Benchmark
  public BannerTable stratified() {
    return BannerTables.compute(SurveyDesign.builder(data).weights(weights).strata("stratum").build(), spec);
  }
}
