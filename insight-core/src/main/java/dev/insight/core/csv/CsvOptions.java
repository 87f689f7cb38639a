package dev.insight.core.csv;

import static com.google.common.base.Preconditions.checkArgument;

import java.nio.charset.Charset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How to read a CSV file: its encoding and delimiter (each detected when not given) and the largest field accepted.
 *
 * <p>Detection: a byte-order mark decides the encoding (UTF-8, UTF-16LE or UTF-16BE); without one the file is read
 * as UTF-8 unless an encoding is given. The delimiter is whichever of comma, semicolon and tab occurs most often
 * in the header row outside quotes (comma when none does).
 *
 * @param encoding the encoding of a file without a byte-order mark, or null for UTF-8
 * @param delimiter the field delimiter, or null to detect it from the header row
 * @param maxFieldChars the longest field accepted, in characters; a longer one stops the read (a quote left open
 *     makes one field of the rest of the file, and this bound keeps that from exhausting memory)
 * @param layout the platform layout of the header rows, or null to detect it ({@link ExportLayout})
 */
public record CsvOptions(@Nullable Charset encoding, @Nullable Character delimiter, int maxFieldChars,
    @Nullable ExportLayout layout) {
  /** The default bound on a field: one million characters, far beyond any answer a person types. */
  public static final int DEFAULT_MAX_FIELD_CHARS = 1_000_000;

  /**
   * Validates the options.
   *
   * @param encoding the encoding of a file without a byte-order mark, or null for UTF-8
   * @param delimiter the field delimiter, or null to detect it
   * @param maxFieldChars the longest field accepted, in characters (at least 1)
   * @param layout the platform layout of the header rows, or null to detect it
   */
  public CsvOptions {
    checkArgument(maxFieldChars > 0, "maxFieldChars must be positive: %s", maxFieldChars);
    checkArgument(delimiter == null || delimiter != '"' && delimiter != '\n' && delimiter != '\r',
        "the delimiter cannot be a quote or a line break: %s", delimiter);
  }

  /**
   * Detected encoding and delimiter, one million characters at most in a field.
   *
   * @return the default options
   */
  public static CsvOptions defaults() {
    return new CsvOptions(null, null, DEFAULT_MAX_FIELD_CHARS, null);
  }

  /**
   * These options with an encoding for files without a byte-order mark.
   *
   * @param charset the encoding, such as windows-1252
   * @return new options
   */
  public CsvOptions withEncoding(Charset charset) {
    return new CsvOptions(charset, delimiter, maxFieldChars, layout);
  }

  /**
   * These options with a fixed delimiter instead of detection.
   *
   * @param separator the delimiter
   * @return new options
   */
  public CsvOptions withDelimiter(char separator) {
    return new CsvOptions(encoding, separator, maxFieldChars, layout);
  }

  /**
   * These options with another bound on a field's length.
   *
   * @param chars the longest field accepted, in characters
   * @return new options
   */
  public CsvOptions withMaxFieldChars(int chars) {
    return new CsvOptions(encoding, delimiter, chars, layout);
  }

  /**
   * These options with a header layout instead of detection.
   *
   * @param given the layout
   * @return new options
   */
  public CsvOptions withLayout(ExportLayout given) {
    return new CsvOptions(encoding, delimiter, maxFieldChars, given);
  }

  /**
   * The encoding given, if any.
   *
   * @return the encoding for files without a byte-order mark
   */
  public Optional<Charset> givenEncoding() {
    return Optional.ofNullable(encoding);
  }
}
