package dev.insight.codeframe.learn;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The order in which a person codes comments with the model in the loop ({@code insight code review}), and how
 * often the model retrains: one definition, used by the review page and by the simulation that measures what the
 * order buys against random order (docs/BENCHMARKS.md, "The coding loop").
 *
 * <ol>
 *   <li>Before any model ({@link #FIRST_MODEL_AT} comments): {@link #start(List, int)}, a sample that follows the
 *       comments' distribution more closely than a random one (kernel herding), so the first model sees the common
 *       kinds of comment in proportion.</li>
 *   <li>Then {@link #next(LearnedCoder, List, List, int, long)}: every other comment is the one most likely to
 *       carry the codes the model has seen least (not a near-repeat of one already coded), the others are drawn at
 *       random, which keeps the coded sample representative so the model's confidence, and its estimate of its own
 *       precision, stay honest.</li>
 *   <li>The model retrains after {@link #retrainAfter(int)} new decisions: 10, or a tenth of what is coded once
 *       that is more.</li>
 * </ol>
 *
 * <p>Why not uncertainty sampling: picking the comments the model is least sure of, even weighted by how typical
 * they are (information density), trailed random order from 200 to 800 comments in the simulation. Early models are
 * unsure of comments for the wrong reasons (an answer such as "Nothing" is coded by the question it answers, so it
 * stays uncertain however often it is coded), and a sample of uncertain comments misleads the model's calibration.
 * Seeking the codes with the fewest examples adds what the model lacks while the random half keeps the sample
 * honest.
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
   * The first comments to code, before there is a model: a sample that follows the comments' distribution (kernel
   * herding on the comments' TF-IDF vectors, as the model's, with the kernel {@code cos^2}). Deterministic: the same
   * comments give the same start.
   *
   * @param uncoded the comments
   * @param howMany how many to take, at least 1
   * @return the positions of up to {@code howMany} comments in {@code uncoded}, in the order to code them
   * @throws IllegalArgumentException if {@code howMany} is below 1
   */
  public static List<Integer> start(List<String> uncoded, int howMany) {
    checkNotNull(uncoded, "uncoded");
    checkArgument(howMany >= 1, "howMany must be at least 1: %s", howMany);
    int n = uncoded.size();
    if (n == 0) {
      return List.of();
    }
    Vectorizer vectorizer = Vectorizer.fit(uncoded, FeatureOptions.defaults());
    SparseRows x = vectorizer.transform(uncoded);
    return herd(x, vectorizer.features(), Math.min(howMany, n));
  }

  /**
   * The next comments to code once there is a model: alternately the comment most likely to carry the codes the
   * model has seen least (priority {@code sum over codes of p(code) / (1 + coded comments with the code)}, leaving
   * out near-repeats of coded comments: cosine above 0.9) and one drawn at random with the seed, starting with the
   * model's.
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
    List<Integer> ranked = rareCodes(model, coded, uncoded, (want + 1) / 2);
    int[] shuffled = new int[n];
    Arrays.setAll(shuffled, i -> i);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = t;
    }
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

  /** Reference comments for the density of the kernel herding start. */
  private static final int REFERENCES = 500;

  /**
   * Kernel herding (Chen, Welling and Smola 2010, "Super-samples from kernel herding", UAI) with the kernel
   * {@code cos^2}: each step takes the comment whose mean kernel with the comments, minus its mean kernel with the
   * comments already taken, is largest, so the sample follows the comments' distribution more closely than a
   * random one (a large group of similar comments gets several picks, a small one fewer).
   */
  private static List<Integer> herd(SparseRows x, int features, int howMany) {
    int n = x.rows();
    // the density against up to REFERENCES comments spread over the file (every n / REFERENCES-th)
    int step = Math.max(1, n / REFERENCES);
    double[] density = new double[n];
    double[] dense = new double[features];
    int references = 0;
    for (int ref = 0; ref < n; ref += step) {
      references++;
      scatter(x, ref, dense, true);
      for (int r = 0; r < n; r++) {
        double c = x.dot(r, dense);
        density[r] += c * c;
      }
      scatter(x, ref, dense, false);
    }
    for (int r = 0; r < n; r++) {
      density[r] /= references;
    }
    double[] taken = new double[n];
    boolean[] chosen = new boolean[n];
    List<Integer> out = new ArrayList<>(howMany);
    while (out.size() < howMany) {
      int best = -1;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int r = 0; r < n; r++) {
        double score = density[r] - taken[r] / (out.size() + 1);
        if (!chosen[r] && score > bestScore) {
          best = r;
          bestScore = score;
        }
      }
      chosen[best] = true;
      out.add(best);
      scatter(x, best, dense, true);
      for (int r = 0; r < n; r++) {
        double c = x.dot(r, dense);
        taken[r] += c * c;
      }
      scatter(x, best, dense, false);
    }
    return List.copyOf(out);
  }

  private static void scatter(SparseRows x, int r, double[] dense, boolean set) {
    for (int e = x.start[r]; e < x.start[r + 1]; e++) {
      dense[x.index[e]] = set ? x.value[e] : 0;
    }
  }

  /** The uncoded comments most likely to carry the codes the model has seen least, near-repeats left out. */
  private static List<Integer> rareCodes(LearnedCoder model, List<String> coded, List<String> uncoded, int howMany) {
    List<Prediction> predictions = model.predictAll(uncoded);
    int k = model.codes().size();
    int n = uncoded.size();
    double[] priority = new double[n];
    for (int r = 0; r < n; r++) {
      Prediction p = predictions.get(r);
      for (int c = 0; c < k; c++) {
        priority[r] += p.probability(c) / (1.0 + model.support(c));
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
