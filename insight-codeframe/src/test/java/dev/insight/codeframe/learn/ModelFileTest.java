package dev.insight.codeframe.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Crafted model files: lengths that lie, checksums recomputed so only the length checks can catch them. A reader
 * that trusted a length would allocate gigabytes here.
 */
class ModelFileTest {
  private static final int PAYLOAD = 20; // magic, version, payload length
  private static byte[] valid;
  /** Offsets in the payload of fields to lie about. */
  private static int codesAt;
  private static int vocabularyAt;
  private static int dimensionAt;

  @BeforeAll
  static void train() {
    LearnedCoder coder = LearnedCoder.train(Synthetic.multiLabel(120, 7), Synthetic.options());
    valid = coder.toBytes();
    ByteBuffer in = ByteBuffer.wrap(valid);
    in.position(PAYLOAD);
    skipString(in); // mode
    codesAt = in.position();
    int k = in.getInt();
    for (int c = 0; c < k; c++) {
      skipString(in);
    }
    in.position(in.position() + 8 + 1 + 1 + 4); // cost, balanced, naive Bayes, folds
    skipString(in); // threshold kind
    in.position(in.position() + 8 + 8 + 4 * 4 + 8); // target, seed, feature options
    vocabularyAt = in.position();
    int vocabulary = in.getInt();
    in.position(in.position() + vocabulary * 12);
    skipString(in); // context name (empty)
    skipString(in); // embedder name (empty)
    dimensionAt = in.position();
  }

  @Test
  void toBytesAndBack_givesTheSameModel() {
    LearnedCoder again = LearnedCoder.fromBytes(valid, "shipped");

    assertThat(again.toBytes()).isEqualTo(valid);
  }

  @Test
  void vocabularyClaimingFiftyMillionNgrams_isRefusedBeforeAllocating(@TempDir Path folder) throws IOException {
    Path file = write(folder, "big-vocabulary.model", withInt(vocabularyAt, 50_000_000));

    assertThatThrownBy(() -> LearnedCoder.load(file)).isInstanceOf(ModelFormatException.class)
        .hasMessageStartingWith(file + ": corrupt or truncated model file (the vocabulary size is 50000000, which "
            + "needs 600000000 bytes, but only ");
  }

  @Test
  void vocabularyPastItsCap_isRefusedNamingTheCap(@TempDir Path folder) throws IOException {
    Path file = write(folder, "huge.model", withInt(vocabularyAt, Integer.MAX_VALUE));

    assertThatThrownBy(() -> LearnedCoder.load(file)).isInstanceOf(ModelFormatException.class)
        .hasMessage(file + ": corrupt or truncated model file (the vocabulary size is 2147483647 (allowed 0 to "
            + "50000000))");
  }

  @Test
  void manyCodes_isRefusedBeforeAllocating(@TempDir Path folder) throws IOException {
    Path file = write(folder, "codes.model", withInt(codesAt, 99_999));

    assertThatThrownBy(() -> LearnedCoder.load(file)).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("the number of codes is 99999, which needs 399996 bytes, but only ");
  }

  @Test
  void embeddingDimensionWithoutEmbedder_isRefused(@TempDir Path folder) throws IOException {
    Path file = write(folder, "dimension.model", withInt(dimensionAt, 99_000));

    assertThatThrownBy(() -> LearnedCoder.load(file)).isInstanceOf(ModelFormatException.class)
        .hasMessage(file + ": corrupt or truncated model file (implausible embedding dimension 99000 for embedder "
            + "'')");
  }

  @Test
  void statedPayloadLongerThanTheFile_isRefusedWithBothSizes(@TempDir Path folder) throws IOException {
    byte[] bytes = valid.clone();
    ByteBuffer.wrap(bytes).putLong(12, 1L << 29);
    Path file = write(folder, "liar.model", bytes);

    assertThatThrownBy(() -> LearnedCoder.load(file)).isInstanceOf(ModelFormatException.class)
        .hasMessage(file + ": corrupt or truncated model file (it says its payload has 536870912 bytes, so the file "
            + "should have 536870936 bytes, but it has " + bytes.length + ")");
  }

