package dev.insight.core.sss;

import dev.insight.core.input.ProblemCollector;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The lines of a fixed-width data file, decoded strictly (bytes not valid in the encoding stop the read naming the
 * line, never a replacement character), a leading byte-order mark dropped, each line bounded in length.
 */
final class FixedLines implements Closeable {
  private final InputStream in;
  private final CharsetDecoder decoder;
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
  private final CharBuffer chars = CharBuffer.allocate(1 << 16);
  private long consumed;
  private boolean endOfInput;
  private boolean flushed;
  private @Nullable CoderResult error;
  private final ProblemCollector problems;
  private final Charset charset;
  private final int maxLine;
  private final char[] buffer = new char[1 << 16];
  private final StringBuilder current = new StringBuilder();
  private int at;
  private int limit;
  private long line;
  private boolean first = true;

  FixedLines(Path file, Charset charset, int maxLine, ProblemCollector problems) {
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Triple-S data " + file, e);
    }
    this.in = in;
    this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    this.problems = problems;
    this.charset = charset;
    this.maxLine = maxLine;
  }

  /** The 1-based number of the line last read. */
  long line() {
    return line;
  }

  /** The next line without its line break, or null at the end. */
  @Nullable String next() {
    current.setLength(0);
    boolean any = false;
    while (true) {
      if (at == limit && !fill()) {
        if (!any) {
          return null;
        }
        break;
      }
      any = true;
      int start = at;
      while (at < limit && buffer[at] != '\n') {
        at++;
      }
      current.append(buffer, start, at - start);
      if (current.length() > maxLine) {
        throw problems.fatal(line + 1, null, null, "the line is longer than " + maxLine + " characters, far beyond "
            + "the record the metadata declares; is this the data file, with line breaks?");
      }
      if (at < limit) {
        at++;
        break;
      }
    }
    line++;
    int end = current.length();
    if (end > 0 && current.charAt(end - 1) == '\r') {
      current.setLength(end - 1);
    }
    if (first) {
      first = false;
      if (current.length() > 0 && current.charAt(0) == '\uFEFF') {
        current.deleteCharAt(0);
      }
    }
    return current.toString();
  }

  /**
   * Decodes the next characters into the buffer. Characters decoded before bad bytes are handed out first, so the
   * line the bad bytes are on is known when the error is raised.
   */
  private boolean fill() {
    if (error != null) {
      long offset = consumed + bytes.position();
      throw problems.fatal(line + 1, null, null, "bytes not valid in " + charset.name() + " at byte offset "
          + offset + " (the encoding the metadata declares, or --encoding): give the data file's encoding");
    }
    try {
      while (true) {
        if (flushed) {
          return false;
        }
        chars.clear();
        CoderResult result = decoder.decode(bytes, chars, endOfInput);
        if (result.isError()) {
          error = result;
        } else if (result.isUnderflow() && endOfInput) {
          decoder.flush(chars);
          flushed = true;
        }
        if (chars.position() > 0) {
          chars.flip();
          limit = chars.remaining();
          chars.get(buffer, 0, limit);
          at = 0;
          return true;
        }
        if (error != null) {
          return fill();
        }
        if (flushed) {
          return false;
        }
        if (result.isUnderflow()) {
          consumed += bytes.position();
          bytes.compact();
          int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
          if (n < 0) {
            endOfInput = true;
          } else {
            bytes.position(bytes.position() + n);
          }
          bytes.flip();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Triple-S data " + problems.source(), e);
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + problems.source(), e);
    }
  }
}
