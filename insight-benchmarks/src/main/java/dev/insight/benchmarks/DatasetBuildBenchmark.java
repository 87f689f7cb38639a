package dev.insight.benchmarks;

import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Category;
import dev.insight.core.data.Dataset;
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
 * Building a dataset of categorical columns in memory.
 *
 * <p>Run: {@code java -jar insight-benchmarks/target/benchmarks.jar DatasetBuildBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class DatasetBuildBenchmark {
  @Param("100000")
  int respondents;

  private List<String> ids;
  private int[] codes;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(1);
    ids = new ArrayList<>(respondents);
    codes = new int[respondents];
    for (int i = 0; i < respondents; i++) {
      ids.add("R" + i);
      codes[i] = random.nextInt(5);
    }
  }

  @Benchmark
  public Dataset build() {
    List<Category> categories = List.of(Category.of("1"), Category.of("2"), Category.of("3"), Category.of("4"),
        Category.of("5"));
    return Dataset.builder(ids).add(CategoricalVariable.of("q1", null, categories, codes)).build();
  }
}
