package dev.insight.codeframe.learn;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Sparse TF-IDF features of a comment: word 1..n-grams and character n-grams within words, each block weighted
 * {@code 1 + ln tf} times a smoothed idf {@code ln((1 + n) / (1 + df)) + 1}, normalised to unit length and scaled
 * by the block's weight (so the whole vector has unit length when both blocks are on).
 *
 * <p>Implementation note: n-grams are identified by a 64-bit hash computed straight from the characters (never
 * built as strings), so featurising a comment allocates only its output arrays; with 64 bits a collision between
 * the few hundred thousand n-grams of a corpus has negligible probability. The vocabulary keeps n-grams seen in at
 * least {@code minDf} training comments, as scikit-learn's {@code min_df}.
 */
final class Vectorizer {
  static final int WORD = 0;
  static final int CHAR = 1;
  private static final long BLOCK_BIT = 1L << 62;
  private static final long HASH_MASK = BLOCK_BIT - 1;

  private final FeatureOptions options;
  private final LongIntMap index;
  private final long[] keys;
  private final float[] idf;
  private final double[] blockScale;

  private Vectorizer(FeatureOptions options, long[] keys, float[] idf) {
    this.options = options;
    this.keys = keys;
    this.idf = idf;
    this.index = new LongIntMap(keys.length);
    for (int i = 0; i < keys.length; i++) {
      index.put(keys[i], i);
    }
    boolean words = options.wordNgrams() > 0;
    boolean chars = options.charMax() > 0;
    double w = words ? options.wordWeight() : 0;
    double c = chars ? 1 - options.wordWeight() : 0;
    if (!chars) {
      w = 1;
    }
    if (!words) {
      c = 1;
    }
    blockScale = new double[] {Math.sqrt(w), Math.sqrt(c)};
  }

  /** Learns the vocabulary and idf from the training texts. */
  static Vectorizer fit(List<String> texts, FeatureOptions options) {
    LongIntMap df = new LongIntMap(1 << 16);
    KeyBuffer buffer = new KeyBuffer();
    for (String text : texts) {
      keysOf(text, options, buffer);
      buffer.sort();
      long previous = 0;
      boolean first = true;
      for (int i = 0; i < buffer.size; i++) {
        long key = buffer.keys[i];
        if (first || key != previous) {
          df.add(key, 1);
          previous = key;
          first = false;
        }
      }
    }
    int minDf = options.minDf();
    long[] kept = new long[df.size()];
    int[] count = {0};
    df.forEach((key, n) -> {
      if (n >= minDf) {
        kept[count[0]++] = key;
      }
    });
    long[] keys = Arrays.copyOf(kept, count[0]);
    Arrays.sort(keys);
    float[] idf = new float[keys.length];
    double n = texts.size();
    for (int i = 0; i < keys.length; i++) {
      idf[i] = (float) (Math.log((1 + n) / (1 + df.get(keys[i]))) + 1);
    }
    return new Vectorizer(options, keys, idf);
  }

  int features() {
    return keys.length;
  }

  FeatureOptions options() {
    return options;
  }

  /** The features of every text, one row each. */
  SparseRows transform(List<String> texts) {
    SparseRows.Builder rows = new SparseRows.Builder(texts.size(), texts.size() * 64);
    KeyBuffer buffer = new KeyBuffer();
    Row row = new Row();
    for (String text : texts) {
      featurise(text, buffer, row);
      rows.add(row.index, row.value, row.size);
    }
    return rows.build();
  }

  /** The features of one text into {@code row} (reused between calls), in ascending feature order. */
  void featurise(String text, KeyBuffer buffer, Row row) {
    keysOf(text, options, buffer);
    row.clear();
    if (row.count == null || row.count.length < keys.length) {
      row.count = new int[keys.length];
    }
    int[] count = row.count;
    // count each known n-gram in a dense scratch array (reset below), so no sort of the raw keys is needed
    int touched = 0;
    int[] seen = row.seen.length < buffer.size ? new int[buffer.size] : row.seen;
    row.seen = seen;
    for (int i = 0; i < buffer.size; i++) {
      int feature = index.get(buffer.keys[i]);
      if (feature != LongIntMap.MISSING) {
        if (count[feature]++ == 0) {
          seen[touched++] = feature;
        }
      }
    }
    Arrays.sort(seen, 0, touched);
    double[] sumSquares = new double[2];
    for (int t = 0; t < touched; t++) {
      int feature = seen[t];
      double value = (1 + Math.log(count[feature])) * idf[feature];
      count[feature] = 0;
      int block = (keys[feature] & BLOCK_BIT) != 0 ? CHAR : WORD;
      sumSquares[block] += value * value;
      row.append(feature, (float) value, block);
    }
    double[] factor = new double[2];
    for (int b = 0; b < 2; b++) {
      factor[b] = sumSquares[b] > 0 ? blockScale[b] / Math.sqrt(sumSquares[b]) : 0;
    }
    for (int k = 0; k < row.size; k++) {
      row.value[k] = (float) (row.value[k] * factor[row.block[k]]);
    }
  }

