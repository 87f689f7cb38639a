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
 * <p>The caller draws one random order of the comments when the coding begins and keeps it to the end (the review
 * page shuffles them with its seed; a restart draws the same order). Then:
 * <ol>
 *   <li>Before any model ({@link #FIRST_MODEL_AT} comments): the comments in that random order, so the first model
 *       sees the comments as they come.</li>
 *   <li>Then {@link #next(LearnedCoder, List, List, int, long)}: every other comment is drawn by the model, with a
 *       probability proportional to the square of the number of codes it expects to get wrong on the comment (from
 *       its calibrated probabilities: {@code p} for each code it would not give, {@code 1 - p} for each code it
 *       would give), in turn among the comments shorter than the median and the others, not a near-repeat of a
 *       coded comment; the others are the next comments of the random order.</li>
 *   <li>The model retrains after {@link #retrainAfter(int)} new decisions: 10, or a tenth of what is coded once
 *       that is more.</li>
 * </ol>
 *
 * <p>Why this rule: a comment on which the model expects several wrong codes is one where a person's codes change it
 * most (uncertainty sampling, with the expected number of wrong codes, the expected Hamming loss, as the measure
 * because a comment can have several codes). Drawing in proportion to its square, rather than always taking the most
 * uncertain comments, favours them strongly but keeps every comment possible: the hardest comments alone are long and
 * alike, and a model trained on them ranks the easy bulk of the comments less sharply, so it codes fewer of them at a
 * given precision. For the same reason the draws are shared between short and long comments as the comments are: the
 * uncertain short answers ("Nothing to say", "Can't think of anything") are the ones that decide how many of the rest
 * the model codes confidently. The other half follows the random order, which keeps the coded sample representative;
 * and because it is the same order a person coding at random would follow, the only difference between the two is the
 * model's half, which is what the simulation measures. The figures, and the other rules measured and not kept, are in
 * docs/BENCHMARKS.md ("The coding loop: drawn in proportion to expected errors" and "The coding loop: the first model
 * at 10 comments"): over 90 simulated codings it leads random order on held-out micro-F1 and on the share of the rest
 * coded at precision 0.9 at every point from 100 to 1,600 comments.
 */
public final class CodingSchedule {
  /**
   * Comments coded before the first model is trained: 10. A model on ten comments is weak, but its picks already
   * beat the random order's: starting at 30 the schedule trailed random order at 100 comments on the share coded at
   * precision 0.9, starting at 10 it leads (docs/BENCHMARKS.md, "The coding loop: the first model at 10 comments").
   */
  public static final int FIRST_MODEL_AT = 10;
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
   * The next comments to code once there is a model: alternately one drawn by the model (with probability
   * proportional to the square of the number of codes it expects to get wrong on the comment, without replacement;
   * in turn among the comments with fewer words than the median and the others, in proportion to their numbers;
   * leaving out near-repeats of coded comments and of its earlier draws: cosine above 0.9 on the model's TF-IDF
   * vectors) and the first comment of {@code uncoded} not drawn yet, starting with the model's.
   *
   * @param model the model trained on the coded comments
   * @param coded the comments coded so far
   * @param uncoded the comments not yet coded, in the random order drawn when the coding began (kept from one call
   *     to the next, less the comments coded since)
   * @param howMany how many to return, at least 1
   * @param seed the seed of the model's draws: the same model, comments and seed give the same comments
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
    int[] drawn = drawByExpectedErrors(model, coded, uncoded, (want + 1) / 2, seed);
    boolean[] taken = new boolean[n];
    List<Integer> out = new ArrayList<>(want);
    int fromModel = 0;
    int inOrder = 0;
    while (out.size() < want) {
      int pick = -1;
      // the model's turn: its next draw not already taken in order (else the order goes on)
      while (out.size() % 2 == 0 && pick < 0 && fromModel < drawn.length) {
        int r = drawn[fromModel++];
        pick = taken[r] ? -1 : r;
      }
      while (pick < 0 || taken[pick]) {
        pick = inOrder++;
      }
      taken[pick] = true;
      out.add(pick);
    }
    return List.copyOf(out);
  }

  /**
   * Weighted draws without replacement, each comment's weight the square of its expected number of wrong codes
   * (Efraimidis and Spirakis: the comments by decreasing {@code log(u) / w}, which is the same as drawing one comment
   * at a time in proportion to the weights left), taken in turn from the comments shorter than the median number of
   * words and from the others, in proportion to their numbers (so the draws are as long as the comments are, not
   * only the long ones), near-repeats of coded comments and of earlier draws passed over; comments of weight 0 are
   * never drawn.
   */
  private static int[] drawByExpectedErrors(LearnedCoder model, List<String> coded, List<String> uncoded,
      int howMany, long seed) {
    List<Prediction> predictions = model.predictAll(uncoded);
    int n = uncoded.size();
    int k = model.codes().size();
    SplittableRandom random = new SplittableRandom(seed);
    double[] key = new double[n];
    Integer[] order = new Integer[n];
    int[] words = new int[n];
    for (int r = 0; r < n; r++) {
      Prediction p = predictions.get(r);
      double expectedErrors = 0;
      for (int c = 0; c < k; c++) {
        expectedErrors += p.isAssigned(c) ? 1 - p.probability(c) : p.probability(c);
      }
      double weight = expectedErrors * expectedErrors;
      // 1 - nextDouble() is in (0, 1], so the log is finite
      key[r] = weight > 0 ? Math.log(1 - random.nextDouble()) / weight : Double.NEGATIVE_INFINITY;
      order[r] = r;
      words[r] = words(uncoded.get(r));
    }
    Arrays.sort(order, (a, b) -> Double.compare(key[b], key[a]));
    int[] sortedWords = words.clone();
    Arrays.sort(sortedWords);
    int median = sortedWords[n / 2];
    int[] size = new int[2];
    for (int w : words) {
      size[w < median ? 0 : 1]++;
    }
    Vectorizer vectorizer = model.vectorizer();
    SparseRows done = vectorizer.transform(coded);
    // a candidate's features are worked out when it is examined: most comments never are
    Vectorizer.KeyBuffer buffer = new Vectorizer.KeyBuffer();
    Vectorizer.Row row = new Vectorizer.Row();
    double[] dense = new double[vectorizer.features()];
    int[] out = new int[Math.min(howMany, n)];
    int[][] drawnIndex = new int[out.length][];
    float[][] drawnValue = new float[out.length][];
    int m = 0;
    // each half's next drawable comment (a place in order), and its draws so far
    int[] next = new int[2];
    int[] got = new int[2];
    while (m < out.length) {
      next[0] = nextOf(order, key, words, median, 0, next[0]);
      next[1] = nextOf(order, key, words, median, 1, next[1]);
      // the half furthest below its share of the draws so far, if it has comments left to draw
      double short0 = (double) (m + 1) * size[0] / n - got[0];
      double short1 = (double) (m + 1) * size[1] / n - got[1];
      int half = next[0] < n && (next[1] == n || short0 >= short1) ? 0 : 1;
      if (next[half] == n) {
        break;
      }
      int r = order[next[half]++];
      vectorizer.featurise(uncoded.get(r), buffer, row);
      for (int e = 0; e < row.size; e++) {
        dense[row.index[e]] = row.value[e];
      }
      boolean repeats = false;
      for (int d = 0; d < done.rows() && !repeats; d++) {
        repeats = done.dot(d, dense) > REPEAT;
      }
      for (int o = 0; o < m && !repeats; o++) {
        repeats = dot(drawnIndex[o], drawnValue[o], dense) > REPEAT;
      }
      for (int e = 0; e < row.size; e++) {
        dense[row.index[e]] = 0;
      }
      if (!repeats) {
        drawnIndex[m] = Arrays.copyOf(row.index, row.size);
        drawnValue[m] = Arrays.copyOf(row.value, row.size);
        out[m++] = r;
        got[half]++;
      }
    }
    return Arrays.copyOf(out, m);
  }

  /** The first place from {@code from} in {@code order} of a drawable comment of the half, or the length. */
  private static int nextOf(Integer[] order, double[] key, int[] words, int median, int half, int from) {
    for (int j = from; j < order.length; j++) {
      int r = order[j];
      if (key[r] == Double.NEGATIVE_INFINITY) {
        return order.length;
      }
      if ((words[r] < median ? 0 : 1) == half) {
        return j;
      }
    }
    return order.length;
  }

  /** The number of words: runs of characters between white space. */
  static int words(String text) {
    int count = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = Character.isWhitespace(text.charAt(i));
      count += !space && !inWord ? 1 : 0;
      inWord = !space;
    }
    return count;
  }

  /** The dot product of a sparse row and a dense vector, summed in the same order as {@code SparseRows.dot}. */
  private static double dot(int[] index, float[] value, double[] dense) {
    double sum = 0;
    for (int e = 0; e < index.length; e++) {
      sum += value[e] * dense[index[e]];
    }
    return sum;
  }
}
