package dev.insight.codeframe.learn;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Training of a {@link LearnedCoder}: the features, one linear SVM per code (in parallel), the out-of-fold scores
 * of an internal cross-validation, and from them each code's Platt calibration, the thresholds and the abstention
 * curve.
 */
final class Training {
  private static final int MIN_SUPPORT_TO_TUNE = 3;
  /** The context block: each word of the comment tagged with its context, as unigrams seen at least twice. */
  private static final FeatureOptions CONTEXT_FEATURES = new FeatureOptions(1, 1, 0, 2, 0.5);

  private Training() {}

  /** Trains a coder (see {@link LearnedCoder#train(CodedExamples, LearnerOptions)}). */
  static LearnedCoder train(CodedExamples examples, LearnerOptions options) {
    checkNotNull(examples, "examples");
    checkNotNull(options, "options");
    int n = examples.examples().size();
    checkArgument(n >= options.calibrationFolds(), "training needs at least %s coded comments (one per "
        + "calibration fold), got %s", options.calibrationFolds(), n);
    int k = examples.codes().size();
    List<String> texts = examples.texts();
    Vectorizer vectorizer = Vectorizer.fit(texts, options.features());
    TextEmbedder embedder = options.embedder();
    // columns: the n-grams, then the context's words (if the examples have a context), then the embedding (if any)
    SparseRows ngrams = vectorizer.transform(texts);
    List<String> tagged = examples.contextName().isEmpty() ? null : tagged(texts, examples.contexts());
    Vectorizer contextVectorizer = tagged == null ? null : Vectorizer.fit(tagged, CONTEXT_FEATURES);
    SparseRows words = contextVectorizer == null ? ngrams
        : ngrams.withSparse(contextVectorizer.transform(tagged), vectorizer.features());
    int sparse = vectorizer.features() + (contextVectorizer == null ? 0 : contextVectorizer.features());
    SparseRows x = embedder == null ? words : words.withDense(LearnedCoder.embed(embedder, texts), sparse);
    int features = sparse + (embedder == null ? 0 : embedder.dimension());
    int[][] labels = examples.labelIndexes();
    int[] fold = Folds.stratified(labels, k, options.calibrationFolds(), options.seed());
    int[] allRows = new int[n];
    Arrays.setAll(allRows, i -> i);

    float[] weights = new float[features * k];
    float[] bias = new float[k];
    double[] plattA = new double[k];
    double[] plattB = new double[k];
    int[] support = new int[k];
    double[][] oof = new double[k][];
    double[][] oofDecision = new double[k][];
    boolean[][] positives = new boolean[k][n];
    for (int i = 0; i < n; i++) {
      for (int c : labels[i]) {
        positives[c][i] = true;
        support[c]++;
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(options.threads(), runnable -> {
      Thread thread = new Thread(runnable, "insight-learn");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<?>> tasks = new ArrayList<>();
      for (int c = 0; c < k; c++) {
        int code = c;
        tasks.add(pool.submit(() -> {
          boolean[] positive = positives[code];
          if (support[code] == 0 || support[code] == n) {
            // nothing to learn: a constant answer, and a probability that says so
            bias[code] = support[code] == 0 ? -1 : 1;
            plattA[code] = -1e-9;
            plattB[code] = support[code] == 0 ? 10 : -10;
            oof[code] = new double[n];
            Arrays.fill(oof[code], Platt.probability(bias[code], plattA[code], plattB[code]));
            oofDecision[code] = new double[n];
            Arrays.fill(oofDecision[code], bias[code]);
            return;
          }
          double[] w = train(x, sparse, allRows, positive, features, support[code], options, code);
          for (int f = 0; f < features; f++) {
            weights[f * k + code] = (float) w[f];
          }
          bias[code] = (float) w[features];
          double[] decision = new double[n];
          for (int held = 0; held < options.calibrationFolds(); held++) {
            int[] trainRows = Folds.rowsWhere(fold, held, false);
            int heldSupport = 0;
            for (int r : trainRows) {
              heldSupport += positive[r] ? 1 : 0;
            }
            double[] inner = heldSupport == 0 || heldSupport == trainRows.length ? null
                : train(x, sparse, trainRows, positive, features, heldSupport, options, code * 31 + held);
            for (int r : Folds.rowsWhere(fold, held, true)) {
              decision[r] = inner == null ? (heldSupport == 0 ? -1 : 1) : x.dot(r, inner) + inner[features];
            }
          }
          double[] ab = Platt.fit(decision, positive);
          plattA[code] = ab[0];
          plattB[code] = ab[1];
          double[] probability = new double[n];
          for (int i = 0; i < n; i++) {
            probability[i] = Platt.probability(decision[i], ab[0], ab[1]);
          }
          oof[code] = probability;
          oofDecision[code] = decision;
        }));
      }
      for (Future<?> task : tasks) {
        task.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("training was interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("training failed: " + cause, cause);
    } finally {
      pool.shutdownNow();
    }

    double[] thresholds = new double[k];
    if (examples.mode() == LabelMode.MULTI_LABEL) {
      if (options.thresholds().kind() == ThresholdPolicy.Kind.GLOBAL_HALF_BEST_F1) {
        Arrays.fill(thresholds, globalThreshold(oof, positives));
      } else {
        for (int c = 0; c < k; c++) {
          thresholds[c] = chooseThreshold(oof[c], positives[c], support[c], options.thresholds());
        }
      }
    }
    int withCode = 0;
    for (int[] row : labels) {
      withCode += row.length > 0 ? 1 : 0;
    }
    // with a target precision a forced code would break the promise: those comments stay uncoded instead
    boolean atLeastOne = examples.mode() == LabelMode.MULTI_LABEL && withCode == n
        && options.thresholds().kind() != ThresholdPolicy.Kind.PRECISION;
    LearnedCoder provisional = new LearnedCoder(examples.mode(), examples.codes(), options, vectorizer,
        examples.contextName(), contextVectorizer, weights, bias, plattA, plattB, thresholds, support, n, atLeastOne,
        new double[0], new double[0], 0);
    // the abstention curve: out-of-fold confidence against the precision of the codes given at or above it
    double[] confidence = new double[n];
    double[] correct = new double[n];
    double[] given = new double[n];
    for (int i = 0; i < n; i++) {
      double[] p = new double[k];
      double[] raw = new double[k];
      for (int c = 0; c < k; c++) {
        p[c] = oof[c][i];
        raw[c] = oofDecision[c][i];
      }
      Prediction prediction = provisional.decide(p, raw);
      confidence[i] = prediction.confidence();
      for (int c : prediction.assignedIndexes()) {
        given[i]++;
        correct[i] += positives[c][i] ? 1 : 0;
      }
    }
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Double.compare(confidence[b], confidence[a]));
    double[] curveConfidence = new double[n];
    double[] curvePrecision = new double[n];
    double sumCorrect = 0;
    double sumGiven = 0;
    for (int j = 0; j < n; j++) {
      sumCorrect += correct[order[j]];
      sumGiven += given[order[j]];
      curveConfidence[j] = confidence[order[j]];
      curvePrecision[j] = sumGiven == 0 ? 1 : sumCorrect / sumGiven;
    }
    return new LearnedCoder(examples.mode(), examples.codes(), options, vectorizer, examples.contextName(),
        contextVectorizer, weights, bias, plattA, plattB, thresholds, support, n, atLeastOne, curveConfidence,
        curvePrecision, 0);
  }

  /** Half the best micro F1 over all (comment, code) pairs pooled (Lipton et al. 2014). */
  static double globalThreshold(double[][] oof, boolean[][] positives) {
    int k = oof.length;
    int n = oof[0].length;
    double[] all = new double[n * k];
    boolean[] truth = new boolean[n * k];
    int support = 0;
    for (int c = 0; c < k; c++) {
      for (int i = 0; i < n; i++) {
        all[c * n + i] = oof[c][i];
        truth[c * n + i] = positives[c][i];
        support += positives[c][i] ? 1 : 0;
      }
    }
    return support == 0 ? 0.5 : bestF1(all, truth, support) / 2;
  }

  private static double bestF1(double[] probability, boolean[] positive, int support) {
    int n = probability.length;
    int[] order = sortedDescending(probability);
    double best = 0;
    int truePositives = 0;
    for (int j = 0; j < n; j++) {
      truePositives += positive[order[j]] ? 1 : 0;
      if (j + 1 < n && probability[order[j + 1]] == probability[order[j]]) {
        continue;
      }
      best = Math.max(best, 2.0 * truePositives / (j + 1 + support));
    }
    return best;
  }

  private static int[] sortedDescending(double[] values) {
    // sort indexes by value without boxing: pack (value rank, index) through a sorted copy
    int n = values.length;
    long[] packed = new long[n];
    for (int i = 0; i < n; i++) {
      // probabilities are in [0, 1]: their bits order like the values; flip for descending
      packed[i] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits((float) values[i])) << 32) | i;
    }
    Arrays.sort(packed);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = (int) packed[i];
    }
    return order;
  }

  private static double[] train(SparseRows x, int sparse, int[] rows, boolean[] positive, int features,
      int positives, LearnerOptions options, long salt) {
    double costPositive = options.cost();
    double costNegative = options.cost();
    if (options.balanced()) {
      // scikit-learn's "balanced": n / (2 n_class) for each class
      costPositive = options.cost() * rows.length / (2.0 * positives);
      costNegative = options.cost() * rows.length / (2.0 * (rows.length - positives));
    }
    float[] scale = options.naiveBayes() ? naiveBayesScale(x, sparse, rows, positive, features) : null;
    return LinearSvm.train(x, scale, rows, positive, features, costPositive, costNegative, 0.1, 1000,
        options.seed() * 1_000_003L + salt);
  }

  /**
   * The square root of the size of each sparse column's naive Bayes log-count ratio between the positive and the
   * negative rows (Wang and Manning 2012): r = log((p / |p|) / (q / |q|)) where p and q count, plus one, the rows of
   * each class that have the column. Columns from {@code sparse} on (sentence embeddings) keep scale 1.
   */
  static float[] naiveBayesScale(SparseRows x, int sparse, int[] rows, boolean[] positive, int features) {
    double[] p = new double[sparse];
    double[] q = new double[sparse];
    Arrays.fill(p, 1);
    Arrays.fill(q, 1);
    double sumP = sparse;
    double sumQ = sparse;
    for (int r : rows) {
      double[] counts = positive[r] ? p : q;
      int present = 0;
      for (int k = x.start[r]; k < x.start[r + 1]; k++) {
        int column = x.index[k];
        if (column < sparse && x.value[k] != 0) {
          counts[column]++;
          present++;
        }
      }
      if (positive[r]) {
        sumP += present;
      } else {
        sumQ += present;
      }
    }
    float[] scale = new float[features];
    Arrays.fill(scale, 1f);
    for (int f = 0; f < sparse; f++) {
      scale[f] = (float) Math.sqrt(Math.abs(Math.log((p[f] / sumP) / (q[f] / sumQ))));
    }
    return scale;
  }

  /**
   * The threshold on out-of-fold probabilities: half the best F1, where F1 peaked, or the most recall at the target
   * precision. A code with too few examples to tune on keeps 0.5, or with a target precision is never given
   * (infinity), as is one that cannot reach the target precision.
   */
  static double chooseThreshold(double[] probability, boolean[] positive, int support, ThresholdPolicy policy) {
    boolean precision = policy.kind() == ThresholdPolicy.Kind.PRECISION;
    if (support < MIN_SUPPORT_TO_TUNE) {
      return precision ? Double.POSITIVE_INFINITY : 0.5;
    }
    if (policy.kind() == ThresholdPolicy.Kind.HALF_BEST_F1) {
      return bestF1(probability, positive, support) / 2;
    }
    int n = probability.length;
    int[] order = sortedDescending(probability);
    double best = Double.NEGATIVE_INFINITY;
    double threshold = Double.POSITIVE_INFINITY;
    int truePositives = 0;
    for (int j = 0; j < n; j++) {
      truePositives += positive[order[j]] ? 1 : 0;
      double here = probability[order[j]];
      if (j + 1 < n && probability[order[j + 1]] == here) {
        continue; // a threshold cannot split ties
      }
      double next = j + 1 < n ? probability[order[j + 1]] : 0;
      double cut = (here + next) / 2; // midway to the next score, so a new comment near the edge is not lost
      if (!precision) {
        double f1 = 2.0 * truePositives / (j + 1 + support);
        if (f1 > best) {
          best = f1;
          threshold = cut;
        }
      } else if ((double) truePositives / (j + 1) >= policy.targetPrecision()) {
        threshold = cut;
      }
    }
    return threshold;
  }

  private static List<String> tagged(List<String> texts, List<String> contexts) {
    List<String> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      out.add(Vectorizer.contextTagged(texts.get(i), contexts.get(i)));
    }
    return out;
  }
}
