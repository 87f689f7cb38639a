package dev.insight.benchmarks;

import dev.insight.core.csv.CsvFile;
import dev.insight.core.csv.CsvOptions;
import dev.insight.core.input.ProblemCollector;
import dev.insight.core.input.ReadMode;
import dev.insight.examples.cli.Insight;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
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
 * Reading a survey from an XLSX workbook: {@code insight describe --json} (the whole sheet read through the zip
 * limits check and the streaming reader, then the codebook inferred) on 100,000 respondents by 20 variables (36
 * columns, numbers as number cells, the ids as text), against the same survey as CSV.
 *
 * <p>Run: {@code java -jar insight-benchmarks/target/benchmarks.jar XlsxReadBenchmark -f 1 -wi 1 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class XlsxReadBenchmark {
  private static final int RESPONDENTS = 100_000;
  private Path csv;
  private Path xlsx;

  /** Writes the survey as CSV and as a workbook once per trial. */
  @Setup
  public void setUp() {
    csv = SyntheticSurvey.write(RESPONDENTS, 42);
    try {
      xlsx = Files.createTempFile("insight-survey-" + RESPONDENTS + "-", ".xlsx");
      xlsx.toFile().deleteOnExit();
      try (OutputStream out = Files.newOutputStream(xlsx); Workbook book = new Workbook(out, "insight", "1.0");
          CsvFile rows = CsvFile.open(csv, CsvOptions.defaults(), ProblemCollector.of(csv.toString(),
              ReadMode.STRICT))) {
        Worksheet sheet = book.newWorksheet("Responses");
        for (int c = 0; c < rows.header().size(); c++) {
          sheet.value(0, c, rows.header().names().get(c));
        }
        int r = 1;
        while (rows.next()) {
          sheet.value(r, 0, rows.field(0));
          for (int c = 1; c < rows.fieldCount(); c++) {
            sheet.value(r, c, Double.parseDouble(rows.field(c)));
          }
          if (r % 10_000 == 0) {
            sheet.flush();
          }
          r++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int describe(Path data) {
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    int code = Insight.run(sink, sink, "describe", "--data", data.toString(), "--json");
    if (code != 0) {
      throw new IllegalStateException("describe failed on " + data);
    }
    return code;
  }

  /**
   * The workbook.
   *
   * @return the exit code
   */
  @Benchmark
  public int xlsx100k() {
    return describe(xlsx);
  }

  /**
   * The same survey as CSV, for comparison.
   *
   * @return the exit code
   */
  @Benchmark
  public int csv100k() {
    return describe(csv);
  }
}
