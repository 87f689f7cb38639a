package dev.insight.benchmarks;

import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Category;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.MultiResponseVariable;
import dev.insight.stats.design.SurveyDesign;
import dev.insight.stats.table.BannerTable;
import dev.insight.stats.table.BannerTables;
import dev.insight.stats.table.RowSpec;
import dev.insight.stats.table.TableOptions;
import dev.insight.stats.table.TableSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * A full banner table on a large survey: 1,000,000 respondents, 20 questions (10 single-choice with 5 categories,
 * 10 multiple-response with 8 options) by a banner of 15 columns (three single-choice variables of 5 categories)
 * plus Total, weighted, with every column test (column proportions letters at two levels, each column against
 * the rest). {@code tableWithRaoScott} adds a Rao-Scott test of every question (and multiple-response option)
 * against each banner variable: 10 + 80 = 90 tests per banner variable.
 *
 * <p>Run: {@code java -jar insight-benchmarks/target/benchmarks.jar BannerTableBenchmark -f 1 -wi 2 -i 3}.
 * With {@code -Dinsight.bench.csv=PATH} the setup also writes the data as CSV for the R comparison script
 * {@code insight-benchmarks/r/banner_tables.R}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g", "-XX:ActiveProcessorCount=1"})
public class BannerTableBenchmark {
  @Param("1000000")
  int respondents;

  private Dataset data;
  private double[] weights;
  private TableSpec spec;
  private TableSpec specWithRaoScott;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(20261123);
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
        codes[i] = skewed(random, 5);
      }
      builder.add(CategoricalVariable.of("banner" + b, null, five, codes));
      banner.add("banner" + b);
    }
    List<RowSpec> rows = new ArrayList<>();
    for (int q = 0; q < 10; q++) {
      int[] codes = new int[n];
      for (int i = 0; i < n; i++) {
        codes[i] = random.nextInt(20) == 0 ? -1 : skewed(random, 5);
      }
      builder.add(CategoricalVariable.of("single" + q, null, five, codes));
      rows.add(RowSpec.categories("single" + q));
    }
    List<Category> eight = new ArrayList<>();
    for (int o = 0; o < 8; o++) {
      eight.add(Category.of("opt" + o));
    }
    for (int q = 0; q < 10; q++) {
      MultiResponseVariable.Builder multi = MultiResponseVariable.builder("multi" + q, null, eight);
      boolean[] chosen = new boolean[8];
      for (int i = 0; i < n; i++) {
        if (random.nextInt(20) == 0) {
          multi.addMissing();
          continue;
        }
        for (int o = 0; o < 8; o++) {
          chosen[o] = random.nextDouble() < 0.1 + 0.05 * o;
        }
        multi.add(chosen);
      }
      builder.add(multi.build());
      rows.add(RowSpec.options("multi" + q));
    }
    data = builder.build();
    weights = new double[n];
    for (int i = 0; i < n; i++) {
      weights[i] = 0.5 + random.nextDouble() * 1.5;
    }
    spec = TableSpec.of(rows, banner).withOptions(TableOptions.defaults().withRaoScott(false));
    specWithRaoScott = TableSpec.of(rows, banner);
    String csv = System.getProperty("insight.bench.csv");
    if (csv != null) {
      writeCsv(Path.of(csv));
    }
  }

  /** Categories with unequal sizes, as banner groups are. */
  private static int skewed(SplittableRandom random, int categories) {
    double u = random.nextDouble();
    return Math.min(categories - 1, (int) (categories * u * u));
  }

  private void writeCsv(Path file) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      List<String> names = data.variableNames();
      StringBuilder header = new StringBuilder("id,w");
      for (String name : names) {
        if (data.variable(name) instanceof MultiResponseVariable m) {
          for (Category option : m.options()) {
            header.append(',').append(name).append('_').append(option.code());
          }
        } else {
          header.append(',').append(name);
        }
      }
      w.write(header.append('\n').toString());
      for (int i = 0; i < data.rowCount(); i++) {
        StringBuilder line = new StringBuilder(data.id(i).value()).append(',').append(weights[i]);
        for (String name : names) {
          if (data.variable(name) instanceof MultiResponseVariable m) {
            for (int o = 0; o < m.options().size(); o++) {
              line.append(',').append(m.isMissing(i) ? "" : m.isSelected(i, o) ? "1" : "0");
            }
          } else {
            CategoricalVariable c = data.categorical(name);
            line.append(',').append(c.isMissing(i) ? "" : c.categories().get(c.categoryIndex(i)).code());
          }
        }
        w.write(line.append('\n').toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Twenty questions by fifteen banner columns with every column test.
   *
   * @return the table
   */
  @Benchmark
  public BannerTable tableWithColumnTests() {
    return BannerTables.compute(SurveyDesign.builder(data).weights(weights).build(), spec);
  }

  /**
   * The same with Rao-Scott tests of each question and option against each banner variable.
   *
   * @return the table
   */
  @Benchmark
  public BannerTable tableWithRaoScott() {
    return BannerTables.compute(SurveyDesign.builder(data).weights(weights).build(), specWithRaoScott);
  }
}
