package dev.insight.benchmarks;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.insight.core.csv.CsvFile;
import dev.insight.core.csv.CsvOptions;
import dev.insight.core.csv.SurveyCsvReader;
import dev.insight.core.input.ProblemCollector;
import dev.insight.core.input.ReadMode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The CPU time of one thread reading {@link SurveyReadBenchmark}'s 1,000,000 x 20 export, a companion to the JMH
 * figures for a shared machine (thread CPU time does not count waiting for a core). Each run times three reads of
 * the same file: splitting it into records with FastCSV (the parser insight used before), splitting it with
 * insight's strict {@link CsvFile} (decoding, line and quote checks included), and the whole read into a
 * {@code Dataset} with {@link SurveyCsvReader}.
 *
 * <p>Run: {@code java -Xmx2g -cp insight-benchmarks/target/benchmarks.jar dev.insight.benchmarks.SurveyReadCpuTime
 * [runs]}; it prints each run and the medians of the second half (after warm-up).
 */
public final class SurveyReadCpuTime {
  private SurveyReadCpuTime() {}

  /**
   * Runs the measurement.
   *
   * @param args optional number of runs (default 8)
   */
  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    Path file = SyntheticSurvey.write(1_000_000, 42);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double[][] cpu = new double[3][runs];
    for (int run = 0; run < runs; run++) {
      long c0 = mx.getCurrentThreadCpuTime();
      long fast = fastCsv(file);
      long c1 = mx.getCurrentThreadCpuTime();
      long strict = csvFile(file);
      long c2 = mx.getCurrentThreadCpuTime();
      int rows = SurveyCsvReader.read(file, SyntheticSurvey.mapping(), ReadMode.STRICT).value().rowCount();
      long c3 = mx.getCurrentThreadCpuTime();
      cpu[0][run] = (c1 - c0) / 1e6;
      cpu[1][run] = (c2 - c1) / 1e6;
      cpu[2][run] = (c3 - c2) / 1e6;
      System.out.printf(Locale.ROOT, "run %d: FastCSV records %.0f ms, CsvFile records %.0f ms, SurveyCsvReader %.0f"
          + " ms (%d, %d characters, %d rows)%n", run, cpu[0][run], cpu[1][run], cpu[2][run], fast, strict, rows);
    }
    String[] names = {"FastCSV records", "CsvFile records", "SurveyCsvReader"};
    for (int k = 0; k < 3; k++) {
      double[] tail = Arrays.copyOfRange(cpu[k], runs / 2, runs);
      Arrays.sort(tail);
      System.out.printf(Locale.ROOT, "median cpu of the last %d runs, %s: %.0f ms%n", tail.length, names[k],
          tail[tail.length / 2]);
    }
  }

  /** Characters in the last field of every record, so the work is not optimised away. */
  private static long fastCsv(Path file) {
    long chars = 0;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(reader)) {
      boolean header = true;
      for (CsvRecord record : csv) {
        if (header) {
          header = false;
          continue;
        }
        chars += record.getField(record.getFieldCount() - 1).length();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return chars;
  }

  private static long csvFile(Path file) {
    long chars = 0;
    try (CsvFile csv = CsvFile.open(file, CsvOptions.defaults(), ProblemCollector.of(file.toString(),
        ReadMode.STRICT))) {
      while (csv.next()) {
        chars += csv.field(csv.fieldCount() - 1).length();
      }
    }
    return chars;
  }
}