  @Test
  void statedPayloadPastTheCap_isRefusedSayingHowToRaiseIt(@TempDir Path folder) throws IOException {
    byte[] bytes = valid.clone();
    ByteBuffer.wrap(bytes).putLong(12, Long.MAX_VALUE);
    Path file = write(folder, "cap.model", bytes);

    assertThatThrownBy(() -> LearnedCoder.load(file)).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("its payload length 9223372036854775807 is outside 0 to ")
        .hasMessageContaining("-Dinsight.model.maxBytes=BYTES");
  }

  @Test
  void streamStatingAGigabyteButHoldingLittle_endsEarlyWithoutAllocatingIt() {
    byte[] bytes = valid.clone();
    ByteBuffer.wrap(bytes).putLong(12, (1L << 30) - 100);

    // a stream of unknown size: the reader must not allocate the stated length up front
    assertThatThrownBy(() -> LearnedCoder.read(new ByteArrayInputStream(bytes), "stream"))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage("stream: corrupt or truncated model file (it ends too early)");
  }

  @Test
  void dataAfterTheChecksum_isRefused() {
    InputStream longer = new SequenceInputStream(new ByteArrayInputStream(valid),
        new ByteArrayInputStream(new byte[] {1}));

    assertThatThrownBy(() -> LearnedCoder.read(longer, "stream")).isInstanceOf(ModelFormatException.class)
        .hasMessage("stream: corrupt or truncated model file (data after the checksum)");
  }

  @Test
  void notANumberAmongTheWeights_isRefused() {
    byte[] bytes = valid.clone();
    // the first weight follows the dimension int
    ByteBuffer.wrap(bytes).putFloat(dimensionAt + 4, Float.NaN);
    byte[] crafted = withChecksum(bytes);

    assertThatThrownBy(() -> LearnedCoder.fromBytes(crafted, "nan.model")).isInstanceOf(ModelFormatException.class)
        .hasMessage("nan.model: corrupt or truncated model file (a weight is NaN)");
  }

  /**
   * Every 4 bytes of the header fields, around the weights and in the tail (per-code figures, curve, end marker)
   * replaced by hostile values, checksum recomputed: only clear refusals, never another exception.
   */
  @ParameterizedTest(name = "value {0}")
  @ValueSource(ints = {-1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x7FC0_0000, 1 << 20})
  void anyFieldCrafted_failsAsAModelFormatErrorOrStillLoads(int value) {
    int tail = valid.length - 4 - 800;
    int[][] ranges = {{PAYLOAD, vocabularyAt + 8}, {dimensionAt - 16, dimensionAt + 16}, {tail, valid.length - 7}};
    int tried = 0;
    for (int[] range : ranges) {
      for (int at = range[0]; at < range[1]; at++) {
        tried++;
        try {
          assertThat(LearnedCoder.fromBytes(withInt(at, value), "crafted.model").codes()).isNotEmpty();
        } catch (ModelFormatException e) {
          assertThat(e).hasMessageStartingWith("crafted.model: ");
        }
      }
    }
    assertThat(tried).isGreaterThan(800);
  }

  private static byte[] withInt(int at, int value) {
    byte[] bytes = valid.clone();
    ByteBuffer.wrap(bytes).putInt(at, value);
    return withChecksum(bytes);
  }

  /** Recomputes the checksum, as a crafted file would. */
  private static byte[] withChecksum(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, PAYLOAD, bytes.length - PAYLOAD - 4);
    ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
    return bytes;
  }

  private static void skipString(ByteBuffer in) {
    int length = in.getInt();
    in.position(in.position() + length);
  }

  private static Path write(Path folder, String name, byte[] bytes) throws IOException {
    Path file = folder.resolve(name);
    Files.write(file, bytes);
    return file;
  }
}
