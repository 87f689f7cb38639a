package dev.insight.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The CPU time (not wall-clock time) of the {@link WeightingBenchmark} methods, for comparison with R's
 * {@code system.time} CPU figures on a shared, loaded machine where wall-clock times mostly measure waiting.
 *
 * <p>Run: {@code java -Xmx512m -cp insight-benchmarks/target/benchmarks.jar dev.insight.benchmarks.WeightingCpuTime}
 */
public final class WeightingCpuTime {
  private WeightingCpuTime() {}

  /**
   * Times each benchmark method over 10 calls, three rounds (the first is warm-up).
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    WeightingBenchmark benchmark = new WeightingBenchmark();
    benchmark.respondents = 1_000_000;
    benchmark.setUp();
    Blackhole hole = new Blackhole(
        "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    String[] names = {"rake", "domainProportionsFixedWeights", "domainProportionsRakedDesign"};
    for (int round = 0; round < 3; round++) {
      for (String name : names) {
        int reps = 10;
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        for (int i = 0; i < reps; i++) {
          switch (name) {
            case "rake" -> hole.consume(benchmark.rake());
            case "domainProportionsFixedWeights" -> benchmark.domainProportionsFixedWeights(hole);
            default -> benchmark.domainProportionsRakedDesign(hole);
          }
        }
        cpu = threads.getCurrentThreadCpuTime() - cpu;
        wall = System.nanoTime() - wall;
        System.out.printf(Locale.ROOT, "round %d %-32s cpu %7.1f ms/op, wall %7.1f ms/op%n", round, name,
            cpu / 1e6 / reps, wall / 1e6 / reps);
      }
    }
  }
}
