package dev.insight.core.csv;

import dev.insight.core.input.ProblemCollector;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** How {@link CsvFile} turns a file's bytes into text: the byte-order mark, the encoding given, bad bytes. */
final class CsvDecoding {
  private CsvDecoding() {}

  /** A file's text, decoded by the encoding its byte-order mark or the options give. */
  record Decoded(Reader reader, Charset charset, boolean bom) {}

  /**
   * Opens a file as text: the encoding its byte-order mark gives (UTF-8, UTF-16LE, UTF-16BE), else the options',
   * else UTF-8; a file that starts with a zero byte and no byte-order mark or given encoding is refused.
   */
  static Decoded decode(Path file, CsvOptions options, ProblemCollector problems) {
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    try {
      PushbackInputStream bytes = new PushbackInputStream(in, 4);
      byte[] head = new byte[4];
      int n = bytes.readNBytes(head, 0, 4);
      Charset charset;
      int skip;
      if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
        charset = StandardCharsets.UTF_8;
        skip = 3;
      } else if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
        charset = StandardCharsets.UTF_16LE;
        skip = 2;
      } else if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
        charset = StandardCharsets.UTF_16BE;
        skip = 2;
      } else {
        charset = options.givenEncoding().orElse(StandardCharsets.UTF_8);
        skip = 0;
        if (options.encoding() == null && n >= 2 && (head[0] == 0 || head[1] == 0)) {
          throw problems.fatal(1, null, null, "the file starts with a zero byte, as UTF-16 text without a "
              + "byte-order mark does; give its encoding (such as --encoding UTF-16LE) or save it as CSV UTF-8");
        }
      }
      if (skip > 0 && options.encoding() != null && !options.encoding().equals(charset)) {
        problems.note(1, null, null, "the byte-order mark says " + charset.name() + "; read as " + charset.name()
            + " rather than " + options.encoding().name());
      }
      bytes.unread(head, skip, n - skip);
      return new Decoded(new DecodingReader(bytes, charset, skip), charset, skip > 0);
    } catch (IOException e) {
      closeAfterFailure(in);
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (RuntimeException e) {
      closeAfterFailure(in);
      throw e;
    }
  }

  /** Closes what a read that already failed had open; that failure is the one to report, not the close's. */
  static void closeAfterFailure(Closeable in) {
    try {
      in.close();
    } catch (IOException suppressed) {
      // the read already failed; that failure is the one to report
    }
  }
}
