package dev.insight.benchmarks;

import dev.insight.codeframe.Code;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.rules.RuleCoder;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Map;

/**
 * Rule coding throughput in comments per second of this thread's CPU time, for a machine shared with other work,
 * where JMH's wall-clock scores measure the load as much as the code. Same comments and rules as
 * {@link RuleCodingBenchmark}; each configuration codes the first 200,000 of the 1,000,000 resampled comments three
 * times after one warm-up pass and reports the best pass.
 *
 * <p>Run: {@code java -cp insight-benchmarks/target/benchmarks.jar dev.insight.benchmarks.RuleCodingCpuTime}
 */
public final class RuleCodingCpuTime {
  private RuleCodingCpuTime() {}

  /**
   * Runs the measurement.
   *
   * @param args none
   */
  public static void main(String[] args) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int codes : new int[] {0, 50, 100, 200, 400}) {
      RuleCodingBenchmark state = new RuleCodingBenchmark();
      state.codes = Math.max(codes, 1);
      state.setUp();
      RuleCoder coder = codes == 0 ? RuleCoder.of(Codeframe.builder("none").add(Code.of("x", "X")).build(),
          Map.<CodeId, String>of()) : state.coder();
      String[] comments = java.util.Arrays.copyOf(state.comments(), 200_000);
      for (String mode : codes == 0 ? new String[] {"analysis only"} : new String[] {"index", "every rule", "index+explain"}) {
        double best = 0;
        long checksum = 0;
        for (int pass = 0; pass < 4; pass++) {
          long start = threads.getCurrentThreadCpuTime();
          for (String comment : comments) {
            checksum += mode.equals("every rule") ? coder.countWithoutIndex(comment)
                : mode.equals("index") ? coder.count(comment) : coder.match(comment).size();
          }
          double seconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
          if (pass > 0) {
            best = Math.max(best, comments.length / seconds);
          }
        }
        System.out.printf(Locale.ROOT, "codes %3d  %-13s %,10.0f comments per CPU second (checksum %d)%n", codes,
            mode, best, checksum);
      }
    }
  }

}
