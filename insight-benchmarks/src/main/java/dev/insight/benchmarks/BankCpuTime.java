package dev.insight.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The bank's add and search in CPU time as well as wall-clock time, for a machine shared with other work, where
 * wall-clock percentiles measure the load as much as the code. Same bank, programme and queries as
 * {@link BankBenchmark}. Adding is timed in the process's CPU time (Lucene's merges run on their own threads) and
 * wall-clock time (which includes the commit's fsync); searching in this thread's CPU time and wall-clock time.
 *
 * <p>Run: {@code java -Xmx2g -cp insight-benchmarks/target/benchmarks.jar dev.insight.benchmarks.BankCpuTime}
 */
public final class BankCpuTime {
  private BankCpuTime() {}

  /**
   * Runs the measurement.
   *
   * @param args none
   * @throws Exception when the bank cannot be built
   */
  public static void main(String[] args) throws Exception {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    BankBenchmark state = new BankBenchmark();
    state.programmes = 200;
    state.build();
    int adds = 10;
    double[] addWall = new double[adds];
    double[] addCpu = new double[adds];
    for (int i = 0; i < adds; i++) {
      long cpu = os.getProcessCpuTime();
      long wall = System.nanoTime();
      state.addProgramme();
      addWall[i] = (System.nanoTime() - wall) / 1e6;
      addCpu[i] = (os.getProcessCpuTime() - cpu) / 1e6;
    }
    int searches = 800;
    double[] searchWall = new double[searches];
    double[] searchCpu = new double[searches];
    for (int i = 0; i < 2 * searches; i++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      state.search();
      if (i >= searches) {
        searchWall[i - searches] = (System.nanoTime() - wall) / 1e6;
        searchCpu[i - searches] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
      }
    }
    System.out.printf(Locale.ROOT, "add (replace) a programme of 2,600 items, %d times: wall median %.0f ms, max "
        + "%.0f ms; process CPU median %.0f ms, max %.0f ms%n", adds, pct(addWall, 50), pct(addWall, 100),
        pct(addCpu, 50), pct(addCpu, 100));
    System.out.printf(Locale.ROOT, "search, %d after %d warm-up: wall p50 %.2f ms, p95 %.2f ms, p99 %.2f ms; "
        + "thread CPU p50 %.2f ms, p95 %.2f ms%n", searches, searches, pct(searchWall, 50), pct(searchWall, 95),
        pct(searchWall, 99), pct(searchCpu, 50), pct(searchCpu, 95));
    state.delete();
  }

  private static double pct(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int at = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, at))];
  }
}
