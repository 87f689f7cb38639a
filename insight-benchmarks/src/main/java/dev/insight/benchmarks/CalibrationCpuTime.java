package dev.insight.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The CPU time (not wall-clock time) of the {@link CalibrationBenchmark} methods, for a shared, loaded machine where
 * wall-clock times mostly measure waiting.
 *
 * <p>Run: {@code java -Xmx768m -cp insight-benchmarks/target/benchmarks.jar
 * dev.insight.benchmarks.CalibrationCpuTime}
 */
public final class CalibrationCpuTime {
  private CalibrationCpuTime() {}

  /**
   * Times each benchmark method over 5 calls, three rounds (the first is warm-up).
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    CalibrationBenchmark benchmark = new CalibrationBenchmark();
    benchmark.respondents = 1_000_000;
    benchmark.setUp();
    Blackhole hole = new Blackhole(
        "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    String[] names = {"linear", "rakingBounded", "mainEffectsLinearBounded", "mainEffectsRakingBounded",
        "proportionByRegion"};
    for (int round = 0; round < 3; round++) {
      for (String name : names) {
        int reps = 5;
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        for (int i = 0; i < reps; i++) {
          switch (name) {
            case "linear" -> hole.consume(benchmark.linear());
            case "rakingBounded" -> hole.consume(benchmark.rakingBounded());
            case "mainEffectsLinearBounded" -> hole.consume(benchmark.mainEffectsLinearBounded());
            case "mainEffectsRakingBounded" -> hole.consume(benchmark.mainEffectsRakingBounded());
            default -> benchmark.proportionByRegion(hole);
          }
        }
        cpu = threads.getCurrentThreadCpuTime() - cpu;
        wall = System.nanoTime() - wall;
        System.out.printf(Locale.ROOT, "round %d %-20s cpu %7.1f ms/op, wall %7.1f ms/op%n", round, name,
            cpu / 1e6 / reps, wall / 1e6 / reps);
      }
    }
  }
}
