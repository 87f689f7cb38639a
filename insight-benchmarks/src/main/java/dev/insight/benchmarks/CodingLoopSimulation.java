package dev.insight.benchmarks;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.learn.CodedExample;
import dev.insight.codeframe.learn.CodedExamples;
import dev.insight.codeframe.learn.CodingSchedule;
import dev.insight.codeframe.learn.LearnedCoder;
import dev.insight.codeframe.learn.LearnerOptions;
import dev.insight.codeframe.learn.Prediction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the person-in-the-loop buys, by simulation on the shared patient-feedback file (the coders' labels stand in
 * for the person at {@code insight code review}): after 100, 200, 400, 800 and 1,600 comments coded, in the tool's
 * order or in random order, the held-out micro-F1 of a model trained on them and the share of the comments still
 * uncoded that the model codes at precision 0.9 (and the precision it really gets there).
 *
 * <p>The tool's order is the review page's, {@link CodingSchedule}: the first {@link CodingSchedule#FIRST_MODEL_AT}
 * comments of the random order, then batches from {@link CodingSchedule#next} on the model trained so far (half drawn
 * by the model, half the next comments of the same random order), retrained after each batch of
 * {@link CodingSchedule#retrainAfter} comments. Random order codes the pool in that same random order, so the two
 * orders differ only by the model's picks (common random numbers: the paired difference is far less noisy than between
 * two independent random orders). "Coded at precision 0.9" is measured against the people's codes: the largest share
 * of the uncoded comments, most confident first, whose codes are right at least 90% of the time; the share the model
 * itself would code at its cross-validated 0.9 threshold, and the precision it really gets there, are shown beside it.
 * For each seed a fifth of the file is held out for the F1, the same for both orders; the rest is the pool the person
 * codes from (random order is the pool shuffled with the seed). Figures are the mean over the seeds, with the standard
 * deviation of the paired difference (tool minus random) over the seeds. Run from the worktree root after
 * {@code mvn -B -q -ntp -pl insight-benchmarks -am package -DskipTests -Dmaven.javadoc.skip}:
 *
 * <pre>
 * java -cp insight-benchmarks/target/benchmarks.jar dev.insight.benchmarks.CodingLoopSimulation \
 *     [--seeds 5] [--threads 2]
 * </pre>
 */
public final class CodingLoopSimulation {
  private static final int[] CHECKPOINTS = {100, 200, 400, 800, 1600};
  private static final double PRECISION = 0.9;
  private static final String[] FIGURES = {"held-out micro-F1", "share of the rest coded at precision 0.9",
      "share at the model's own 0.9 threshold", "precision there"};

  private CodingLoopSimulation() {}

  /**
   * Runs the simulation and prints one row per order and checkpoint, averaged over the seeds.
   *
   * @param args {@code --seeds N} (default 5), {@code --first-seed N} (default 1), {@code --up-to N} (the last
   *     checkpoint, default 1,600), {@code --threads N} (seeds run side by side, default 1)
   */
  public static void main(String[] args) {
    List<String> list = Arrays.asList(args);
    int seeds = list.contains("--seeds") ? Integer.parseInt(list.get(list.indexOf("--seeds") + 1)) : 5;
    int upTo = list.contains("--up-to") ? Integer.parseInt(list.get(list.indexOf("--up-to") + 1)) : 1600;
    int first = list.contains("--first-seed") ? Integer.parseInt(list.get(list.indexOf("--first-seed") + 1)) : 1;
    int threads = list.contains("--threads") ? Integer.parseInt(list.get(list.indexOf("--threads") + 1)) : 1;
    int[] checkpoints = Arrays.stream(CHECKPOINTS).filter(c -> c <= upTo).toArray();
    CodedExamples all = LearnedCodingEvaluation.load("multilabel");
    LearnerOptions options = LearnerOptions.defaults().withThreads(1);
    // [seed][order][checkpoint][figure]
    double[][][][] figures = new double[seeds][2][][];
    long start = System.nanoTime();
    ExecutorService workers = Executors.newFixedThreadPool(threads);
    List<Future<?>> runs = new ArrayList<>();
    for (int s = 0; s < seeds; s++) {
      int seed = first + s;
      double[][][] mine = figures[s];
      runs.add(workers.submit(() -> {
        int n = all.examples().size();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          rows.add(i);
        }
        Collections.shuffle(rows, new Random(seed));
        int held = n / 5;
        int[] test = rows.subList(0, held).stream().mapToInt(Integer::intValue).toArray();
        // the pool in the random order drawn when the coding begins: random order codes it as it comes, the tool
        // takes its random half from it
        List<Integer> pool = List.copyOf(rows.subList(held, n));
        CodedExamples heldOut = all.subset(test);
        mine[0] = toolOrder(all, pool, heldOut, options, checkpoints, seed);
        mine[1] = randomOrder(all, pool, heldOut, options, checkpoints);
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < checkpoints.length; c++) {
          line.append(String.format(Locale.ROOT, " %d: F1 %+.3f share %+.3f;", checkpoints[c],
              mine[0][c][0] - mine[1][c][0], mine[0][c][1] - mine[1][c][1]));
        }
        System.out.printf(Locale.ROOT, "seed %d done (%.0f s), tool minus random:%s%n", seed,
            (System.nanoTime() - start) / 1e9, line);
      }));
    }
    for (Future<?> run : runs) {
      try {
        run.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
    }
    workers.shutdown();
    System.out.println("| coded | order | held-out micro-F1 | share of the rest coded at precision 0.9 | "
        + "share at the model's own 0.9 threshold | precision there |");
    System.out.println("| ---: | --- | ---: | ---: | ---: | ---: |");
    for (int c = 0; c < checkpoints.length; c++) {
      for (int order = 0; order < 2; order++) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %,d | %s |", checkpoints[c],
            order == 0 ? "tool" : "random"));
        for (int f = 0; f < FIGURES.length; f++) {
          double[] values = new double[seeds];
          for (int s = 0; s < seeds; s++) {
            values[s] = figures[s][order][c][f];
          }
          boolean share = f == 1 || f == 2;
          row.append(String.format(Locale.ROOT, share ? " %.1f%% ± %.1f |" : " %.3f ± %.3f |",
              (share ? 100 : 1) * mean(values), (share ? 100 : 1) * sd(values)));
        }
        System.out.println(row);
      }
    }
    System.out.println();
    System.out.println("| coded | F1, tool minus random: mean ± sd (seeds ahead) | share at precision 0.9, tool minus "
        + "random: mean ± sd (seeds ahead) |");
    System.out.println("| ---: | ---: | ---: |");
    for (int c = 0; c < checkpoints.length; c++) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %,d |", checkpoints[c]));
      for (int f = 0; f < 2; f++) {
        double[] diff = new double[seeds];
        int ahead = 0;
        for (int s = 0; s < seeds; s++) {
          diff[s] = figures[s][0][c][f] - figures[s][1][c][f];
          ahead += diff[s] > 0 ? 1 : 0;
        }
        double scale = f == 0 ? 1 : 100;
        row.append(String.format(Locale.ROOT, f == 0 ? " %+.4f ± %.4f (%d of %d) |" : " %+.1f ± %.1f points (%d of %d) |",
            scale * mean(diff), scale * sd(diff), ahead, seeds));
      }
      System.out.println(row);
    }
  }

  /** The tool's order: {@link CodingSchedule}, retrained after each batch. */
  static double[][] toolOrder(CodedExamples all, List<Integer> pool, CodedExamples heldOut,
      LearnerOptions options, int[] checkpoints, long seed) {
    // before any model, the random order itself; the uncoded comments stay in that order
    List<Integer> coded = new ArrayList<>(pool.subList(0, CodingSchedule.FIRST_MODEL_AT));
    List<Integer> uncoded = new ArrayList<>(pool.subList(CodingSchedule.FIRST_MODEL_AT, pool.size()));
    double[][] figures = new double[checkpoints.length][];
    int next = 0;
    while (next < checkpoints.length) {
      LearnedCoder model = LearnedCoder.train(subset(all, coded), options);
      if (coded.size() == checkpoints[next]) {
        figures[next++] = measure(model, all, uncoded, heldOut);
        if (next == checkpoints.length) {
          break;
        }
      }
      int batch = Math.min(CodingSchedule.retrainAfter(coded.size()), checkpoints[next] - coded.size());
      List<Integer> picked = new ArrayList<>();
      for (int i : CodingSchedule.next(model, texts(all, coded), texts(all, uncoded), batch,
          seed * 1_000_003L + coded.size())) {
        picked.add(uncoded.get(i));
      }
      coded.addAll(picked);
      uncoded.removeAll(Set.copyOf(picked));
    }
    return figures;
  }

  /** Random order: the pool as shuffled. */
  private static double[][] randomOrder(CodedExamples all, List<Integer> pool, CodedExamples heldOut,
      LearnerOptions options, int[] checkpoints) {
    double[][] figures = new double[checkpoints.length][];
    for (int c = 0; c < checkpoints.length; c++) {
      List<Integer> coded = pool.subList(0, checkpoints[c]);
      List<Integer> uncoded = pool.subList(checkpoints[c], pool.size());
      figures[c] = measure(LearnedCoder.train(subset(all, coded), options), all, uncoded, heldOut);
    }
    return figures;
  }

  private static List<String> texts(CodedExamples all, List<Integer> rows) {
    List<String> out = new ArrayList<>(rows.size());
    rows.forEach(r -> out.add(all.examples().get(r).text()));
    return out;
  }

  private static double mean(double[] values) {
    // a seed whose model gives nothing at its own threshold has no precision there: left out of the mean
    return Arrays.stream(values).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
  }

  private static double sd(double[] values) {
    if (values.length < 2) {
      return 0;
    }
    double m = mean(values);
    double sum = 0;
    int count = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        sum += (v - m) * (v - m);
        count++;
      }
    }
    return count < 2 ? Double.NaN : Math.sqrt(sum / (count - 1));
  }

  /** Held-out micro-F1; share of the uncoded coded at the precision; the precision really reached there. */
  private static double[] measure(LearnedCoder model, CodedExamples all, List<Integer> uncoded,
      CodedExamples heldOut) {
    double f1 = microF1(model.predictAll(heldOut.texts()), heldOut.examples());
    LearnedCoder careful = model.withAbstention(model.confidenceForPrecision(PRECISION));
    List<String> texts = new ArrayList<>();
    List<CodedExample> truth = new ArrayList<>();
    for (int r : uncoded) {
      texts.add(all.examples().get(r).text());
      truth.add(all.examples().get(r));
    }
    List<Prediction> predictions = careful.predictAll(texts);
    int coded = 0;
    int given = 0;
    int right = 0;
    for (int i = 0; i < predictions.size(); i++) {
      Prediction p = predictions.get(i);
      if (p.abstained()) {
        continue;
      }
      coded++;
      for (CodeId code : p.assigned()) {
        given++;
        right += truth.get(i).codes().contains(code) ? 1 : 0;
      }
    }
    // the share really coded at precision 0.9: the most confident comments first, as far as the codes given to
    // them are still right 90% of the time (by the people's codes)
    Integer[] order = new Integer[predictions.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(predictions.get(b).confidence(),
        predictions.get(a).confidence()));
    int best = 0;
    int sumGiven = 0;
    int sumRight = 0;
    for (int j = 0; j < order.length; j++) {
      Prediction p = predictions.get(order[j]);
      for (CodeId code : p.assigned()) {
        sumGiven++;
        sumRight += truth.get(order[j]).codes().contains(code) ? 1 : 0;
      }
      boolean boundary = j + 1 == order.length
          || predictions.get(order[j + 1]).confidence() < p.confidence();
      if (boundary && sumGiven > 0 && (double) sumRight / sumGiven >= PRECISION) {
        best = j + 1;
      }
    }
    return new double[] {f1, (double) best / predictions.size(), (double) coded / predictions.size(),
        given == 0 ? Double.NaN : (double) right / given};
  }

  private static double microF1(List<Prediction> predictions, List<CodedExample> truth) {
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (int i = 0; i < predictions.size(); i++) {
      Set<CodeId> right = truth.get(i).codes();
      List<CodeId> given = predictions.get(i).assigned();
      for (CodeId code : given) {
        if (right.contains(code)) {
          tp++;
        } else {
          fp++;
        }
      }
      for (CodeId code : right) {
        fn += given.contains(code) ? 0 : 1;
      }
    }
    return 2.0 * tp / (2.0 * tp + fp + fn);
  }

  private static CodedExamples subset(CodedExamples all, List<Integer> rows) {
    return all.subset(rows.stream().mapToInt(Integer::intValue).toArray());
  }
}
