package dev.insight.codeframe.learn;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.learn.ModelInput.CorruptModelException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.zip.CRC32C;

/**
 * The learned coder's file format, version {@link LearnedCoder#FORMAT_VERSION}.
 *
 * <p>Layout (big-endian): 8 ASCII bytes {@code INSIGHTM}; an int format version; a long payload length; the
 * payload; an int CRC-32C of the payload. The payload holds the mode, codes, options, vocabulary (64-bit n-gram
 * hashes with their idf), the context's name and vocabulary (if any), the sentence embedder's name and dimension
 * (if any), weights, calibration, thresholds, support, the abstention curve and an end marker; strings are an int
 * byte length and UTF-8.
 *
 * <p>Reading trusts nothing in the file: the payload length must match what the file holds and stay under
 * {@link #maxBytes()}; the checksum is verified before any field is parsed; every count (codes, vocabulary, weights,
 * curve) is checked against a cap and against the bytes the payload still holds before anything is allocated for
 * it; numbers that must be finite are. So the memory a hostile file can claim is bounded by a small multiple of its
 * own size, and every failure is a {@link ModelFormatException} naming the file.
 */
final class ModelFile {
  /** The system property that raises (or lowers) the largest model file read, in bytes. */
  static final String MAX_BYTES_PROPERTY = "insight.model.maxBytes";
  private static final long DEFAULT_MAX_BYTES = 1L << 30;
  private static final byte[] MAGIC = "INSIGHTM".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER = MAGIC.length + 4 + 8;
  private static final long END_MARKER = 0x494E534947485421L;
  private static final int MAX_CODES = 100_000;
  private static final int MAX_VOCABULARY = 50_000_000;
  private static final int MAX_DIMENSION = 100_000;
  private static final int MAX_CURVE = 100_000_000;

  private ModelFile() {}

