package dev.insight.codeframe.learn;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import org.jspecify.annotations.Nullable;

/**
 * How a {@link LearnedCoder} is trained.
 *
 * @param features how comments become features
 * @param cost the SVM cost C (inverse regularisation), positive
 * @param balanced whether each code's two classes are weighted inversely to their frequency
 * @param naiveBayes whether each code's SVM sees every n-gram scaled by the square root of the size of its naive
 *     Bayes log-count ratio for that code (NBSVM, Wang and Manning 2012): words that tell the code apart count more
 * @param calibrationFolds the folds of the internal cross-validation that gives the out-of-fold scores the
 *     probabilities and thresholds are fitted to, 2 to 20
 * @param thresholds how each code's threshold is chosen (multi-label)
 * @param seed the seed of every random choice (fold assignment, solver order), so training is reproducible
 * @param threads how many threads train codes in parallel, at least 1
 * @param embedder sentence embeddings used beside the n-grams (each comment's vector appended to its features,
 *     both blocks of unit length), or {@code null} for n-grams only
 */
public record LearnerOptions(FeatureOptions features, double cost, boolean balanced, boolean naiveBayes,
    int calibrationFolds, ThresholdPolicy thresholds, long seed, int threads, @Nullable TextEmbedder embedder) {

  /**
   * Validates the options.
   *
   * @param features how comments become features
   * @param cost the SVM cost C (inverse regularisation), positive
   * @param balanced whether each code's two classes are weighted inversely to their frequency
   * @param naiveBayes whether each code's SVM sees every n-gram scaled by the square root of the size of its naive Bayes log-count ratio for that code (NBSVM, Wang and Manning 2012): words that tell the code apart count more
   * @param calibrationFolds the folds of the internal cross-validation that gives the out-of-fold scores the probabilities and thresholds are fitted to, 2 to 20
   * @param thresholds how each code's threshold is chosen (multi-label)
   * @param seed the seed of every random choice (fold assignment, solver order), so training is reproducible
   * @param threads how many threads train codes in parallel, at least 1
   * @param embedder sentence embeddings used beside the n-grams (each comment's vector appended to its features, both blocks of unit length), or {@code null} for n-grams only
   */
  public LearnerOptions {
    checkNotNull(features, "features");
    checkNotNull(thresholds, "thresholds");
    checkArgument(cost > 0 && Double.isFinite(cost), "cost must be positive: %s", cost);
    checkArgument(calibrationFolds >= 2 && calibrationFolds <= 20, "calibrationFolds must be 2 to 20: %s",
        calibrationFolds);
    checkArgument(threads >= 1, "threads must be at least 1: %s", threads);
  }

  /**
   * The defaults: {@link FeatureOptions#defaults()}, C = 0.3, classes not reweighted, naive Bayes scaling, 3
   * calibration folds, one threshold for all codes at half the best out-of-fold micro F1 (see
   * {@link ThresholdPolicy}), seed 42, up to 2 threads, no sentence embeddings. Rare codes need no class weights:
   * each code's Platt calibration and the threshold on calibrated probabilities already correct for how rare it
   * is, and the stronger regularisation (C = 0.3 rather than 1) suits the few thousand comments a team codes
   * (measured in docs/BENCHMARKS.md, "Learned coding: the defaults re-measured").
   *
   * @return the default options
   */
  public static LearnerOptions defaults() {
    return new LearnerOptions(FeatureOptions.defaults(), 0.3, false, true, 3, ThresholdPolicy.of(ThresholdPolicy.Kind.GLOBAL_HALF_BEST_F1), 42,
        Math.min(2, Runtime.getRuntime().availableProcessors()), null);
  }

  /**
   * These options with other features.
   *
   * @param value the features
   * @return new options
   */
  public LearnerOptions withFeatures(FeatureOptions value) {
    return new LearnerOptions(value, cost, balanced, naiveBayes, calibrationFolds, thresholds, seed, threads, embedder);
  }

  /**
   * These options with another cost.
   *
   * @param value the cost C
   * @return new options
   */
  public LearnerOptions withCost(double value) {
    return new LearnerOptions(features, value, balanced, naiveBayes, calibrationFolds, thresholds, seed, threads, embedder);
  }

  /**
   * These options with or without class balancing.
   *
   * @param value whether to balance
   * @return new options
   */
  public LearnerOptions withBalanced(boolean value) {
    return new LearnerOptions(features, cost, value, naiveBayes, calibrationFolds, thresholds, seed, threads, embedder);
  }

  /**
   * These options with or without naive Bayes scaling of the n-grams (see {@link #naiveBayes()}).
   *
   * @param value whether to scale
   * @return new options
   */
  public LearnerOptions withNaiveBayes(boolean value) {
    return new LearnerOptions(features, cost, balanced, value, calibrationFolds, thresholds, seed, threads, embedder);
  }

  /**
   * These options with another threshold policy.
   *
   * @param value the policy
   * @return new options
   */
  public LearnerOptions withThresholds(ThresholdPolicy value) {
    return new LearnerOptions(features, cost, balanced, naiveBayes, calibrationFolds, value, seed, threads, embedder);
  }

  /**
   * These options with another number of calibration folds.
   *
   * @param value the folds
   * @return new options
   */
  public LearnerOptions withCalibrationFolds(int value) {
    return new LearnerOptions(features, cost, balanced, naiveBayes, value, thresholds, seed, threads, embedder);
  }

  /**
   * These options with another number of threads.
   *
   * @param value the threads
   * @return new options
   */
  public LearnerOptions withThreads(int value) {
    return new LearnerOptions(features, cost, balanced, naiveBayes, calibrationFolds, thresholds, seed, value, embedder);
  }

  /**
   * These options with another seed.
   *
   * @param value the seed
   * @return new options
   */
  public LearnerOptions withSeed(long value) {
    return new LearnerOptions(features, cost, balanced, naiveBayes, calibrationFolds, thresholds, value, threads, embedder);
  }

  /**
   * These options with sentence embeddings beside the n-grams. Training and prediction then embed every comment,
   * which is much slower than the n-grams (see docs/learned-coding.md for what it adds and costs).
   *
   * @param value the embedder, or {@code null} for n-grams only
   * @return new options
   */
  public LearnerOptions withEmbedder(@Nullable TextEmbedder value) {
    return new LearnerOptions(features, cost, balanced, naiveBayes, calibrationFolds, thresholds, seed, threads, value);
  }
}
