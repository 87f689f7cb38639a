package dev.insight.core.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.HexFormat;

/**
 * Decodes bytes strictly: a byte sequence that is not valid in the charset is an error carrying its byte offset,
 * never a replacement character. The characters decoded before a bad sequence are handed out first, so the reader
 * of this text knows the line the bad bytes are on when the error arrives.
 */
final class DecodingReader extends Reader {
  private static final int BUFFER = 1 << 16;

  private final InputStream in;
  private final CharsetDecoder decoder;
  private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
  /** Bytes of the stream before {@code bytes}' index 0. */
  private long base;
  private boolean endOfInput;
  private boolean flushed;
  private boolean needBytes;
  private MalformedBytesException pending;

  /**
   * @param in the bytes, positioned after any byte-order mark
   * @param charset the charset
   * @param skipped the bytes already read before {@code in} (a byte-order mark), so offsets count from the file start
   */
  DecodingReader(InputStream in, Charset charset, long skipped) {
    this.in = in;
    this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    this.base = skipped;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (pending != null) {
      throw pending;
    }
    if (len == 0) {
      return 0;
    }
    CharBuffer out = CharBuffer.wrap(cbuf, off, len);
    while (out.position() == off) {
      if (flushed) {
        return -1;
      }
      if (!endOfInput && (needBytes || !bytes.hasRemaining())) {
        fill();
        needBytes = false;
      }
      CoderResult result = decoder.decode(bytes, out, endOfInput);
      if (result.isError()) {
        MalformedBytesException error = malformed(result.length());
        if (out.position() > off) {
          pending = error;
          break;
        }
        throw error;
      }
      if (result.isOverflow()) {
        break;
      }
      if (endOfInput) {
        decoder.flush(out);
        flushed = true;
      } else {
        needBytes = true;
      }
    }
    return out.position() - off;
  }

  private void fill() throws IOException {
    base += bytes.position();
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      endOfInput = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  private MalformedBytesException malformed(int length) {
    int at = bytes.position();
    int shown = Math.max(1, Math.min(length, bytes.limit() - at));
    byte[] bad = new byte[shown];
    bytes.get(at, bad);
    return new MalformedBytesException(base + at, HexFormat.ofDelimiter(" ").withPrefix("0x").withUpperCase()
        .formatHex(bad), decoder.charset().name());
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** Bytes that are not valid in the charset. */
  static final class MalformedBytesException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long offset;
    private final String bytes;
    private final String charset;

    MalformedBytesException(long offset, String bytes, String charset) {
      super("bytes " + bytes + " at byte offset " + offset + " are not valid " + charset);
      this.offset = offset;
      this.bytes = bytes;
      this.charset = charset;
    }

    long offset() {
      return offset;
    }

    String bytes() {
      return bytes;
    }

    String charset() {
      return charset;
    }
  }
}
