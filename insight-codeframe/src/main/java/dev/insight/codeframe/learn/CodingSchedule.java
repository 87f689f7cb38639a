package dev.insight.codeframe.learn;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The order in which a person codes comments with the model in the loop ({@code insight code review}), and how
 * often the model retrains: the one definition of coding order, used by the review page and by the simulation that
 * measures what it buys against random order (docs/BENCHMARKS.md, "The coding loop").
 *
 * <ol>
 *   <li>Before any model ({@link #FIRST_MODEL_AT} comments): {@link #start(List, int, long)}, comments drawn at
 *       random, so the first model, and its estimate of its own precision, see the comments as they come.</li>
 *   <li>Then {@link #next(LearnedCoder, List, List, int, long)}: every other comment is the one on which the model
 *       expects to make the most mistakes (the expected number of codes it would get wrong, from its calibrated
 *       probabilities: {@code p} for each code it would not give, {@code 1 - p} for each code it would give), not a
 *       near-repeat of one already coded; the others are drawn at random, which keeps the coded sample
 *       representative so the model's confidence stays honest.</li>
 *   <li>The model retrains after {@link #retrainAfter(int)} new decisions: 10, or a tenth of what is coded once
 *       that is more.</li>
 * </ol>
 *
 * <p>Why this rule: a comment on which the model expects several wrong codes is one where a person's codes change
 * it most (uncertainty sampling, with the expected number of wrong codes, the expected Hamming loss, as the measure
 * of uncertainty because a comment can have several codes), and coding it takes it out of the comments left for the
 * model. Picking only such comments skews the coded sample toward long, hard comments, and with it the model's
 * thresholds and its estimate of its own precision; the random half keeps the sample representative. In the
 * simulation over ten seeds (docs/BENCHMARKS.md, "The coding loop: expected errors") this order leads random order
 * on held-out micro-F1 at 400 to 1,600 comments (9 or 10 seeds of 10) and on the share of the rest coded at
 * precision 0.9 at 1,600 (every seed); at 100 and 200 comments the two orders are within the spread between
 * seeds, and the share coded at precision 0.9 trails random order at 400 comments (by 8 points): it does not lead
 * at every point. Measured and not kept: a start by kernel herding (it favours short, frequent answers), picks
 * aimed at the codes the model has seen least, least confidence as the measure, uncertainty weighted by density,
 * picks spread over clusters or over the model's predicted codes, fewer model picks before 400 comments and more
 * of them throughout.
 */
public final class CodingSchedule {
  /** Comments coded before the first model is trained. */
  public static final int FIRST_MODEL_AT = 30;
  private static final int RETRAIN_AT_LEAST = 10;
  /** Cosine above which an uncoded comment repeats a coded one. */
  private static final double REPEAT = 0.9;

  private CodingSchedule() {}

  /**
   * How many new decisions to wait for before training the next model.
   *
   * @param coded the comments coded when the last model was trained
   * @return 10, or a tenth of {@code coded} if more
   */
  public static int retrainAfter(int coded) {
    checkArgument(coded >= 0, "coded cannot be negative: %s", coded);
    return Math.max(RETRAIN_AT_LEAST, coded / 10);
  }

  /**
   * The first comments to code, before there is a model: drawn at random with the seed.
   *
   * @param uncoded the comments
   * @param howMany how many to take, at least 1
   * @param seed the seed of the draws: the same comments and seed give the same start
   * @return the positions of up to {@code howMany} distinct comments in {@code uncoded}, in the order to code them
   * @throws IllegalArgumentException if {@code howMany} is below 1
   */
  public static List<Integer> start(List<String> uncoded, int howMany, long seed) {
    checkNotNull(uncoded, "uncoded");
    checkArgument(howMany >= 1, "howMany must be at least 1: %s", howMany);
    int[] shuffled = shuffled(uncoded.size(), seed);
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < Math.min(howMany, shuffled.length); i++) {
      out.add(shuffled[i]);
    }
    return List.copyOf(out);
  }

  /**
   * The next comments to code once there is a model: alternately the comment on which the model expects the most
   * wrong codes (leaving out near-repeats of coded comments: cosine above 0.9, on the model's TF-IDF vectors) and
   * one drawn at random with the seed, starting with the model's.
   *
   * @param model the model trained on the coded comments
   * @param coded the comments coded so far
   * @param uncoded the comments not yet coded
   * @param howMany how many to return, at least 1
   * @param seed the seed of the random draws
   * @return the positions of up to {@code howMany} distinct comments in {@code uncoded}, in the order to code them
   * @throws IllegalArgumentException if {@code howMany} is below 1
   * @throws IllegalStateException if the model was trained with contexts
   */
  public static List<Integer> next(LearnedCoder model, List<String> coded, List<String> uncoded, int howMany,
      long seed) {
    checkNotNull(model, "model");
    checkNotNull(coded, "coded");
    checkNotNull(uncoded, "uncoded");
    checkArgument(howMany >= 1, "howMany must be at least 1: %s", howMany);
    int n = uncoded.size();
    int want = Math.min(howMany, n);
    if (want == 0) {
      return List.of();
    }
    List<Integer> ranked = mostExpectedErrors(model, coded, uncoded, (want + 1) / 2);
    int[] shuffled = shuffled(n, seed);
    boolean[] taken = new boolean[n];
    List<Integer> out = new ArrayList<>(want);
    int fromModel = 0;
    int fromRandom = 0;
    while (out.size() < want) {
      boolean modelTurn = out.size() % 2 == 0;
      int pick = -1;
      while (modelTurn && pick < 0 && fromModel < ranked.size()) {
        int r = ranked.get(fromModel++);
        pick = taken[r] ? -1 : r;
      }
      while (pick < 0 && fromRandom < n) {
        int r = shuffled[fromRandom++];
        pick = taken[r] ? -1 : r;
      }
      taken[pick] = true;
      out.add(pick);
    }
    return List.copyOf(out);
  }

  private static int[] shuffled(int n, long seed) {
    int[] shuffled = new int[n];
    Arrays.setAll(shuffled, i -> i);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = t;
    }
    return shuffled;
  }

  private static void scatter(SparseRows x, int r, double[] dense, boolean set) {
    for (int e = x.start[r]; e < x.start[r + 1]; e++) {
      dense[x.index[e]] = set ? x.value[e] : 0;
    }
  }

  /** The uncoded comments with the most expected wrong codes, near-repeats of coded comments left out. */
  private static List<Integer> mostExpectedErrors(LearnedCoder model, List<String> coded, List<String> uncoded,
      int howMany) {
    List<Prediction> predictions = model.predictAll(uncoded);
    int n = uncoded.size();
    double[] priority = new double[n];
    int k = model.codes().size();
    for (int r = 0; r < n; r++) {
      // the expected number of wrong codes: 1 - p for each code the model gives, p for each it does not
      Prediction p = predictions.get(r);
      for (int c = 0; c < k; c++) {
        priority[r] += p.isAssigned(c) ? 1 - p.probability(c) : p.probability(c);
      }
    }
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Double.compare(priority[b], priority[a]));
    SparseRows x = model.vectorizer().transform(uncoded);
    SparseRows done = model.vectorizer().transform(coded);
    double[] dense = new double[model.vectorizer().features()];
    List<Integer> out = new ArrayList<>(howMany);
    for (int j = 0; j < n && out.size() < howMany; j++) {
      int r = order[j];
      scatter(x, r, dense, true);
      boolean repeats = false;
      for (int d = 0; d < done.rows() && !repeats; d++) {
        repeats = done.dot(d, dense) > REPEAT;
      }
      for (int o : out) {
        repeats = repeats || x.dot(o, dense) > REPEAT;
      }
      scatter(x, r, dense, false);
      if (!repeats) {
        out.add(r);
      }
    }
    return out;
  }
}
