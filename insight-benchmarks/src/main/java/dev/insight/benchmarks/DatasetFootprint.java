package dev.insight.benchmarks;

import dev.insight.core.csv.SurveyCsvReader;
import dev.insight.core.data.Dataset;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Measures the heap a dataset of 1,000,000 respondents by 20 variables retains once read: the used heap after
 * garbage collection with the dataset reachable, minus the used heap before reading.
 *
 * <p>Run: {@code java -Xmx1g -cp insight-benchmarks/target/benchmarks.jar dev.insight.benchmarks.DatasetFootprint}
 */
public final class DatasetFootprint {
  private DatasetFootprint() {}

  /**
   * Prints the retained heap.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Path file = SyntheticSurvey.write(1_000_000, 42);
    long before = usedAfterGc();
    Dataset data = SurveyCsvReader.read(file, SyntheticSurvey.mapping());
    long after = usedAfterGc();
    System.out.printf(Locale.ROOT, "%d respondents x %d variables retain %.1f MB of heap (max heap %d MB)%n",
        data.rowCount(), data.variables().size(), (after - before) / 1e6,
        Runtime.getRuntime().maxMemory() / (1 << 20));
  }

  private static long usedAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
