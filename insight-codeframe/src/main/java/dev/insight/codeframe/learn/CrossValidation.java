package dev.insight.codeframe.learn;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * K-fold cross-validation of a {@link LearnedCoder} on coded comments: each fold is coded by a model trained on
 * the others (which runs its own internal cross-validation for calibration and thresholds, so nothing is tuned on
 * the held-out fold), and the out-of-fold codes are scored against the people's.
 */
public final class CrossValidation {
  /** How folds are stratified, as reported. */
  public static final String STRATIFICATION = "stratified on each comment's rarest code, shuffled with the seed "
      + "within strata and dealt to folds in turn";

  private CrossValidation() {}

  /**
   * The fold (0 to {@code folds - 1}) of every example, as the evaluation assigns them; for running other tools
   * on the same folds.
   *
   * @param examples the coded comments
   * @param folds the number of folds
   * @param seed the seed
   * @return one fold number per example
   */
  public static int[] folds(CodedExamples examples, int folds, long seed) {
    checkNotNull(examples, "examples");
    checkArgument(folds >= 2, "folds must be at least 2: %s", folds);
    return Folds.stratified(examples.labelIndexes(), examples.codes().size(), folds, seed);
  }

  /**
   * The out-of-fold predictions: each comment predicted by the model trained without its fold.
   *
   * @param examples the coded comments
   * @param options how each fold's model is trained
   * @param folds the number of folds, 2 to the number of examples
   * @param seed the seed of the fold assignment
   * @return one prediction per example, in example order
   * @throws IllegalArgumentException if the folds are out of range
   */
  public static List<Prediction> outOfFold(CodedExamples examples, LearnerOptions options, int folds, long seed) {
    checkNotNull(options, "options");
    int n = examples.examples().size();
    checkArgument(folds >= 2 && folds <= n, "folds must be 2 to the number of comments (%s): %s", n, folds);
    int[] fold = folds(examples, folds, seed);
    Prediction[] out = new Prediction[n];
    List<String> texts = examples.texts();
    List<String> contexts = examples.contexts();
    TextEmbedder embedder = options.embedder();
    if (embedder != null) {
      // every fold's model embeds the same comments: embed them once
      options = options.withEmbedder(CachedEmbedder.of(embedder, texts));
    }
    for (int f = 0; f < folds; f++) {
      int[] train = Folds.rowsWhere(fold, f, false);
      int[] test = Folds.rowsWhere(fold, f, true);
      LearnedCoder coder = LearnedCoder.train(examples.subset(train), options);
      List<String> testTexts = new ArrayList<>(test.length);
      List<String> testContexts = new ArrayList<>(test.length);
      for (int r : test) {
        testTexts.add(texts.get(r));
        testContexts.add(contexts.get(r));
      }
      List<Prediction> predicted = coder.predictAll(testTexts, testContexts);
      for (int j = 0; j < test.length; j++) {
        out[test[j]] = predicted.get(j);
      }
    }
    return Arrays.asList(out);
  }

  /**
   * Cross-validates and scores.
   *
   * @param examples the coded comments
   * @param options how each fold's model is trained
   * @param folds the number of folds
   * @param seed the seed of the fold assignment
   * @return the report
   * @throws IllegalArgumentException if the folds are out of range
   */
  public static EvaluationReport evaluate(CodedExamples examples, LearnerOptions options, int folds, long seed) {
    long start = System.nanoTime();
    List<Prediction> predictions = outOfFold(examples, options, folds, seed);
    double seconds = (System.nanoTime() - start) / 1e9;
    return score(examples, predictions, folds, seed, seconds).describing(describe(examples, options));
  }

  /** The model in words, for the report. */
  static String describe(CodedExamples examples, LearnerOptions options) {
    FeatureOptions f = options.features();
    StringBuilder out = new StringBuilder();
    if (f.wordNgrams() > 0) {
      out.append("word 1-").append(f.wordNgrams()).append("-grams");
    }
    if (f.charMax() > 0) {
      out.append(out.length() > 0 ? " + " : "").append("character ").append(f.charMin()).append('-')
          .append(f.charMax()).append("-grams within words");
    }
    out.append(" (min df ").append(f.minDf()).append(')');
    if (!examples.contextName().isEmpty()) {
      out.append(" + words within their context '").append(examples.contextName()).append('\'');
    }
    TextEmbedder embedder = options.embedder();
    if (embedder != null) {
      out.append(" + sentence embeddings ").append(embedder.name()).append(" (").append(embedder.dimension())
          .append(')');
    }
    out.append("; a linear SVM per code, C ").append(options.cost())
        .append(options.balanced() ? ", classes balanced" : "")
        .append(options.naiveBayes() ? ", n-grams scaled by naive Bayes ratios" : "")
        .append("; Platt scaling and thresholds (").append(options.thresholds().kind());
    if (options.thresholds().kind() == ThresholdPolicy.Kind.PRECISION) {
      out.append(' ').append(options.thresholds().targetPrecision());
    }
    out.append(") from ").append(options.calibrationFolds()).append(" internal folds; seed ").append(options.seed());
    return out.toString();
  }

