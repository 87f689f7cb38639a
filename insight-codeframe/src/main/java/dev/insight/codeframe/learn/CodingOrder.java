package dev.insight.codeframe.learn;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which uncoded comments a person should code next so the model improves most: active learning by
 * information density.
 *
 * <p>Implementation note: uncertainty sampling picks the comments the model is least sure of; alone it favours
 * outliers (a garbled one-off comment is uncertain but teaches little). Information density (Settles and Craven
 * 2008, "An analysis of active learning strategies for sequence labeling tasks", EMNLP) weights uncertainty by how
 * representative a comment is: its mean cosine similarity to the pool, which for unit-length TF-IDF vectors is
 * the dot product with the pool's mean vector, so the whole ranking is linear in the pool. Uncertainty is
 * {@code 1 - confidence} (the model's probability of coding the comment exactly right). Near-duplicates of a
 * comment already chosen (cosine above 0.9) are moved after the others, so one batch covers different ground.
 */
public final class CodingOrder {
  private static final double DUPLICATE = 0.9;

  private CodingOrder() {}

  /**
   * Ranks uncoded comments for coding.
   *
   * @param coder the model trained on what is coded so far
   * @param uncoded the comments not yet coded
   * @param howMany how many to return, at least 1
   * @return up to {@code howMany} comments, most useful to code first
   * @throws IllegalArgumentException if {@code howMany} is below 1
   * @throws IllegalStateException if the coder was trained with contexts: use
   *     {@link #next(LearnedCoder, List, List, int)}
   */
  public static List<CodingCandidate> next(LearnedCoder coder, List<String> uncoded, int howMany) {
    checkNotNull(coder, "coder");
    checkNotNull(uncoded, "uncoded");
    checkArgument(howMany >= 1, "howMany must be at least 1: %s", howMany);
    return rank(coder, uncoded, coder.predictAll(uncoded), howMany);
  }

  /**
   * Ranks uncoded comments, given in their contexts, for coding (for a coder trained with contexts, see
   * {@link LearnedCoder#contextName()}).
   *
   * @param coder the model trained on what is coded so far
   * @param uncoded the comments not yet coded
   * @param contexts each comment's context
   * @param howMany how many to return, at least 1
   * @return up to {@code howMany} comments, most useful to code first
   * @throws IllegalArgumentException if {@code howMany} is below 1 or the lists differ in length
   */
  public static List<CodingCandidate> next(LearnedCoder coder, List<String> uncoded, List<String> contexts,
      int howMany) {
    checkNotNull(coder, "coder");
    checkNotNull(uncoded, "uncoded");
    checkArgument(howMany >= 1, "howMany must be at least 1: %s", howMany);
    return rank(coder, uncoded, coder.predictAll(uncoded, contexts), howMany);
  }

  private static List<CodingCandidate> rank(LearnedCoder coder, List<String> uncoded, List<Prediction> predictions,
      int howMany) {
    int n = uncoded.size();
    if (n == 0) {
      return List.of();
    }
    SparseRows x = coder.vectorizer().transform(uncoded);
    double[] mean = new double[coder.features()];
    for (int r = 0; r < n; r++) {
      for (int e = x.start[r]; e < x.start[r + 1]; e++) {
        mean[x.index[e]] += x.value[e] / (double) n;
      }
    }
    double[] priority = new double[n];
    double[] density = new double[n];
    for (int r = 0; r < n; r++) {
      density[r] = Math.max(0, Math.min(1, x.dot(r, mean)));
      priority[r] = (1 - predictions.get(r).confidence()) * density[r];
    }
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Double.compare(priority[b], priority[a]));
    List<CodingCandidate> chosen = new ArrayList<>();
    List<Integer> later = new ArrayList<>();
    for (int j = 0; j < n && chosen.size() < howMany; j++) {
      int r = order[j];
      boolean duplicate = false;
      for (CodingCandidate c : chosen) {
        if (cosine(x, r, c.index()) > DUPLICATE) {
          duplicate = true;
          break;
        }
      }
      if (duplicate) {
        later.add(r);
      } else {
        chosen.add(candidate(r, uncoded, predictions, density, priority));
      }
    }
    for (int j = 0; j < later.size() && chosen.size() < howMany; j++) {
      chosen.add(candidate(later.get(j), uncoded, predictions, density, priority));
    }
    return List.copyOf(chosen);
  }

  private static CodingCandidate candidate(int r, List<String> texts, List<Prediction> predictions,
      double[] density, double[] priority) {
    return new CodingCandidate(r, texts.get(r), 1 - predictions.get(r).confidence(), density[r], priority[r]);
  }

  static double cosine(SparseRows x, int a, int b) {
    // rows are sorted by feature index, as the vectorizer emits them
    int i = x.start[a];
    int j = x.start[b];
    double sum = 0;
    while (i < x.start[a + 1] && j < x.start[b + 1]) {
      int fa = x.index[i];
      int fb = x.index[j];
      if (fa == fb) {
        sum += (double) x.value[i++] * x.value[j++];
      } else if (fa < fb) {
        i++;
      } else {
        j++;
      }
    }
    return sum;
  }
}
