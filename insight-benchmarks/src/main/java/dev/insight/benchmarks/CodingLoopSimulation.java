package dev.insight.benchmarks;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.learn.CodedExample;
import dev.insight.codeframe.learn.CodedExamples;
import dev.insight.codeframe.learn.CodingCandidate;
import dev.insight.codeframe.learn.CodingOrder;
import dev.insight.codeframe.learn.LearnedCoder;
import dev.insight.codeframe.learn.LearnerOptions;
import dev.insight.codeframe.learn.Prediction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * What the person-in-the-loop buys, by simulation on the shared patient-feedback file (the coders' labels stand in
 * for the person at {@code insight code review}): after 100, 200, 400, 800 and 1,600 comments coded, in the tool's
 * order or in random order, the held-out micro-F1 of a model trained on them and the share of the comments still
 * uncoded that the model codes at precision 0.9 (and the precision it really gets there).
 *
 * <p>The tool's order is the review page's: a random start of 30 comments, then every other comment from
 * {@link CodingOrder} on the model trained so far and the rest in random order, retrained after each batch (a tenth of
 * what is coded, at least 10). "Coded at precision 0.9" is measured against the people's codes: the largest share
 * of the uncoded comments, most confident first, whose codes are right at least 90% of the time; the share the
 * model itself would code at its cross-validated 0.9 threshold, and the precision it really gets there, are shown
 * beside it. A fifth of the file is held
 * out for the F1, the same for both orders; the rest is the pool the person codes from. Run from the worktree root
 * after {@code mvn -B -q -ntp -pl insight-benchmarks -am package -DskipTests -Dmaven.javadoc.skip}:
 *
 * <pre>
 * java -cp insight-benchmarks/target/benchmarks.jar dev.insight.benchmarks.CodingLoopSimulation [--seeds 3]
 * </pre>
 */
public final class CodingLoopSimulation {
  private static final int[] CHECKPOINTS = {100, 200, 400, 800, 1600};
  private static final int START = 30;
  private static final double PRECISION = 0.9;

  private CodingLoopSimulation() {}

  /**
   * Runs the simulation and prints one row per order and checkpoint, averaged over the seeds.
   *
   * @param args {@code --seeds N} (default 3)
   */
  public static void main(String[] args) {
    int seeds = args.length == 2 && args[0].equals("--seeds") ? Integer.parseInt(args[1]) : 3;
    CodedExamples all = LearnedCodingEvaluation.load("multilabel");
    LearnerOptions options = LearnerOptions.defaults();
    double[][][] sums = new double[2][CHECKPOINTS.length][4];
    long start = System.nanoTime();
    for (int seed = 1; seed <= seeds; seed++) {
      int n = all.examples().size();
      List<Integer> rows = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        rows.add(i);
      }
      Collections.shuffle(rows, new Random(seed));
      int held = n / 5;
      int[] test = rows.subList(0, held).stream().mapToInt(Integer::intValue).toArray();
      List<Integer> pool = List.copyOf(rows.subList(held, n));
      CodedExamples heldOut = all.subset(test);
      for (int order = 0; order < 2; order++) {
        double[][] figures = order == 0 ? toolOrder(all, pool, heldOut, options)
            : randomOrder(all, pool, heldOut, options);
        for (int c = 0; c < CHECKPOINTS.length; c++) {
          for (int f = 0; f < 4; f++) {
            sums[order][c][f] += figures[c][f] / seeds;
          }
        }
      }
      System.out.printf(Locale.ROOT, "seed %d done (%.0f s)%n", seed, (System.nanoTime() - start) / 1e9);
    }
    System.out.println("| coded | order | held-out micro-F1 | share of the rest coded at precision 0.9 | "
        + "share coded at the model's own 0.9 threshold | precision there |");
    System.out.println("| ---: | --- | ---: | ---: | ---: | ---: |");
    for (int c = 0; c < CHECKPOINTS.length; c++) {
      for (int order = 0; order < 2; order++) {
        System.out.printf(Locale.ROOT, "| %,d | %s | %.3f | %.1f%% | %.1f%% | %.3f |%n", CHECKPOINTS[c],
            order == 0 ? "tool" : "random", sums[order][c][0], 100 * sums[order][c][1], 100 * sums[order][c][2],
            sums[order][c][3]);
      }
    }
  }

  /** The tool's order: a random start, then the model's coding order, retrained after each batch. */
  private static double[][] toolOrder(CodedExamples all, List<Integer> pool, CodedExamples heldOut,
      LearnerOptions options) {
    List<Integer> uncoded = new ArrayList<>(pool);
    List<Integer> coded = new ArrayList<>(uncoded.subList(0, START));
    uncoded.subList(0, START).clear();
    double[][] figures = new double[CHECKPOINTS.length][];
    int next = 0;
    while (next < CHECKPOINTS.length) {
      int target = CHECKPOINTS[next];
      LearnedCoder model = LearnedCoder.train(subset(all, coded), options);
      if (coded.size() == target) {
        figures[next++] = measure(model, all, uncoded, heldOut);
        if (next == CHECKPOINTS.length) {
          break;
        }
        target = CHECKPOINTS[next];
      }
      int batch = Math.min(Math.max(10, coded.size() / 10), target - coded.size());
      List<String> texts = new ArrayList<>(uncoded.size());
      uncoded.forEach(r -> texts.add(all.examples().get(r).text()));
      // as the review page does: every other comment from the coding order, the rest in random order
      int fromModel = (batch + 1) / 2;
      List<CodingCandidate> chosen = CodingOrder.next(model, texts, fromModel);
      List<Integer> picked = new ArrayList<>();
      chosen.forEach(c -> picked.add(uncoded.get(c.index())));
      Set<Integer> taken = Set.copyOf(picked);
      for (int r : uncoded) {
        if (picked.size() == batch) {
          break;
        }
        if (!taken.contains(r)) {
          picked.add(r); // the pool is shuffled: its order is random
        }
      }
      coded.addAll(picked);
      uncoded.removeAll(Set.copyOf(picked));
    }
    return figures;
  }

  /** Random order: the pool as shuffled. */
  private static double[][] randomOrder(CodedExamples all, List<Integer> pool, CodedExamples heldOut,
      LearnerOptions options) {
    double[][] figures = new double[CHECKPOINTS.length][];
    for (int c = 0; c < CHECKPOINTS.length; c++) {
      List<Integer> coded = pool.subList(0, CHECKPOINTS[c]);
      List<Integer> uncoded = pool.subList(CHECKPOINTS[c], pool.size());
      figures[c] = measure(LearnedCoder.train(subset(all, coded), options), all, uncoded, heldOut);
    }
    return figures;
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
