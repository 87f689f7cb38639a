package dev.insight.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The CPU time of one thread computing {@link BannerTableBenchmark}'s tables, a companion to the JMH figures for a
 * shared machine: thread CPU time does not count the time the thread waits for a core, so it stays meaningful when
 * other processes load the machine (JMH's wall-clock figures do not).
 *
 * <p>Run: {@code java -Xmx4g -XX:ActiveProcessorCount=1 -cp insight-benchmarks/target/benchmarks.jar
 * dev.insight.benchmarks.BannerTableCpuTime [runs] [raoscott]}; it prints each run and the median of the second
 * half (after warm-up).
 */
public final class BannerTableCpuTime {
  private BannerTableCpuTime() {}

  /**
   * Runs the measurement.
   *
   * @param args optional number of runs (default 12) and {@code raoscott} to include the Rao-Scott tests
   */
  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 12;
    boolean raoScott = args.length > 1 && args[1].equals("raoscott");
    BannerTableBenchmark benchmark = new BannerTableBenchmark();
    benchmark.respondents = 1_000_000;
    benchmark.setUp();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double[] cpu = new double[runs];
    for (int run = 0; run < runs; run++) {
      long c0 = mx.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      Object table = raoScott ? benchmark.tableWithRaoScott() : benchmark.tableWithColumnTests();
      cpu[run] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
      System.out.printf(Locale.ROOT, "run %d: cpu %.1f ms, wall %.1f ms (%s)%n", run, cpu[run],
          (System.nanoTime() - t0) / 1e6, table.getClass().getSimpleName());
    }
    double[] tail = java.util.Arrays.copyOfRange(cpu, runs / 2, runs);
    java.util.Arrays.sort(tail);
    System.out.printf(Locale.ROOT, "median cpu of the last %d runs: %.1f ms%n", tail.length, tail[tail.length / 2]);
  }
}
