package dev.insight.codeframe.learn;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The checked payload of a model file, read field by field. Every count read from it is validated against what
 * the payload still holds (and against a cap) before anything is allocated for it, so a crafted file cannot make
 * the reader allocate more than a small multiple of its own size.
 */
final class ModelInput {
  /** The longest string field (a code id, a context or embedder name), in bytes. */
  static final int MAX_STRING_BYTES = 1 << 16;

  private final ByteBuffer buffer;

  ModelInput(ByteBuffer buffer) {
    this.buffer = buffer;
  }

  int remaining() {
    return buffer.remaining();
  }

  int readInt() throws CorruptModelException {
    need(4, "an int");
    return buffer.getInt();
  }

  long readLong() throws CorruptModelException {
    need(8, "a long");
    return buffer.getLong();
  }

  float readFloat() throws CorruptModelException {
    need(4, "a float");
    return buffer.getFloat();
  }

  double readDouble() throws CorruptModelException {
    need(8, "a double");
    return buffer.getDouble();
  }

  /** A finite double, or one of the allowed infinities. */
  double readFinite(String what, boolean positiveInfinityAllowed) throws CorruptModelException {
    double value = readDouble();
    if (Double.isNaN(value) || (Double.isInfinite(value) && !(positiveInfinityAllowed && value > 0))) {
      throw new CorruptModelException(what + " is " + value);
    }
    return value;
  }

  boolean readBoolean() throws CorruptModelException {
    need(1, "a boolean");
    byte b = buffer.get();
    if (b != 0 && b != 1) {
      throw new CorruptModelException("a boolean field holds " + b);
    }
    return b == 1;
  }

  /** A string written by {@link ModelFile#writeString}: an int byte length, then UTF-8. */
  String readString(String what) throws CorruptModelException {
    int length = readInt();
    if (length < 0 || length > MAX_STRING_BYTES) {
      throw new CorruptModelException(String.format(Locale.ROOT, "%s has length %d (at most %d)", what, length,
          MAX_STRING_BYTES));
    }
    need(length, what);
    ByteBuffer slice = buffer.slice().limit(length);
    buffer.position(buffer.position() + length);
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(slice).toString();
    } catch (CharacterCodingException e) {
      throw new CorruptModelException(what + " is not valid UTF-8");
    }
  }

  /**
   * A count of items of {@code bytesEach} bytes that follow: at most {@code cap}, and no more than the payload
   * still holds.
   */
  int readCount(String what, int bytesEach, long cap) throws CorruptModelException {
    return checkCount(what, readInt(), bytesEach, cap);
  }

  /** Checks a count computed from fields already read, as {@link #readCount} does. */
  int checkCount(String what, long count, int bytesEach, long cap) throws CorruptModelException {
    if (count < 0 || count > cap) {
      throw new CorruptModelException(String.format(Locale.ROOT, "%s is %d (allowed 0 to %d)", what, count, cap));
    }
    if (count * bytesEach > buffer.remaining()) {
      throw new CorruptModelException(String.format(Locale.ROOT, "%s is %d, which needs %d bytes, but only %d "
          + "remain", what, count, count * bytesEach, buffer.remaining()));
    }
    return (int) count;
  }

  private void need(int bytes, String what) throws CorruptModelException {
    if (buffer.remaining() < bytes) {
      throw new CorruptModelException("it ends too early, in " + what);
    }
  }

  /** What is wrong with a payload whose checksum was right: a file written wrongly or crafted. */
  static final class CorruptModelException extends Exception {
    private static final long serialVersionUID = 1L;

    CorruptModelException(String message) {
      super(message);
    }
  }
}
