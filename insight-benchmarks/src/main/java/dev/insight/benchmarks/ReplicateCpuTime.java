package dev.insight.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The CPU time (not wall-clock time) of the {@link ReplicateBenchmark} methods, for a shared, loaded machine where
 * wall-clock times mostly measure waiting for a core.
 *
 * <p>Run: {@code java -Xmx1500m -cp insight-benchmarks/target/benchmarks.jar
 * dev.insight.benchmarks.ReplicateCpuTime}
 */
public final class ReplicateCpuTime {
  private ReplicateCpuTime() {}

  /**
   * Times each benchmark method over 5 calls, three rounds (the first is warm-up).
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    ReplicateBenchmark benchmark = new ReplicateBenchmark();
    benchmark.respondents = 1_000_000;
    benchmark.setUp();
    Blackhole hole = new Blackhole(
        "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int round = 0; round < 3; round++) {
      for (String name : new String[] {"fiveDomainsReplicateColumns", "fiveDomainsReplicatesFromPsus",
          "rakeColumns", "rakeMade", "fiveDomainsRakedReplicateColumns", "fiveDomainsRakedReplicatesFromPsus"}) {
        int reps = 5;
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        for (int i = 0; i < reps; i++) {
          switch (name) {
            case "fiveDomainsReplicateColumns" -> benchmark.fiveDomainsReplicateColumns(hole);
            case "fiveDomainsReplicatesFromPsus" -> benchmark.fiveDomainsReplicatesFromPsus(hole);
            case "rakeColumns" -> hole.consume(benchmark.rakeColumns());
            case "rakeMade" -> hole.consume(benchmark.rakeMade());
            case "fiveDomainsRakedReplicateColumns" -> benchmark.fiveDomainsRakedReplicateColumns(hole);
            default -> benchmark.fiveDomainsRakedReplicatesFromPsus(hole);
          }
        }
        cpu = threads.getCurrentThreadCpuTime() - cpu;
        wall = System.nanoTime() - wall;
        System.out.printf(Locale.ROOT, "round %d %-30s cpu %7.1f ms/op, wall %7.1f ms/op%n", round, name,
            cpu / 1e6 / reps, wall / 1e6 / reps);
      }
    }
  }
}
