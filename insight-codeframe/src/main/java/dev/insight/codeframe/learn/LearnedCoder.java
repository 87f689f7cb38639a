package dev.insight.codeframe.learn;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.Provenance;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.core.internal.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * A coder learned from coded comments: one linear SVM per code on sparse TF-IDF word and character n-grams, its
 * scores turned into calibrated probabilities, and per-code thresholds, both fitted to out-of-fold scores of an
 * internal cross-validation so they reflect how the model does on comments it has not seen.
 *
 * <p>Implementation note: one-vs-rest L2-loss linear SVMs (Hsieh et al. 2008, see {@code LinearSvm}) with
 * balanced class weights; Platt scaling (Platt 1999; Lin, Lin and Weng 2007) of the out-of-fold decision values;
 * each code's threshold maximises its out-of-fold F1 or reaches a target precision. A multi-label model trained on
 * data where every comment has a code gives the most probable code when none reaches its threshold (except with
 * a target precision, where such a comment stays uncoded). A
 * single-label model normalises the probabilities over codes and gives the code with the highest SVM score.
 *
 * <p>Models {@link #save(Path) save} to a versioned binary format (see {@link #FORMAT_VERSION}) and
 * {@link #load(Path) load} back; a file of another version or a corrupt one fails with a
 * {@link ModelFormatException} saying which. Instances are immutable and thread-safe.
 */
public final class LearnedCoder {
  /**
   * The model file format this library writes and reads. Layout: 8 ASCII bytes {@code INSIGHTM}, a big-endian
   * int version, then a GZIP stream (whose CRC-32 catches corruption) holding the mode, codes, options, vocabulary
   * (64-bit n-gram hashes with their idf), the context's name and vocabulary (if any), the sentence embedder's
   * name and dimension (if any), weights, calibration, thresholds, the abstention curve and an end marker. Any change to it increments the version.
   */
  public static final int FORMAT_VERSION = 3;
  private static final byte[] MAGIC = "INSIGHTM".getBytes(StandardCharsets.US_ASCII);
  private static final long END_MARKER = 0x494E534947485421L;
  private static final int MIN_SUPPORT_TO_TUNE = 3;
  /** The context block: each word of the comment tagged with its context, as unigrams seen at least twice. */
  private static final FeatureOptions CONTEXT_FEATURES = new FeatureOptions(1, 1, 0, 2, 0.5);

  private final LabelMode mode;
  private final List<CodeId> codes;
  private final LearnerOptions options;
  private final Vectorizer vectorizer;
  private final String contextName;
  private final @Nullable Vectorizer contextVectorizer;
  private final float[] weights;
  private final float[] bias;
  private final double[] plattA;
  private final double[] plattB;
  private final double[] thresholds;
  private final int[] support;
  private final int trainedOn;
  private final boolean atLeastOne;
  private final double[] curveConfidence;
  private final double[] curvePrecision;
  private final double abstainBelow;

  private LearnedCoder(LabelMode mode, List<CodeId> codes, LearnerOptions options, Vectorizer vectorizer,
      String contextName, @Nullable Vectorizer contextVectorizer, float[] weights, float[] bias, double[] plattA,
      double[] plattB, double[] thresholds, int[] support, int trainedOn, boolean atLeastOne, double[] curveConfidence, double[] curvePrecision, double abstainBelow) {
    this.mode = mode;
    this.codes = List.copyOf(codes);
    this.options = options;
    this.vectorizer = vectorizer;
    this.contextName = contextName;
    this.contextVectorizer = contextVectorizer;
    this.weights = weights;
    this.bias = bias;
    this.plattA = plattA;
    this.plattB = plattB;
    this.thresholds = thresholds;
    this.support = support;
    this.trainedOn = trainedOn;
    this.atLeastOne = atLeastOne;
    this.curveConfidence = curveConfidence;
    this.curvePrecision = curvePrecision;
    this.abstainBelow = abstainBelow;
  }

  /**
   * Trains a coder with the default options.
   *
   * @param examples the coded comments
   * @return the coder, abstaining never (see {@link #withAbstention(double)})
   * @throws IllegalArgumentException if there are fewer than 2 examples
   */
  public static LearnedCoder train(CodedExamples examples) {
    return train(examples, LearnerOptions.defaults());
  }

  /**
   * Trains a coder.
   *
   * @param examples the coded comments
   * @param options how to train
   * @return the coder, abstaining never (see {@link #withAbstention(double)})
   * @throws IllegalArgumentException if there are fewer examples than calibration folds
   */
  public static LearnedCoder train(CodedExamples examples, LearnerOptions options) {
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
    SparseRows x = embedder == null ? words : words.withDense(embed(embedder, texts), sparse);
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

  /**
   * This coder abstaining below a confidence.
   *
   * @param threshold the confidence below which comments are left for a person, in [0, 1]; 0 never abstains
   * @return a new coder sharing this one's model
   * @throws IllegalArgumentException if the threshold is outside [0, 1]
   */
  public LearnedCoder withAbstention(double threshold) {
    checkArgument(threshold >= 0 && threshold <= 1, "abstention threshold must be in [0, 1]: %s", threshold);
    return new LearnedCoder(mode, codes, options, vectorizer, contextName, contextVectorizer, weights, bias, plattA,
        plattB, thresholds, support, trainedOn, atLeastOne, curveConfidence, curvePrecision, threshold);
  }

  /**
   * The lowest confidence threshold at which the comments coded reached the target precision of given codes in
   * the internal cross-validation: abstaining below it is expected to give that precision on similar comments.
   *
   * @param targetPrecision the precision wanted, in (0, 1]
   * @return the threshold, or 1 if no threshold reaches it (abstain on everything)
   * @throws IllegalArgumentException if the target is outside (0, 1]
   */
  public double confidenceForPrecision(double targetPrecision) {
    checkArgument(targetPrecision > 0 && targetPrecision <= 1, "target precision must be in (0, 1]: %s",
        targetPrecision);
    // the largest coverage whose cumulative precision still reaches the target
    for (int j = curvePrecision.length - 1; j >= 0; j--) {
      if (curvePrecision[j] >= targetPrecision && (j + 1 == curveConfidence.length
          || curveConfidence[j + 1] < curveConfidence[j])) {
        return curveConfidence[j];
      }
    }
    return 1;
  }

  /**
   * The confidence threshold below which this coder abstains (0: never).
   *
   * @return the threshold
   */
  public double abstentionThreshold() {
    return abstainBelow;
  }

  /**
   * Codes one comment.
   *
   * @param text the comment
   * @return the prediction
   * @throws IllegalStateException if the model was trained with contexts: use {@link #predictAll(List, List)}
   */
  public Prediction predict(String text) {
    return predictAll(List.of(text)).get(0);
  }

  /**
   * Codes comments, in order.
   *
   * @param texts the comments
   * @return one prediction per comment
   * @throws IllegalStateException if the model was trained with contexts (see {@link #contextName()}): use
   *     {@link #predictAll(List, List)}
   */
  public List<Prediction> predictAll(List<String> texts) {
    checkNotNull(texts, "texts");
    checkState(contextName.isEmpty(), "this model was trained with each comment's context (%s): give the contexts "
        + "too, predictAll(texts, contexts)", contextName);
    return predictAll(texts, java.util.Collections.nCopies(texts.size(), ""));
  }

  /**
   * Codes comments given in their contexts (see {@link CodedExample#context()}), in order. A model trained
   * without contexts ignores them.
   *
   * @param texts the comments
   * @param contexts each comment's context, e.g. the question it answers (the same kind as in training:
   *     {@link #contextName()})
   * @return one prediction per comment
   * @throws IllegalArgumentException if the lists differ in length
   */
  public List<Prediction> predictAll(List<String> texts, List<String> contexts) {
    checkNotNull(texts, "texts");
    checkArgument(texts.size() == contexts.size(), "%s comments but %s contexts", texts.size(), contexts.size());
    int k = codes.size();
    List<Prediction> out = new ArrayList<>(texts.size());
    Vectorizer.KeyBuffer buffer = new Vectorizer.KeyBuffer();
    Vectorizer.Row row = new Vectorizer.Row();
    TextEmbedder embedder = options.embedder();
    float[][] embedded = embedder == null ? null : embed(embedder, texts);
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      checkNotNull(text, "text");
      double[] score = new double[k];
      scores(text, buffer, row, score);
      if (contextVectorizer != null) {
        addContext(Vectorizer.contextTagged(text, checkNotNull(contexts.get(i), "context")), buffer, row, score);
      }
      if (embedded != null) {
        addDense(embedded[i], score);
      }
      double[] probability = new double[k];
      for (int c = 0; c < k; c++) {
        probability[c] = Platt.probability(score[c], plattA[c], plattB[c]);
      }
      out.add(decide(probability, score));
    }
    return out;
  }

  /** The raw SVM scores of one comment into {@code score}. */
  void scores(String text, Vectorizer.KeyBuffer buffer, Vectorizer.Row row, double[] score) {
    int k = codes.size();
    vectorizer.featurise(text, buffer, row);
    for (int c = 0; c < k; c++) {
      score[c] = bias[c];
    }
    for (int e = 0; e < row.size; e++) {
      addColumn(row.index[e], row.value[e], score);
    }
  }

  /** Adds one feature's value times its weights to the scores of every code. */
  private void addColumn(int column, float value, double[] score) {
    int k = score.length;
    int base = column * k;
    for (int c = 0; c < k; c++) {
      score[c] += value * weights[base + c];
    }
  }

  /** Adds the contribution of a comment's context-tagged words (the columns after the n-grams). */
  private void addContext(String tagged, Vectorizer.KeyBuffer buffer, Vectorizer.Row row, double[] score) {
    int offset = vectorizer.features();
    contextVectorizer.featurise(tagged, buffer, row);
    for (int e = 0; e < row.size; e++) {
      addColumn(offset + row.index[e], row.value[e], score);
    }
  }

  private static List<String> tagged(List<String> texts, List<String> contexts) {
    List<String> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      out.add(Vectorizer.contextTagged(texts.get(i), contexts.get(i)));
    }
    return out;
  }

  private int contextFeatures() {
    return contextVectorizer == null ? 0 : contextVectorizer.features();
  }

  /**
   * What the contexts of the training comments were (e.g. "FFT question"), which predictions need too; empty for
   * a model trained without contexts.
   *
   * @return the context's name, or empty
   */
  public String contextName() {
    return contextName;
  }

  /** Adds a comment's embedding's contribution to its scores (the columns after the n-grams and context). */
  private void addDense(float[] vector, double[] score) {
    int offset = vectorizer.features() + contextFeatures();
    for (int j = 0; j < vector.length; j++) {
      addColumn(offset + j, vector[j], score);
    }
  }

  /** Embeds texts, checking the embedder keeps its promise of one vector of its dimension per text. */
  private static float[][] embed(TextEmbedder embedder, List<String> texts) {
    float[][] vectors = embedder.embed(texts);
    if (vectors.length != texts.size()) {
      throw new IllegalStateException("the embedder " + embedder.name() + " gave " + vectors.length
          + " vectors for " + texts.size() + " comments");
    }
    for (float[] vector : vectors) {
      if (vector.length != embedder.dimension()) {
        throw new IllegalStateException("the embedder " + embedder.name() + " gave a vector of " + vector.length
            + " values, not " + embedder.dimension());
      }
    }
    return vectors;
  }

  /**
   * The decision from calibrated probabilities and raw scores (the probability array is kept by the prediction).
   * A single-label model gives the code with the highest raw score: the SVMs are trained with balanced classes,
   * so this does not swamp rare codes the way the most probable code would (best for accuracy, poor for macro F1).
   */
  Prediction decide(double[] probability, double[] raw) {
    int k = probability.length;
    int[] assigned;
    double confidence;
    if (mode == LabelMode.SINGLE_LABEL) {
      double sum = 0;
      int best = 0;
      for (int c = 0; c < k; c++) {
        sum += probability[c];
        if (raw[c] > raw[best]) {
          best = c;
        }
      }
      if (sum > 0) {
        for (int c = 0; c < k; c++) {
          probability[c] /= sum;
        }
      }
      assigned = new int[] {best};
      confidence = probability[best];
    } else {
      int count = 0;
      int best = 0;
      for (int c = 0; c < k; c++) {
        if (probability[c] >= thresholds[c]) {
          count++;
        }
        if (probability[c] > probability[best]) {
          best = c;
        }
      }
      if (count == 0 && atLeastOne) {
        assigned = new int[] {best};
      } else {
        assigned = new int[count];
        int at = 0;
        for (int c = 0; c < k; c++) {
          if (probability[c] >= thresholds[c]) {
            assigned[at++] = c;
          }
        }
      }
      confidence = 1;
      int next = 0;
      for (int c = 0; c < k; c++) {
        boolean given = next < assigned.length && assigned[next] == c;
        if (given) {
          next++;
        }
        confidence *= given ? probability[c] : 1 - probability[c];
      }
    }
    return new Prediction(codes, assigned, probability, confidence, confidence < abstainBelow);
  }

  /**
   * The codes, in output order.
   *
   * @return the codes
   */
  public List<CodeId> codes() {
    return codes;
  }

  /**
   * Whether the model gives several codes or one.
   *
   * @return the mode
   */
  public LabelMode mode() {
    return mode;
  }

  /**
   * The options it was trained with.
   *
   * @return the options
   */
  public LearnerOptions options() {
    return options;
  }

  /**
   * How many coded comments it was trained on.
   *
   * @return the count
   */
  public int trainedOn() {
    return trainedOn;
  }

  /**
   * How many training comments had the code.
   *
   * @param codeIndex the code's position in {@link #codes()}
   * @return the count
   */
  public int support(int codeIndex) {
    return support[codeIndex];
  }

  /**
   * The code's probability threshold (0 for a single-label model; infinity for a code never given).
   *
   * @param codeIndex the code's position in {@link #codes()}
   * @return the threshold
   */
  public double threshold(int codeIndex) {
    return thresholds[codeIndex];
  }

  Vectorizer vectorizer() {
    return vectorizer;
  }

  /**
   * A short identity of this model for provenance: the format version and a fingerprint of its vocabulary and
   * weights, so two codings can be told apart when they come from different models.
   *
   * @return e.g. {@code "insight-learned-coder/1 3fa2c91b (trained on 6340)"}
   */
  public String modelId() {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(8);
    for (float w : weights) {
      bytes.clear();
      bytes.putFloat(w);
      crc.update(bytes.array(), 0, 4);
    }
    for (int c = 0; c < codes.size(); c++) {
      crc.update(codes.get(c).value().getBytes(StandardCharsets.UTF_8));
      bytes.clear();
      bytes.putDouble(thresholds[c]);
      crc.update(bytes.array(), 0, 8);
    }
    return String.format(java.util.Locale.ROOT, "insight-learned-coder/%d %08x (trained on %d)", FORMAT_VERSION,
        crc.getValue(), trainedOn);
  }

  /**
   * Codes comments into the same {@link Coding} result as manual and rule coding. Every assignment carries
   * {@link Provenance.Model} provenance: this model's {@link #modelId()} (with the given name), the code's
   * calibrated probability as its confidence, and the time. Comments the coder abstains on are left out of the
   * coding (not coded: for a person); a comment given a none-code of the frame together with others keeps only
   * its most probable code.
   *
   * @param frame the codeframe; every code of the model must be a codable code of it
   * @param units the units (comments' ids), one per text
   * @param texts the comments
   * @param name a name for the model shown in provenance (e.g. its file name)
   * @param at when the coding was made
   * @return the coding
   * @throws IllegalArgumentException if the lists differ in length or a code is not codable in the frame
   * @throws IllegalStateException if the model was trained with contexts: use
   *     {@link #toCoding(Codeframe, List, List, List, String, Instant)}
   */
  public Coding toCoding(Codeframe frame, List<UnitId> units, List<String> texts, String name, Instant at) {
    return coding(frame, units, texts, null, name, at);
  }

  /**
   * Codes comments given in their contexts into a {@link Coding}, as
   * {@link #toCoding(Codeframe, List, List, String, Instant)} does (for a model trained with contexts).
   *
   * @param frame the codeframe; every code of the model must be a codable code of it
   * @param units the units (comments' ids), one per text
   * @param texts the comments
   * @param contexts each comment's context
   * @param name a name for the model shown in provenance (e.g. its file name)
   * @param at when the coding was made
   * @return the coding
   * @throws IllegalArgumentException if the lists differ in length or a code is not codable in the frame
   */
  public Coding toCoding(Codeframe frame, List<UnitId> units, List<String> texts, List<String> contexts,
      String name, Instant at) {
    return coding(frame, units, texts, checkNotNull(contexts, "contexts"), name, at);
  }

  private Coding coding(Codeframe frame, List<UnitId> units, List<String> texts, @Nullable List<String> contexts,
      String name, Instant at) {
    checkNotNull(frame, "frame");
    checkArgument(units.size() == texts.size(), "%s units but %s texts", units.size(), texts.size());
    for (CodeId code : codes) {
      checkArgument(frame.contains(code) && !frame.isNet(code),
          "the model's code '%s' is not a codable code of the frame %s", code, frame.name());
    }
    String model = name + " " + modelId();
    List<Prediction> predictions = contexts == null ? predictAll(texts) : predictAll(texts, contexts);
    Coding.Builder coding = Coding.builder(frame);
    for (int i = 0; i < units.size(); i++) {
      Prediction prediction = predictions.get(i);
      if (prediction.abstained()) {
        continue;
      }
      UnitId unit = units.get(i);
      coding.unit(unit);
      int[] given = prediction.assignedIndexes();
      boolean exclusive = false;
      for (int c : given) {
        exclusive |= frame.code(codes.get(c)).isExclusive();
      }
      if (exclusive && given.length > 1) {
        int best = given[0];
        for (int c : given) {
          best = prediction.probability(c) > prediction.probability(best) ? c : best;
        }
        given = new int[] {best};
      }
      for (int c : given) {
        coding.assign(unit, codes.get(c), new Provenance.Model(model, prediction.probability(c), List.of(), at));
      }
    }
    return coding.build();
  }

  /**
   * The number of features (n-grams in the vocabulary).
   *
   * @return the count
   */
  public int features() {
    return vectorizer.features();
  }

  /**
   * Saves the model in the {@link #FORMAT_VERSION} format, atomically (a temporary file in the same folder,
   * then moved into place), with the user's usual file permissions.
   *
   * @param file where to save
   * @throws UncheckedIOException if the file cannot be written
   */
  public void save(Path file) {
    checkNotNull(file, "file");
    try {
      AtomicFiles.write(file, out -> {
        write(out);
        return null;
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the model to " + file, e);
    }
  }

  /**
   * Writes the model in the {@link #FORMAT_VERSION} format.
   *
   * @param raw where to write (not closed)
   * @throws IOException if writing fails
   */
  public void write(OutputStream raw) throws IOException {
    raw.write(MAGIC);
    DataOutputStream header = new DataOutputStream(raw);
    header.writeInt(FORMAT_VERSION);
    header.flush();
    GZIPOutputStream zip = new GZIPOutputStream(raw, 1 << 16);
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(zip, 1 << 16));
    out.writeUTF(mode.name());
    out.writeInt(codes.size());
    for (CodeId code : codes) {
      out.writeUTF(code.value());
    }
    out.writeDouble(options.cost());
    out.writeBoolean(options.balanced());
    out.writeBoolean(options.naiveBayes());
    out.writeInt(options.calibrationFolds());
    out.writeUTF(options.thresholds().kind().name());
    out.writeDouble(options.thresholds().targetPrecision());
    out.writeLong(options.seed());
    vectorizer.write(out);
    out.writeUTF(contextName);
    if (contextVectorizer != null) {
      contextVectorizer.write(out);
    }
    TextEmbedder embedder = options.embedder();
    out.writeUTF(embedder == null ? "" : embedder.name());
    out.writeInt(embedder == null ? 0 : embedder.dimension());
    for (float w : weights) {
      out.writeFloat(w);
    }
    for (int c = 0; c < codes.size(); c++) {
      out.writeFloat(bias[c]);
      out.writeDouble(plattA[c]);
      out.writeDouble(plattB[c]);
      out.writeDouble(thresholds[c]);
      out.writeInt(support[c]);
    }
    out.writeInt(trainedOn);
    out.writeBoolean(atLeastOne);
    out.writeInt(curveConfidence.length);
    for (int j = 0; j < curveConfidence.length; j++) {
      out.writeDouble(curveConfidence[j]);
      out.writeDouble(curvePrecision[j]);
    }
    out.writeDouble(abstainBelow);
    out.writeLong(END_MARKER);
    out.flush();
    zip.finish();
  }

  /**
   * Loads a model saved by {@link #save(Path)}.
   *
   * @param file the model file
   * @return the coder
   * @throws ModelFormatException if the file is not a model, has another format version, or is corrupt
   * @throws UncheckedIOException if the file cannot be read
   */
  public static LearnedCoder load(Path file) {
    checkNotNull(file, "file");
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
      return read(raw, file.toString());
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("no model file " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the model file " + file, e);
    }
  }

  /**
   * Reads a model written by {@link #write(OutputStream)}.
   *
   * @param raw the stream (read to its end, not closed)
   * @param source the name used in messages
   * @return the coder
   * @throws ModelFormatException if the stream is not a model, has another format version, or is corrupt
   * @throws IOException if reading fails
   */
  public static LearnedCoder read(InputStream raw, String source) throws IOException {
    byte[] magic = raw.readNBytes(MAGIC.length);
    if (!Arrays.equals(magic, MAGIC)) {
      throw new ModelFormatException(source + ": not an insight learned-coder model (it does not start with "
          + "\"INSIGHTM\")", null);
    }
    byte[] versionBytes = raw.readNBytes(4);
    if (versionBytes.length < 4) {
      throw new ModelFormatException(source + ": corrupt or truncated model file (no format version)", null);
    }
    int version = ((versionBytes[0] & 0xFF) << 24) | ((versionBytes[1] & 0xFF) << 16)
        | ((versionBytes[2] & 0xFF) << 8) | (versionBytes[3] & 0xFF);
    if (version != FORMAT_VERSION) {
      throw new ModelFormatException(source + ": model format version " + version + ", but this version of "
          + "insight reads version " + FORMAT_VERSION + "; train the model again with this version", null);
    }
    try {
      DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
      LabelMode mode = LabelMode.valueOf(in.readUTF());
      int k = in.readInt();
      if (k < 1 || k > 100_000) {
        throw new IOException("implausible number of codes " + k);
      }
      List<CodeId> codes = new ArrayList<>(k);
      for (int c = 0; c < k; c++) {
        codes.add(CodeId.of(in.readUTF()));
      }
      double cost = in.readDouble();
      boolean balanced = in.readBoolean();
      boolean naiveBayes = in.readBoolean();
      int calibrationFolds = in.readInt();
      String thresholdKind = in.readUTF();
      double target = in.readDouble();
      long seed = in.readLong();
      Vectorizer vectorizer = Vectorizer.read(in);
      String contextName = in.readUTF();
      Vectorizer contextVectorizer = contextName.isEmpty() ? null : Vectorizer.read(in);
      String embedderName = in.readUTF();
      int dimension = in.readInt();
      if (dimension < 0 || dimension > 1_000_000 || embedderName.isEmpty() != (dimension == 0)) {
        throw new IOException("implausible embedding dimension " + dimension);
      }
      TextEmbedder embedder = embedderName.isEmpty() ? null : findEmbedder(embedderName, dimension, source);
      LearnerOptions options = new LearnerOptions(vectorizer.options(), cost, balanced, naiveBayes, calibrationFolds,
          target == 0 ? ThresholdPolicy.of(ThresholdPolicy.Kind.valueOf(thresholdKind))
              : new ThresholdPolicy(ThresholdPolicy.Kind.valueOf(thresholdKind), target), seed,
          LearnerOptions.defaults().threads(), embedder);
      long cells = ((long) vectorizer.features() + (contextVectorizer == null ? 0 : contextVectorizer.features())
          + dimension) * k;
      if (cells > Integer.MAX_VALUE - 8) {
        throw new IOException("implausible model size " + cells);
      }
      float[] weights = new float[(int) cells];
      for (int i = 0; i < weights.length; i++) {
        weights[i] = in.readFloat();
      }
      float[] bias = new float[k];
      double[] plattA = new double[k];
      double[] plattB = new double[k];
      double[] thresholds = new double[k];
      int[] support = new int[k];
      for (int c = 0; c < k; c++) {
        bias[c] = in.readFloat();
        plattA[c] = in.readDouble();
        plattB[c] = in.readDouble();
        thresholds[c] = in.readDouble();
        support[c] = in.readInt();
      }
      int trainedOn = in.readInt();
      boolean atLeastOne = in.readBoolean();
      int curve = in.readInt();
      if (curve < 0 || curve > 100_000_000) {
        throw new IOException("implausible curve length " + curve);
      }
      double[] curveConfidence = new double[curve];
      double[] curvePrecision = new double[curve];
      for (int j = 0; j < curve; j++) {
        curveConfidence[j] = in.readDouble();
        curvePrecision[j] = in.readDouble();
      }
      double abstainBelow = in.readDouble();
      if (in.readLong() != END_MARKER) {
        throw new IOException("no end marker");
      }
      if (in.read() != -1) { // reading to the end makes GZIP check its CRC-32 and length
        throw new IOException("data after the end marker");
      }
      return new LearnedCoder(mode, codes, options, vectorizer, contextName, contextVectorizer, weights, bias, plattA,
          plattB, thresholds, support, trainedOn, atLeastOne, curveConfidence, curvePrecision, abstainBelow);
    } catch (EOFException e) {
      throw new ModelFormatException(source + ": corrupt or truncated model file (it ends too early)", e);
    } catch (ModelFormatException e) {
      throw e; // a missing embedder: not a corrupt file
    } catch (IOException | IllegalArgumentException e) {
      throw new ModelFormatException(source + ": corrupt or truncated model file (" + e.getMessage() + ")", e);
    }
  }

  /** The registered embedder of that name and dimension, found through {@link ServiceLoader}. */
  private static TextEmbedder findEmbedder(String name, int dimension, String source) {
    List<String> available = new ArrayList<>();
    for (TextEmbedder candidate : ServiceLoader.load(TextEmbedder.class, LearnedCoder.class.getClassLoader())) {
      if (candidate.name().equals(name)) {
        if (candidate.dimension() != dimension) {
          throw new ModelFormatException(source + ": the model was trained with sentence embeddings '" + name
              + "' of dimension " + dimension + ", but the registered one gives " + candidate.dimension(), null);
        }
        return candidate;
      }
      available.add(candidate.name());
    }
    throw new ModelFormatException(source + ": the model was trained with sentence embeddings '" + name
        + "', which are not on the class path (found: " + (available.isEmpty() ? "none" : String.join(", ", available))
        + "); add the insight-embeddings module", null);
  }
}
