package dev.insight.core.csv;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * What a CSV file turned out to be: its encoding and delimiter, as given or detected.
 *
 * @param encoding the encoding's name, such as {@code UTF-8} or {@code windows-1252}
 * @param byteOrderMark whether the file starts with a byte-order mark
 * @param delimiter the field delimiter
 */
public record CsvFormat(String encoding, boolean byteOrderMark, char delimiter) {
  /**
   * Validates.
   *
   * @param encoding the encoding's name
   * @param byteOrderMark whether the file starts with a byte-order mark
   * @param delimiter the field delimiter
   */
  public CsvFormat {
    checkNotNull(encoding, "encoding");
  }

  /**
   * The delimiter in words: {@code comma}, {@code semicolon}, {@code tab} or the character quoted.
   *
   * @return the delimiter's name
   */
  public String delimiterName() {
    return switch (delimiter) {
      case ',' -> "comma";
      case ';' -> "semicolon";
      case '\t' -> "tab";
      case '|' -> "pipe";
      default -> "'" + delimiter + "'";
    };
  }

  /**
   * The format in words, such as {@code UTF-8 with byte-order mark, semicolon-delimited}.
   *
   * @return a description
   */
  public String describe() {
    return encoding + (byteOrderMark ? " with byte-order mark" : "") + ", " + delimiterName() + "-delimited";
  }
}