  /**
   * Scores predictions against the people's codes.
   *
   * @param examples the coded comments
   * @param predictions one prediction per example, by a model with the same codes in the same order
   * @param folds the number of folds (for the report)
   * @param seed the seed (for the report)
   * @param seconds the time taken (for the report)
   * @return the report
   */
  public static EvaluationReport score(CodedExamples examples, List<Prediction> predictions, int folds, long seed,
      double seconds) {
    int n = examples.examples().size();
    int k = examples.codes().size();
    checkArgument(predictions.size() == n, "%s predictions for %s examples", predictions.size(), n);
    int[][] truth = examples.labelIndexes();
    int[][] given = new int[n][];
    for (int i = 0; i < n; i++) {
      given[i] = predictions.get(i).assignedIndexes();
    }
    int[] support = new int[k];
    int[] predicted = new int[k];
    int[] truePositives = new int[k];
    int exact = 0;
    for (int i = 0; i < n; i++) {
      for (int c : truth[i]) {
        support[c]++;
      }
      for (int c : given[i]) {
        predicted[c]++;
      }
      int hits = intersection(truth[i], given[i]);
      for (int c : given[i]) {
        if (Arrays.binarySearch(truth[i], c) >= 0) {
          truePositives[c]++;
        }
      }
      if (hits == truth[i].length && hits == given[i].length) {
        exact++;
      }
    }
    long tp = 0;
    long sumSupport = 0;
    long sumPredicted = 0;
    List<CodeMetrics> perCode = new ArrayList<>(k);
    double macro = 0;
    int present = 0;
    for (int c = 0; c < k; c++) {
      tp += truePositives[c];
      sumSupport += support[c];
      sumPredicted += predicted[c];
      CodeMetrics m = CodeMetrics.of(examples.codes().get(c).value(), support[c], predicted[c], truePositives[c]);
      perCode.add(m);
      if (support[c] > 0) {
        macro += m.f1();
        present++;
      }
    }
    double microP = sumPredicted == 0 ? 0 : (double) tp / sumPredicted;
    double microR = sumSupport == 0 ? 0 : (double) tp / sumSupport;
    double microF1 = microP + microR == 0 ? 0 : 2 * microP * microR / (microP + microR);
    double hamming = (double) (sumSupport + sumPredicted - 2 * tp) / ((double) n * k);
    List<CoveragePoint> curve = coverage(predictions, truth, given);
    return new EvaluationReport(examples.mode(), n, folds, seed, STRATIFICATION, "", microP, microR, microF1,
        present == 0 ? 0 : macro / present, present, n == 0 ? 0 : (double) exact / n, hamming, perCode, curve,
        seconds);
  }

  private static List<CoveragePoint> coverage(List<Prediction> predictions, int[][] truth, int[][] given) {
    int n = predictions.size();
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Double.compare(predictions.get(b).confidence(), predictions.get(a).confidence()));
    List<CoveragePoint> curve = new ArrayList<>();
    for (int step = 1; step <= 10 && n > 0; step++) {
      int m = (int) Math.ceil(n * step / 10.0);
      long tp = 0;
      long sumGiven = 0;
      long sumTrue = 0;
      int exact = 0;
      double expected = 0;
      for (int j = 0; j < m; j++) {
        int i = order[j];
        int hits = intersection(truth[i], given[i]);
        tp += hits;
        sumGiven += given[i].length;
        sumTrue += truth[i].length;
        exact += hits == truth[i].length && hits == given[i].length ? 1 : 0;
        for (int c : given[i]) {
          expected += predictions.get(i).probability(c);
        }
      }
      double precision = sumGiven == 0 ? 0 : (double) tp / sumGiven;
      double recall = sumTrue == 0 ? 0 : (double) tp / sumTrue;
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      curve.add(new CoveragePoint(step / 10.0, m, predictions.get(order[m - 1]).confidence(), precision,
          sumGiven == 0 ? 0 : expected / sumGiven, f1, (double) exact / m));
    }
    return curve;
  }

  private static int intersection(int[] sortedA, int[] sortedB) {
    int hits = 0;
    for (int c : sortedB) {
      if (Arrays.binarySearch(sortedA, c) >= 0) {
        hits++;
      }
    }
    return hits;
  }
}
