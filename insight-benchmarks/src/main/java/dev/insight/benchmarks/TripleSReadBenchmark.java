package dev.insight.benchmarks;

import dev.insight.examples.cli.Insight;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a Triple-S survey: {@code insight describe --json} (metadata parsed, every fixed-width record cut into
 * its fields and checked against its declaration, then the codebook inferred) on 100,000 respondents by 20
 * variables, written from the synthetic CSV by {@code insight convert --out survey.sss}; and the same survey as
 * CSV, for comparison.
 *
 * <p>Run: {@code java -jar insight-benchmarks/target/benchmarks.jar TripleSReadBenchmark -f 1 -wi 1 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class TripleSReadBenchmark {
  private static final int RESPONDENTS = 100_000;
  private Path csv;
  private Path sss;

  /** Writes the survey as CSV, then as Triple-S through {@code insight convert}, once per trial. */
  @Setup
  public void setUp() {
    csv = SyntheticSurvey.write(RESPONDENTS, 42);
    try {
      Path folder = Files.createTempDirectory("insight-triple-s-");
      sss = folder.resolve("survey.sss");
      run("convert", "--data", csv.toString(), "--id", "id", "--out", sss.toString());
      for (Path file : new Path[] {sss, folder.resolve("survey.asc"), folder}) {
        file.toFile().deleteOnExit();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int run(String... args) {
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    int code = Insight.run(sink, sink, args);
    if (code != 0) {
      throw new IllegalStateException("insight " + String.join(" ", args) + " failed");
    }
    return code;
  }

  /**
   * The Triple-S survey.
   *
   * @return the exit code
   */
  @Benchmark
  public int tripleS100k() {
    return run("describe", "--data", sss.toString(), "--json");
  }

  /**
   * The same survey as CSV, for comparison.
   *
   * @return the exit code
   */
  @Benchmark
  public int csv100k() {
    return run("describe", "--data", csv.toString(), "--json");
  }
}
