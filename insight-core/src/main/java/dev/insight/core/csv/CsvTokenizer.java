package dev.insight.core.csv;

import dev.insight.core.input.ProblemCollector;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Splits CSV text into records (RFC 4180: fields separated by the delimiter, optionally quoted with {@code "},
 * a quote inside a quoted field doubled, line breaks allowed inside quotes).
 *
 * <p>Implementation note: a hand-written state machine over a 64 KiB character buffer rather than a library parser,
 * because the parsers at hand close a quote left open at the end of the file without a word, which reads one
 * respondent's cell as the rest of the file. Here a quote left open is an error naming the line it opened on;
 * characters after a closing quote are reported; a quoted field whose inner lines look like records gets a note;
 * a field is bounded in length, and a record in field count. Unquoted fields are cut straight from the buffer.
 */
final class CsvTokenizer implements CsvRecords {
  static final int MAX_FIELDS = 100_000;
  private static final int BUFFER = 1 << 16;

  private final Reader in;
  private final ProblemCollector problems;
  private final int maxField;
  private char delimiter;
  private char[] buf = new char[BUFFER];
  private int pos;
  private int len;
  private boolean eof;
  /** The line of the character at {@code pos}. */
  private long line = 1;
  private long recordLine;
  private String[] fields = new String[64];
  private int count;
  private char[] field = new char[256];
  private int flen;
  /** Fields in a record, once known, to tell a quoted field holding records from one holding a paragraph. */
  private int expectedFields;
  private String[] names = new String[0];
  private boolean bomSkipped;

  CsvTokenizer(Reader in, ProblemCollector problems, int maxField) {
    this.in = in;
    this.problems = problems;
    this.maxField = maxField;
  }

  /**
   * Detects the delimiter from the first record (comma, semicolon or tab, the most frequent outside quotes).
   *
   * @return the delimiter
   */
  char detectDelimiter() {
    // look at up to the first line break outside quotes, within what one buffer holds
    while (!eof && len < buf.length && firstRecordEnd() < 0) {
      fill(true);
    }
    int i = pos;
    while (i < len && (buf[i] == '\n' || buf[i] == '\r')) {
      i++;
    }
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    boolean quoted = false;
    for (; i < len; i++) {
      char c = buf[i];
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        if (c == '\n' || c == '\r') {
          break;
        } else if (c == ',') {
          commas++;
        } else if (c == ';') {
          semicolons++;
        } else if (c == '\t') {
          tabs++;
        }
      }
    }
    if (semicolons > commas && semicolons >= tabs) {
      return ';';
    }
    return tabs > commas && tabs > semicolons ? '\t' : ',';
  }

  /** The index of the line break ending the first non-empty record in the buffer, or -1. */
  private int firstRecordEnd() {
    int i = pos;
    while (i < len && (buf[i] == '\n' || buf[i] == '\r')) {
      i++;
    }
    boolean quoted = false;
    for (; i < len; i++) {
      char c = buf[i];
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        return i;
      }
    }
    return -1;
  }

  /** Skips a byte-order mark left in decoded text; returns whether there was one. */
  boolean skipByteOrderMark() {
    if (pos >= len) {
      fill(true);
    }
    if (pos < len && buf[pos] == '\uFEFF') {
      pos++;
      bomSkipped = true;
      return true;
    }
    return false;
  }

  void delimiter(char separator) {
    this.delimiter = separator;
  }

  @Override
  public char delimiter() {
    return delimiter;
  }

  @Override
  public boolean byteOrderMark() {
    return bomSkipped;
  }

  @Override
  public void expectFields(List<String> header) {
    this.expectedFields = header.size();
    this.names = header.toArray(new String[0]);
  }

  @Override
  public long recordLine() {
    return recordLine;
  }

  @Override
  public int fieldCount() {
    return count;
  }

  @Override
  public String field(int i) {
    return fields[i];
  }

  void setField(int i, String value) {
    fields[i] = value;
  }

  @Override
  public String[] fields() {
    return Arrays.copyOf(fields, count);
  }

  /**
   * Reads the next record, skipping empty lines.
   *
   * @return false at the end of the text
   */
  @Override
  public boolean next() {
    count = 0;
    while (true) {
      if (pos >= len && !fill(false)) {
        return false;
      }
      char c = buf[pos];
      if (c == '\n') {
        pos++;
        line++;
      } else if (c == '\r') {
        pos++;
        if (pos >= len) {
          fill(false);
        }
        if (pos < len && buf[pos] == '\n') {
          pos++;
        }
        line++;
      } else {
        break;
      }
    }
    recordLine = line;
    while (true) {
      if (pos >= len) {
        fill(false);
      }
      boolean more = pos < len && buf[pos] == '"' ? quoted() : unquoted();
      if (!more) {
        return true;
      }
    }
  }

  /** Reads an unquoted field; returns whether another field follows in this record. */
  private boolean unquoted() {
    char d = delimiter;
    flen = 0;
    int start = pos;
    while (true) {
      int i = start;
      char[] b = buf;
      int end = len;
      while (i < end) {
        char c = b[i];
        if (c == d || c == '\n' || c == '\r') {
          String value;
          if (flen == 0) {
            value = new String(b, start, i - start);
          } else {
            append(b, start, i - start);
            value = new String(field, 0, flen);
          }
          if (i - start > maxField) {
            tooLong(false, recordLine);
          }
          add(value);
          pos = i;
          return endOfField();
        }
        i++;
      }
      append(b, start, end - start);
      pos = end;
      if (!fill(false)) {
        add(new String(field, 0, flen));
        return false;
      }
      start = pos;
    }
  }

  /** Reads a quoted field from its opening quote; returns whether another field follows in this record. */
  private boolean quoted() {
    long opened = line;
    int column = count + 1;
    pos++;
    flen = 0;
    int delimitersOnLine = 0;
    long recordLikeLine = 0;
    while (true) {
      if (pos >= len && !fill(false)) {
        throw problems.fatal(opened, columnName(column), null, "a quote opened on line " + opened + " (field "
            + column + ") is never closed: the rest of the file would be one answer; close the quote or remove it");
      }
      char c = buf[pos];
      if (c == '"') {
        pos++;
        if (pos >= len) {
          fill(false);
        }
        if (pos < len && buf[pos] == '"') {
          appendChar('"');
          pos++;
          continue;
        }
        break;
      }
      if (c == '\n') {
        if (expectedFields > 1 && delimitersOnLine >= expectedFields - 1 && recordLikeLine == 0 && line > opened) {
          recordLikeLine = line;
        }
        delimitersOnLine = 0;
        line++;
      } else if (c == delimiter) {
        delimitersOnLine++;
      }
      appendChar(c);
      pos++;
    }
    if (recordLikeLine > 0) {
      problems.note(opened, columnName(column), null, "the quoted field opened on line " + opened
          + " runs to line " + line + " and holds lines that look like records (line " + recordLikeLine
          + "); read as one answer, as the quotes say; check that no quote is missing");
    }
    if (pos < len || fill(false)) {
      char c = buf[pos];
      if (c != delimiter && c != '\n' && c != '\r') {
        int from = pos;
        while (pos < len && buf[pos] != delimiter && buf[pos] != '\n' && buf[pos] != '\r' && pos - from < 20) {
          pos++;
        }
        String after = new String(buf, from, pos - from);
        problems.report(line, columnName(column), after, "text after the closing quote of a field opened on line "
            + opened + (opened == line ? "" : " (a quote may be missing there)")
            + "; the text is kept as part of the field");
        pos = from;
        unquotedRest();
      }
    }
    add(new String(field, 0, flen));
    return endOfField();
  }

  /** After a reported stray text past a closing quote: appends up to the end of the field. */
  private void unquotedRest() {
    while (true) {
      if (pos >= len && !fill(false)) {
        return;
      }
      char c = buf[pos];
      if (c == delimiter || c == '\n' || c == '\r') {
        return;
      }
      appendChar(c);
      pos++;
    }
  }

  private boolean endOfField() {
    if (pos >= len && !fill(false)) {
      return false;
    }
    char c = buf[pos];
    if (c == delimiter) {
      pos++;
      if (pos >= len && !fill(false)) {
        add("");
        return false;
      }
      char n = buf[pos];
      if (n == '\n' || n == '\r') {
        add("");
        return false;
      }
      return true;
    }
    if (c == '\r') {
      pos++;
      if (pos >= len) {
        fill(false);
      }
      if (pos < len && buf[pos] == '\n') {
        pos++;
      }
    } else {
      pos++;
    }
    line++;
    return false;
  }

  private void add(String value) {
    if (count >= MAX_FIELDS) {
      throw problems.fatal(recordLine, null, null, "the record has more than " + MAX_FIELDS
          + " fields; this is not a survey export (is the delimiter right?)");
    }
    if (count == fields.length) {
      fields = Arrays.copyOf(fields, count * 2);
    }
    fields[count++] = value;
  }

  private void append(char[] from, int start, int n) {
    if (flen + n > maxField) {
      tooLong(false, recordLine);
    }
    if (flen + n > field.length) {
      field = Arrays.copyOf(field, Math.max(field.length * 2, flen + n));
    }
    System.arraycopy(from, start, field, flen, n);
    flen += n;
  }

  private void appendChar(char c) {
    if (flen == field.length) {
      if (flen >= maxField) {
        tooLong(true, recordLine);
      }
      field = Arrays.copyOf(field, Math.min(field.length * 2, maxField + 1));
    }
    field[flen++] = c;
  }

  private void tooLong(boolean quoted, long from) {
    throw problems.fatal(from, columnName(count + 1), null, String.format(Locale.ROOT,
        "field %d of the record on line %d is longer than %,d characters%s", count + 1, from, maxField,
        quoted ? "; a quote is probably left open there" : ""));
  }

  private String columnName(int position) {
    return position <= names.length ? names[position - 1] : "field " + position;
  }

  /**
   * Refills the buffer. With {@code keep}, appends to what is there (for detection); otherwise the buffer's
   * content has been consumed and is replaced.
   */
  private boolean fill(boolean keep) {
    if (eof) {
      return false;
    }
    try {
      if (keep) {
        if (len == buf.length) {
          return false;
        }
        int n = in.read(buf, len, buf.length - len);
        if (n < 0) {
          eof = true;
          return false;
        }
        len += n;
        return true;
      }
      int n;
      do {
        n = in.read(buf, 0, buf.length);
      } while (n == 0);
      if (n < 0) {
        eof = true;
        pos = 0;
        len = 0;
        return false;
      }
      pos = 0;
      len = n;
      return true;
    } catch (DecodingReader.MalformedBytesException e) {
      throw problems.fatal(line, null, e.bytes(), "bytes not valid in " + e.charset() + " at byte offset "
          + e.offset() + " (line " + line + "); give the file's encoding (such as --encoding windows-1252) or "
          + "save it as CSV UTF-8");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + problems.source(), e);
    }
  }
}
