package dev.insight.core.csv;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import dev.insight.core.input.InvalidInputException;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A CSV file read one record at a time, after its header: the one way insight reads CSV, so every reader (surveys,
 * codebooks, weights, margins) treats encodings, delimiters, quotes and bad bytes alike.
 *
 * <p>Encoding: a byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE); otherwise the encoding in the options, or
 * UTF-8. Bytes not valid in the encoding stop the read with their byte offset and line; nothing is replaced. A file
 * that looks like UTF-16 without a byte-order mark is refused with a message saying how to give its encoding.
 * Delimiter: as given, or detected from the header row (comma, semicolon or tab), and noted when not a comma.
 * Quotes: RFC 4180; a quote never closed stops the read naming the line it opened on. Empty lines are skipped (they
 * hold no respondent). An empty file, or one with only a header, stops the read.
 *
 * <p>Problems go to the {@link ProblemCollector} given: fatal ones throw in either mode, others by its mode; notes
 * (a delimiter detected, a column renamed, a quoted field over lines that look like records) never throw.
 */
public final class CsvFile implements Closeable {
  private final Reader reader;
  private final CsvTokenizer tokenizer;
  private final CsvFormat format;
  private final CsvHeader header;
  private final long headerLine;
  private final ProblemCollector problems;
  private final ExportLayout layout;
  /** Records read ahead while detecting the layout, handed out first. */
  private final ArrayDeque<String[]> pending = new ArrayDeque<>();
  private final ArrayDeque<Long> pendingLines = new ArrayDeque<>();
  private String @Nullable [] current;
  private long currentLine;
  private int[][] optionGroups = new int[0][];
  private String[] optionText = new String[0];

  private CsvFile(Reader reader, ProblemCollector problems, CsvOptions options, String encoding, boolean bom) {
    this.reader = reader;
    this.problems = problems;
    this.tokenizer = new CsvTokenizer(reader, problems, options.maxFieldChars());
    boolean charBom = tokenizer.skipByteOrderMark();
    char delimiter;
    if (options.delimiter() != null) {
      delimiter = options.delimiter();
    } else {
      delimiter = tokenizer.detectDelimiter();
    }
    tokenizer.delimiter(delimiter);
    this.format = new CsvFormat(encoding, bom || charBom, delimiter);
    if (!tokenizer.next()) {
      throw problems.fatal(0, null, null, "the file is empty: expected a header row");
    }
    this.headerLine = tokenizer.recordLine();
    if (options.delimiter() == null && delimiter != ',') {
      problems.note(headerLine, null, null, "fields are " + format.delimiterName() + "-delimited (detected from "
          + "the header)");
    }
    List<String> first = Arrays.asList(tokenizer.fields());
    ExportLayout given = options.layout();
    ExportLayout found = ExportLayout.PLAIN;
    CsvHeader read = null;
    if (given == ExportLayout.QUALTRICS || given == null && (first.contains("ResponseId")
        || first.contains("ResponseID"))) {
      String[] text = lookahead();
      String[] ids = lookahead();
      if (given == ExportLayout.QUALTRICS || text != null && ids != null && importIds(ids)) {
        pending.clear();
        read = CsvHeader.of(first, headerLine, problems).withLabels(labels(first, text), blanks(first.size()));
        found = ExportLayout.QUALTRICS;
        problems.note(headerLine, null, null, "a Qualtrics export: the question text (line " + (headerLine + 1)
            + ") becomes the labels and the import ids (line " + (headerLine + 2) + ") are skipped");
      }
    } else if (given == ExportLayout.SURVEYMONKEY || given == null && containsIgnoringCase(first, "Respondent ID")
        && containsIgnoringCase(first, "Collector ID")) {
      String[] second = lookahead();
      if (given == ExportLayout.SURVEYMONKEY || second != null && surveyMonkeySecondRow(second)) {
        pending.clear();
        read = surveyMonkey(first, second == null ? new String[0] : second, problems);
        found = ExportLayout.SURVEYMONKEY;
        problems.note(headerLine, null, null, "a SurveyMonkey export: two header rows read as question text and "
            + "responses; columns named q1, q2, ... (options q2_1, q2_2, ...), labelled with the question text");
      }
    }
    this.layout = found;
    this.header = read != null ? read : CsvHeader.of(first, headerLine, problems);
    tokenizer.expectFields(header.names());
  }