  /**
   * The largest model file this library reads: 1 GiB unless the system property {@value #MAX_BYTES_PROPERTY}
   * says otherwise (at most 2 GiB, the largest array).
   */
  static long maxBytes() {
    String value = System.getProperty(MAX_BYTES_PROPERTY);
    if (value == null || value.isBlank()) {
      return DEFAULT_MAX_BYTES;
    }
    try {
      long bytes = Long.parseLong(value.strip());
      if (bytes > 0) {
        return Math.min(bytes, Integer.MAX_VALUE - 8);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("the system property " + MAX_BYTES_PROPERTY + " must be a positive number "
        + "of bytes: '" + value + "'");
  }

  static void write(LearnedCoder model, OutputStream raw) throws IOException {
    byte[] payload = payload(model);
    CRC32C crc = new CRC32C();
    crc.update(payload);
    DataOutputStream out = new DataOutputStream(raw);
    out.write(MAGIC);
    out.writeInt(LearnedCoder.FORMAT_VERSION);
    out.writeLong(payload.length);
    out.write(payload);
    out.writeInt((int) crc.getValue());
    out.flush();
  }

  private static byte[] payload(LearnedCoder model) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    DataOutputStream out = new DataOutputStream(bytes);
    writeString(out, model.mode.name());
    out.writeInt(model.codes.size());
    for (CodeId code : model.codes) {
      writeString(out, code.value());
    }
    LearnerOptions options = model.options;
    out.writeDouble(options.cost());
    out.writeBoolean(options.balanced());
    out.writeBoolean(options.naiveBayes());
    out.writeInt(options.calibrationFolds());
    writeString(out, options.thresholds().kind().name());
    out.writeDouble(options.thresholds().targetPrecision());
    out.writeLong(options.seed());
    model.vectorizer.write(out);
    writeString(out, model.contextName);
    if (model.contextVectorizer != null) {
      model.contextVectorizer.write(out);
    }
    TextEmbedder embedder = options.embedder();
    writeString(out, embedder == null ? "" : embedder.name());
    out.writeInt(embedder == null ? 0 : embedder.dimension());
    for (float w : model.weights) {
      out.writeFloat(w);
    }
    for (int c = 0; c < model.codes.size(); c++) {
      out.writeFloat(model.bias[c]);
      out.writeDouble(model.plattA[c]);
      out.writeDouble(model.plattB[c]);
      out.writeDouble(model.thresholds[c]);
      out.writeInt(model.support[c]);
    }
    out.writeInt(model.trainedOn);
    out.writeBoolean(model.atLeastOne);
    out.writeInt(model.curveConfidence.length);
    for (int j = 0; j < model.curveConfidence.length; j++) {
      out.writeDouble(model.curveConfidence[j]);
      out.writeDouble(model.curvePrecision[j]);
    }
    out.writeDouble(model.abstainBelow);
    out.writeLong(END_MARKER);
    out.flush();
    return bytes.toByteArray();
  }

  static void writeString(DataOutputStream out, String value) throws IOException {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    if (utf8.length > ModelInput.MAX_STRING_BYTES) {
      throw new IllegalArgumentException("a string of the model is too long to save (" + utf8.length
          + " bytes): " + value.substring(0, 40) + "...");
    }
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  /**
   * Reads a model.
   *
   * @param raw the stream, read to its end
   * @param source the file's name for messages
   * @param size the stream's length if known (a file's size), or -1
   */
  static LearnedCoder read(InputStream raw, String source, long size) throws IOException {
    byte[] magic = raw.readNBytes(MAGIC.length);
    if (!Arrays.equals(magic, MAGIC)) {
      throw new ModelFormatException(source + ": not an insight learned-coder model (it does not start with "
          + "\"INSIGHTM\")", null);
    }
    byte[] header = raw.readNBytes(12);
    if (header.length < 4) {
      throw corrupt(source, "no format version", null);
    }
    ByteBuffer fields = ByteBuffer.wrap(header);
    int version = fields.getInt();
    if (version != LearnedCoder.FORMAT_VERSION) {
      throw new ModelFormatException(source + ": model format version " + version + ", but this version of "
          + "insight reads version " + LearnedCoder.FORMAT_VERSION + "; train the model again with this version",
          null);
    }
    if (header.length < 12) {
      throw corrupt(source, "no payload length", null);
    }
    long length = fields.getLong();
    long max = maxBytes();
    if (length < 0 || length > max - HEADER - 4) {
      throw corrupt(source, String.format(Locale.ROOT, "its payload length %d is outside 0 to %d; a larger model "
          + "can be read with -D%s=BYTES", length, max - HEADER - 4, MAX_BYTES_PROPERTY), null);
    }
    if (size >= 0 && size != HEADER + length + 4) {
      throw corrupt(source, String.format(Locale.ROOT, "it says its payload has %d bytes, so the file should have "
          + "%d bytes, but it has %d", length, HEADER + length + 4, size), null);
    }
    // read in chunks: the array grows only as far as the stream really has bytes
    byte[] payload = raw.readNBytes((int) length);
    byte[] checksum = raw.readNBytes(4);
    if (payload.length < length || checksum.length < 4) {
      throw corrupt(source, "it ends too early", null);
    }
    if (raw.read() != -1) {
      throw corrupt(source, "data after the checksum", null);
    }
    CRC32C crc = new CRC32C();
    crc.update(payload);
    if ((int) crc.getValue() != ByteBuffer.wrap(checksum).getInt()) {
      throw corrupt(source, "its checksum does not match its content", null);
    }
    try {
      return parse(new ModelInput(ByteBuffer.wrap(payload)), source);
    } catch (CorruptModelException e) {
      throw corrupt(source, e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      if (e instanceof ModelFormatException format) {
        throw format;
      }
      throw corrupt(source, e.getMessage(), e);
    }
  }

  private static LearnedCoder parse(ModelInput in, String source) throws CorruptModelException {
    LabelMode mode = LabelMode.valueOf(in.readString("the label mode"));
    int k = in.readCount("the number of codes", 4, MAX_CODES);
    if (k < 1) {
      throw new CorruptModelException("the model has no codes");
    }
    List<CodeId> codes = new ArrayList<>(k);
    for (int c = 0; c < k; c++) {
      codes.add(CodeId.of(in.readString("a code")));
    }
    double cost = in.readFinite("the cost", false);
    boolean balanced = in.readBoolean();
    boolean naiveBayes = in.readBoolean();
    int calibrationFolds = in.readInt();
    String thresholdKind = in.readString("the threshold policy");
    double target = in.readFinite("the target precision", false);
    long seed = in.readLong();
    Vectorizer vectorizer = Vectorizer.read(in, MAX_VOCABULARY);
    String contextName = in.readString("the context's name");
    Vectorizer contextVectorizer = contextName.isEmpty() ? null : Vectorizer.read(in, MAX_VOCABULARY);
    String embedderName = in.readString("the embedder's name");
    int dimension = in.readInt();
    if (dimension < 0 || dimension > MAX_DIMENSION || embedderName.isEmpty() != (dimension == 0)) {
      throw new CorruptModelException("implausible embedding dimension " + dimension + " for embedder '"
          + embedderName + "'");
    }
    long columns = (long) vectorizer.features() + (contextVectorizer == null ? 0 : contextVectorizer.features())
        + dimension;
    int cells = in.checkCount("the number of weights (columns times codes)", columns * k, 4, Integer.MAX_VALUE - 8);
    // the embedder is looked up only once the file is known to be whole
    TextEmbedder embedder = embedderName.isEmpty() ? null : findEmbedder(embedderName, dimension, source);
    LearnerOptions options = new LearnerOptions(vectorizer.options(), cost, balanced, naiveBayes, calibrationFolds,
        target == 0 ? ThresholdPolicy.of(ThresholdPolicy.Kind.valueOf(thresholdKind))
            : new ThresholdPolicy(ThresholdPolicy.Kind.valueOf(thresholdKind), target), seed,
        LearnerOptions.defaults().threads(), embedder);
    float[] weights = new float[cells];
    for (int i = 0; i < cells; i++) {
      weights[i] = finite(in.readFloat(), "a weight");
    }
    in.checkCount("the number of codes", k, 4 + 8 + 8 + 8 + 4, MAX_CODES);
    float[] bias = new float[k];
    double[] plattA = new double[k];
    double[] plattB = new double[k];
    double[] thresholds = new double[k];
    int[] support = new int[k];
    for (int c = 0; c < k; c++) {
      bias[c] = finite(in.readFloat(), "a bias");
      plattA[c] = in.readFinite("a calibration slope", false);
      plattB[c] = in.readFinite("a calibration intercept", false);
      thresholds[c] = in.readFinite("a threshold", true);
      support[c] = in.readInt();
    }
    int trainedOn = in.readInt();
    if (trainedOn < 0) {
      throw new CorruptModelException("trained on " + trainedOn + " comments");
    }
    for (int c = 0; c < k; c++) {
      if (support[c] < 0 || support[c] > trainedOn) {
        throw new CorruptModelException("code " + codes.get(c) + " has support " + support[c] + " of " + trainedOn);
      }
    }
    boolean atLeastOne = in.readBoolean();
    int curve = in.readCount("the abstention curve's length", 16, MAX_CURVE);
    double[] curveConfidence = new double[curve];
    double[] curvePrecision = new double[curve];
    for (int j = 0; j < curve; j++) {
      curveConfidence[j] = probability(in.readDouble(), "a confidence of the abstention curve");
      curvePrecision[j] = probability(in.readDouble(), "a precision of the abstention curve");
    }
    double abstainBelow = probability(in.readDouble(), "the abstention threshold");
    if (in.readLong() != END_MARKER) {
      throw new CorruptModelException("no end marker");
    }
    if (in.remaining() != 0) {
      throw new CorruptModelException(in.remaining() + " bytes after the end marker");
    }
    return new LearnedCoder(mode, codes, options, vectorizer, contextName, contextVectorizer, weights, bias, plattA,
        plattB, thresholds, support, trainedOn, atLeastOne, curveConfidence, curvePrecision, abstainBelow);
  }

  private static float finite(float value, String what) throws CorruptModelException {
    if (!Float.isFinite(value)) {
      throw new CorruptModelException(what + " is " + value);
    }
    return value;
  }

  private static double probability(double value, String what) throws CorruptModelException {
    if (!(value >= 0 && value <= 1)) {
      throw new CorruptModelException(what + " is " + value + ", not in [0, 1]");
    }
    return value;
  }

  private static ModelFormatException corrupt(String source, String why, Throwable cause) {
    return new ModelFormatException(source + ": corrupt or truncated model file (" + why + ")", cause);
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
