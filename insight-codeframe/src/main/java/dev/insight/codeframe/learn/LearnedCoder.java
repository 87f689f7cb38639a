package dev.insight.codeframe.learn;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Coder;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.Comments;
import dev.insight.codeframe.coding.Provenance;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.core.internal.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
import java.util.List;
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
   * int version, the payload's length (a long), the payload, and a CRC-32C checksum of the payload. The payload
   * holds the mode, codes, options, vocabulary (64-bit n-gram hashes with their idf), the context's name and
   * vocabulary (if any), the sentence embedder's name and dimension (if any), weights, calibration, thresholds, the
   * abstention curve and an end marker. Any change to it increments the version.
   */
  public static final int FORMAT_VERSION = 4;

  final LabelMode mode;
  final List<CodeId> codes;
  final LearnerOptions options;
  final Vectorizer vectorizer;
  final String contextName;
  final @Nullable Vectorizer contextVectorizer;
  final float[] weights;
  final float[] bias;
  final double[] plattA;
  final double[] plattB;
  final double[] thresholds;
  final int[] support;
  final int trainedOn;
  final boolean atLeastOne;
  final double[] curveConfidence;
  final double[] curvePrecision;
  final double abstainBelow;

  LearnedCoder(LabelMode mode, List<CodeId> codes, LearnerOptions options, Vectorizer vectorizer,
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
    return Training.train(examples, options);
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
  static float[][] embed(TextEmbedder embedder, List<String> texts) {
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
   * This model as a {@link Coder} of a codeframe: it codes comments as
   * {@link #toCoding(Codeframe, List, List, String, Instant)} does (with their contexts when the model was trained
   * with them), leaving out those it abstains on.
   *
   * @param frame the codeframe; every code of the model must be a codable code of it
   * @param name a name for the model shown in provenance (e.g. its file name)
   * @return the coder
   * @throws IllegalArgumentException if a code of the model is not codable in the frame
   */
  public Coder coder(Codeframe frame, String name) {
    checkNotNull(frame, "frame");
    checkNotNull(name, "name");
    checkCodes(frame);
    return new Coder() {
      @Override
      public Codeframe codeframe() {
        return frame;
      }

      @Override
      public Coding code(Comments comments, Instant at) {
        checkNotNull(comments, "comments");
        return coding(frame, comments.units(), comments.texts(), contextName.isEmpty() ? null : comments.contexts(),
            name, at);
      }
    };
  }

  private void checkCodes(Codeframe frame) {
    for (CodeId code : codes) {
      checkArgument(frame.contains(code) && !frame.isNet(code),
          "the model's code '%s' is not a codable code of the frame %s", code, frame.name());
    }
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
    checkCodes(frame);
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
    checkNotNull(raw, "raw");
    ModelFile.write(this, raw);
  }

  /**
   * The model in the {@link #FORMAT_VERSION} format, as bytes (to ship it to other machines, e.g. Spark
   * executors, and {@link #fromBytes(byte[], String) read it} there).
   *
   * @return the bytes
   */
  public byte[] toBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // not thrown by a byte array
    }
    return out.toByteArray();
  }

  /**
   * Reads a model from the bytes {@link #toBytes()} gave.
   *
   * @param bytes the model's bytes
   * @param source the name used in messages
   * @return the coder
   * @throws ModelFormatException if the bytes are not a model, have another format version, or are corrupt
   */
  public static LearnedCoder fromBytes(byte[] bytes, String source) {
    checkNotNull(bytes, "bytes");
    checkNotNull(source, "source");
    try {
      return ModelFile.read(new ByteArrayInputStream(bytes), source, bytes.length);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // not thrown by a byte array
    }
  }

  /**
   * Loads a model saved by {@link #save(Path)}. The file is checked before anything is built from it: its size
   * against the length it states and against a cap (1 GiB; the system property {@code insight.model.maxBytes}
   * changes it), its checksum, and every count inside against what the file holds.
   *
   * @param file the model file
   * @return the coder
   * @throws ModelFormatException if the file is not a model, has another format version, or is corrupt
   * @throws UncheckedIOException if the file cannot be read
   */
  public static LearnedCoder load(Path file) {
    checkNotNull(file, "file");
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
      return ModelFile.read(raw, file.toString(), Files.size(file));
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("no model file " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the model file " + file, e);
    }
  }

  /**
   * Reads a model written by {@link #write(OutputStream)}, checked as {@link #load(Path)} checks a file.
   *
   * @param raw the stream (read to its end, not closed)
   * @param source the name used in messages
   * @return the coder
   * @throws ModelFormatException if the stream is not a model, has another format version, or is corrupt
   * @throws IOException if reading fails
   */
  public static LearnedCoder read(InputStream raw, String source) throws IOException {
    checkNotNull(raw, "raw");
    checkNotNull(source, "source");
    return ModelFile.read(raw, source, -1);
  }
}