  /** Every n-gram key of the text, with repeats, into the buffer. */
  static void keysOf(String text, FeatureOptions options, KeyBuffer buffer) {
    buffer.size = 0;
    char[] chars = normalise(text);
    // tokens are maximal runs of letters and digits; apostrophes inside words are dropped ("didn't" -> "didnt")
    int length = chars.length;
    long previousWord = 0;
    boolean hasPrevious = false;
    int start = 0;
    while (start < length) {
      while (start < length && chars[start] == ' ') {
        start++;
      }
      int end = start;
      while (end < length && chars[end] != ' ') {
        end++;
      }
      if (end > start) {
        if (options.wordNgrams() > 0 && end - start >= 2) {
          long word = hash(chars, start, end, 0x51ED27L);
          buffer.add(word & HASH_MASK);
          if (options.wordNgrams() > 1 && hasPrevious) {
            buffer.add(mix(previousWord * 0x100000001B3L + word) & HASH_MASK);
          }
          previousWord = word;
          hasPrevious = true;
        }
        if (options.charMax() > 0) {
          charGrams(chars, start, end, options, buffer);
        }
      }
      start = end;
    }
  }

  /** Character n-grams of one token padded with a space on each side, as scikit-learn's {@code char_wb}. */
  private static void charGrams(char[] chars, int start, int end, FeatureOptions options, KeyBuffer buffer) {
    int padded = end - start + 2;
    for (int n = options.charMin(); n <= options.charMax(); n++) {
      if (n > padded) {
        if (n == options.charMin()) {
          buffer.add((paddedHash(chars, start, end, 0, padded) & HASH_MASK) | BLOCK_BIT);
        }
        break;
      }
      for (int offset = 0; offset + n <= padded; offset++) {
        buffer.add((paddedHash(chars, start, end, offset, offset + n) & HASH_MASK) | BLOCK_BIT);
      }
    }
  }

  private static long paddedHash(char[] chars, int start, int end, int from, int to) {
    long h = 0xCBF29CE484222325L;
    for (int p = from; p < to; p++) {
      int at = start + p - 1;
      char c = at < start || at >= end ? ' ' : chars[at];
      h = (h ^ c) * 0x100000001B3L;
    }
    return mix(h ^ (to - from));
  }

  private static long hash(char[] chars, int from, int to, long seed) {
    long h = 0xCBF29CE484222325L ^ seed;
    for (int p = from; p < to; p++) {
      h = (h ^ chars[p]) * 0x100000001B3L;
    }
    return mix(h);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * The comment's words tagged with its context, for a vectorizer of word unigrams: each word becomes one token
   * of the context's hash and the word (so "nothing" after one question and after another are different
   * features), plus a token of the context alone.
   */
  static String contextTagged(String text, String context) {
    char[] name = normalise(context);
    // 'z' is no hex digit, so the tag ends unambiguously before the word
    String tag = "x" + Long.toHexString(hash(name, 0, name.length, 0x7A61L)) + "z";
    StringBuilder out = new StringBuilder(tag);
    char[] chars = normalise(text);
    int start = 0;
    while (start < chars.length) {
      while (start < chars.length && chars[start] == ' ') {
        start++;
      }
      int end = start;
      while (end < chars.length && chars[end] != ' ') {
        end++;
      }
      if (end > start) {
        out.append(' ').append(tag).append(chars, start, end - start);
      }
      start = end;
    }
    return out.toString();
  }

  /** Lower case (locale-independent), letters and digits kept, apostrophes dropped, everything else a space. */
  static char[] normalise(String text) {
    char[] out = new char[text.length()];
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'' || c == '\u2019') {
        continue;
      }
      out[n++] = Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : ' ';
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  void write(DataOutputStream out) throws IOException {
    options.write(out);
    out.writeInt(keys.length);
    for (int i = 0; i < keys.length; i++) {
      out.writeLong(keys[i]);
      out.writeFloat(idf[i]);
    }
  }

  static Vectorizer read(ModelInput in, int cap) throws ModelInput.CorruptModelException {
    FeatureOptions options = FeatureOptions.read(in);
    int n = in.readCount("the vocabulary size", 8 + 4, cap);
    long[] keys = new long[n];
    float[] idf = new float[n];
    for (int i = 0; i < n; i++) {
      keys[i] = in.readLong();
      idf[i] = in.readFloat();
      if (!(idf[i] > 0 && Float.isFinite(idf[i]))) {
        throw new ModelInput.CorruptModelException("an idf of the vocabulary is " + idf[i]);
      }
    }
    return new Vectorizer(options, keys, idf);
  }

  /** A growable buffer of n-gram keys, reused between comments. */
  static final class KeyBuffer {
    long[] keys = new long[256];
    int size;

    void add(long key) {
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
      }
      keys[size++] = key;
    }

    void sort() {
      Arrays.sort(keys, 0, size);
    }
  }

  /** One featurised comment, reused between comments. */
  static final class Row {
    int[] index = new int[256];
    float[] value = new float[256];
    byte[] block = new byte[256];
    int size;
    int @org.jspecify.annotations.Nullable [] count;
    int[] seen = new int[256];

    void clear() {
      size = 0;
    }

    void append(int feature, float v, int b) {
      if (size == index.length) {
        index = Arrays.copyOf(index, size * 2);
        value = Arrays.copyOf(value, size * 2);
        block = Arrays.copyOf(block, size * 2);
      }
      index[size] = feature;
      value[size] = v;
      block[size] = (byte) b;
      size++;
    }
  }
}