  /** Reads the next record ahead, to be handed out by {@link #next()} unless it is a header row. */
  private String @Nullable [] lookahead() {
    if (!tokenizer.next()) {
      return null;
    }
    String[] fields = tokenizer.fields();
    pending.add(fields);
    pendingLines.add(tokenizer.recordLine());
    return fields;
  }

  private static boolean importIds(String[] row) {
    int ids = 0;
    for (String field : row) {
      if (field.strip().startsWith("{\"ImportId\"")) {
        ids++;
      }
    }
    return ids * 2 > row.length;
  }

  private static boolean containsIgnoringCase(List<String> fields, String name) {
    return fields.stream().anyMatch(f -> f.strip().equalsIgnoreCase(name));
  }

  private static boolean surveyMonkeySecondRow(String[] row) {
    return Arrays.stream(row).map(String::strip)
        .anyMatch(f -> f.equals("Response") || f.equals("Open-Ended Response"));
  }

  private static List<String> labels(List<String> names, String @Nullable [] text) {
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String label = text != null && i < text.length ? text[i].strip() : "";
      labels.add(label.isEmpty() ? names.get(i).strip() : label);
    }
    return labels;
  }

  private static List<String> blanks(int n) {
    return java.util.Collections.nCopies(n, "");
  }

  /** The SurveyMonkey header: names, labels and the option columns that read as 0/1 (see {@link ExportLayout}). */
  private CsvHeader surveyMonkey(List<String> first, String[] second, ProblemCollector problems) {
    List<String> names = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<String> optionTexts = new ArrayList<>();
    List<int[]> groupColumns = new ArrayList<>();
    int question = 0;
    int options = 0;
    String text = "";
    List<Integer> group = new ArrayList<>();
    for (int i = 0; i < first.size(); i++) {
      String top = first.get(i).strip();
      String sub = i < second.length ? second[i].strip() : "";
      if (sub.isEmpty() && question == 0) {
        names.add(top.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_")
            .replaceAll("^_|_$", ""));
        labels.add(top);
        optionTexts.add("");
        continue;
      }
      if (!top.isEmpty() || question == 0) {
        closeGroup(group, groupColumns);
        question++;
        options = 0;
        text = top;
      }
      String base = "q" + question;
      if (sub.equals("Response") || sub.equals("Open-Ended Response") || sub.isEmpty()) {
        names.add(base);
        optionTexts.add("");
      } else if (sub.toLowerCase(java.util.Locale.ROOT).startsWith("other (please specify)")) {
        names.add(base + "_other");
        optionTexts.add(sub);
      } else {
        names.add(base + "_" + (++options));
        optionTexts.add(sub);
        group.add(i);
      }
      labels.add(text);
    }
    closeGroup(group, groupColumns);
    this.optionGroups = groupColumns.toArray(new int[0][]);
    this.optionText = optionTexts.toArray(new String[0]);
    return CsvHeader.of(names, headerLine, problems).withLabels(labels, optionTexts);
  }

  private static void closeGroup(List<Integer> group, List<int[]> groups) {
    if (!group.isEmpty()) {
      groups.add(group.stream().mapToInt(Integer::intValue).toArray());
      group.clear();
    }
  }

  /** SurveyMonkey option columns: the option's text reads as 1; blank as 0 when another option was chosen. */
  private void translateOptions(String[] fields, int count) {
    for (int[] group : optionGroups) {
      boolean any = false;
      for (int c : group) {
        if (c < count && !fields[c].isBlank()) {
          any = true;
          break;
        }
      }
      if (!any) {
        continue;
      }
      for (int c : group) {
        if (c < count) {
          String value = fields[c].strip();
          fields[c] = value.isEmpty() ? "0" : value.equals(optionText[c]) ? "1" : fields[c];
        }
      }
    }
  }

  /**
   * Opens a file and reads its header.
   *
   * @param file the file
   * @param options encoding, delimiter and bounds
   * @param problems where problems and notes go (its source names the file)
   * @return the open file, positioned after the header
   * @throws InvalidInputException when the file is empty, its bytes are not valid in its encoding, or a quote in
   *     the header is never closed
   * @throws UncheckedIOException when the file cannot be read
   */
  public static CsvFile open(Path file, CsvOptions options, ProblemCollector problems) {
    checkNotNull(options, "options");
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
      return new CsvFile(new DecodingReader(bytes, charset, skip), problems, options, charset.name(), skip > 0);
    } catch (IOException e) {
      close(in);
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (RuntimeException e) {
      close(in);
      throw e;
    }
  }

  private static void close(InputStream in) {
    try {
      in.close();
    } catch (IOException suppressed) {
      // the read already failed; that failure is the one to report
    }
  }

  /**
   * Reads CSV text already decoded (a leading byte-order mark character is skipped) and its header.
   *
   * @param reader the text; closed by {@link #close()}
   * @param options delimiter and bounds (the encoding is not used)
   * @param problems where problems and notes go
   * @return the open file, positioned after the header
   * @throws InvalidInputException when the text is empty or a quote in the header is never closed
   */
  public static CsvFile of(Reader reader, CsvOptions options, ProblemCollector problems) {
    return new CsvFile(checkNotNull(reader, "reader"), problems, checkNotNull(options, "options"), "text",
        false);
  }

  /**
   * The encoding and delimiter read.
   *
   * @return the format
   */
  public CsvFormat format() {
    return format;
  }

  /**
   * The header.
   *
   * @return the header, columns uniquely named
   */
  public CsvHeader header() {
    return header;
  }

  /**
   * The line of the header row.
   *
   * @return the 1-based line
   */
  public long headerLine() {
    return headerLine;
  }

  /**
   * Moves to the next record.
   *
   * @return false at the end of the file
   * @throws InvalidInputException on a quote never closed, a field too long or bytes not valid in the encoding (in
   *     either mode), or text after a closing quote (in strict mode)
   */
  public boolean next() {
    if (!pending.isEmpty()) {
      current = pending.poll();
      currentLine = pendingLines.poll();
    } else {
      current = null;
      if (!tokenizer.next()) {
        return false;
      }
    }
    if (optionGroups.length > 0) {
      if (current == null) {
        current = tokenizer.fields();
        currentLine = tokenizer.recordLine();
      }
      translateOptions(current, current.length);
    }
    return true;
  }

  /**
   * The line the current record starts on.
   *
   * @return the 1-based line
   */
  public long line() {
    return current != null ? currentLine : tokenizer.recordLine();
  }

  /**
   * The number of fields in the current record.
   *
   * @return the field count, which may differ from the header's
   */
  public int fieldCount() {
    return current != null ? current.length : tokenizer.fieldCount();
  }

  /**
   * A field of the current record, as written (not stripped).
   *
   * @param index the 0-based position
   * @return the field
   */
  public String field(int index) {
    checkState(index >= 0 && index < fieldCount(), "no field %s in a record of %s", index, fieldCount());
    return rawField(index);
  }

  /** A field of the current record without the bounds check, for readers that checked the field count. */
  String rawField(int index) {
    return current != null ? current[index] : tokenizer.field(index);
  }

  /**
   * The fields of the current record.
   *
   * @return an immutable copy
   */
  public List<String> fields() {
    return List.of(current != null ? current.clone() : tokenizer.fields());
  }

  /**
   * The header layout read: plain, or a platform's (detected from the header, or as the options gave).
   *
   * @return the layout
   */
  public ExportLayout layout() {
    return layout;
  }

  /**
   * The collector problems go to.
   *
   * @return the collector given when opening
   */
  public ProblemCollector problems() {
    return problems;
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + problems.source(), e);
    }
  }
}
