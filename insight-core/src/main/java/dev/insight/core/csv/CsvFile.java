package dev.insight.core.csv;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import dev.insight.core.input.InvalidInputException;
import dev.insight.core.input.ProblemCollector;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
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
  private final Closeable reader;
  private final CsvRecords tokenizer;
  private final CsvFormat format;
  private final CsvHeader header;
  private final long headerLine;
  private final ProblemCollector problems;
  private final ExportLayout layout;
  private final List<String> personalColumns;
  /** Records read ahead while detecting the layout, handed out first. */
  private final ArrayDeque<String[]> pending = new ArrayDeque<>();
  private final ArrayDeque<Long> pendingLines = new ArrayDeque<>();
  private String @Nullable [] current;
  private long currentLine;
  private OptionColumns optionColumns = OptionColumns.NONE;

  private CsvFile(Reader reader, ProblemCollector problems, CsvOptions options, String encoding, boolean bom) {
    this(reader, text(reader, problems, options), problems, options, encoding, bom);
  }

  private static CsvTokenizer text(Reader reader, ProblemCollector problems, CsvOptions options) {
    CsvTokenizer text = new CsvTokenizer(reader, problems, options.maxFieldChars());
    text.skipByteOrderMark();
    text.delimiter(options.delimiter() != null ? options.delimiter() : text.detectDelimiter());
    return text;
  }

  private CsvFile(Closeable reader, CsvRecords records, ProblemCollector problems, CsvOptions options, String encoding,
      boolean bom) {
    this.reader = reader;
    this.problems = problems;
    this.tokenizer = records;
    char delimiter = records.delimiter();
    this.format = new CsvFormat(encoding, bom || records.byteOrderMark(), delimiter);
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
    List<String> personal = List.of();
    ExportLayout oneRow = given == null ? PlatformHeaders.detect(first) : given;
    if (found == ExportLayout.PLAIN && (oneRow == ExportLayout.GOOGLE_FORMS || oneRow == ExportLayout.SMARTSURVEY
        || oneRow == ExportLayout.CITIZEN_SPACE)) {
      PlatformHeaders.Read platform = PlatformHeaders.read(oneRow, first);
      found = oneRow;
      read = CsvHeader.of(platform.names(), headerLine, problems).withLabels(platform.labels(), platform.options());
      this.optionColumns = new OptionColumns(platform.optionGroups(), platform.options());
      personal = platform.personal();
      problems.note(headerLine, null, null, platform.note());
    }
    if (found == ExportLayout.PLAIN && (given == ExportLayout.MICROSOFT_FORMS || given == null
        && microsoftForms(first))) {
      found = ExportLayout.MICROSOFT_FORMS;
      List<String> names = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      int question = 0;
      for (String field : first) {
        String text = field.strip();
        String fixed = text.toLowerCase(java.util.Locale.ROOT);
        if (question == 0 && FORMS_FIXED.contains(fixed)) {
          names.add(fixed.replace(' ', '_'));
        } else {
          names.add("q" + (++question));
        }
        labels.add(text);
      }
      read = CsvHeader.of(names, headerLine, problems).withLabels(labels, blanks(names.size()));
      personal = names.stream().filter(n -> n.equals("email") || n.equals("name")).toList();
      problems.note(headerLine, null, null, "a Microsoft Forms export: columns named id, start_time, "
          + "completion_time, email, name, then q1, q2, ... labelled with the question text; " + String.join(" and ",
          personal) + " hold personal data and are left out of the codebook (name them in a command, or describe "
          + "--personal, to use them)");
    }
    this.layout = found;
    this.header = read != null ? read : CsvHeader.of(first, headerLine, problems);
    this.personalColumns = personal.stream().filter(p -> header.indexOf(p).isPresent()).toList();
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

  /** The fixed leading columns of a Microsoft Forms workbook. */
  private static final List<String> FORMS_COLUMNS = List.of("id", "start time", "completion time", "email", "name");
  /** The leading columns of a Microsoft Forms workbook that are not questions (newer ones add the last change). */
  private static final java.util.Set<String> FORMS_FIXED = java.util.Set.of("id", "start time", "completion time",
      "email", "name", "last modified time");

  private static boolean microsoftForms(List<String> first) {
    if (first.size() < FORMS_COLUMNS.size()) {
      return false;
    }
    for (int i = 0; i < FORMS_COLUMNS.size(); i++) {
      if (!first.get(i).strip().equalsIgnoreCase(FORMS_COLUMNS.get(i))) {
        return false;
      }
    }
    return true;
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
    this.optionColumns = new OptionColumns(groupColumns.toArray(new int[0][]), optionTexts);
    return CsvHeader.of(names, headerLine, problems).withLabels(labels, optionTexts);
  }

  private static void closeGroup(List<Integer> group, List<int[]> groups) {
    if (!group.isEmpty()) {
      groups.add(group.stream().mapToInt(Integer::intValue).toArray());
      group.clear();
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
    CsvDecoding.Decoded text = CsvDecoding.decode(file, options, problems);
    try {
      return new CsvFile(text.reader(), problems, options, text.charset().name(), text.bom());
    } catch (RuntimeException e) {
      CsvDecoding.closeAfterFailure(text.reader());
      throw e;
    }
  }

  /**
   * Opens a CSV file that has no header row (the data file of a Triple-S survey), its columns named by the caller:
   * the first {@code skip} records are passed over, the rest read by the rules of {@link #open} (encoding,
   * delimiter as given or a comma, quotes, bounds), the header layout never detected.
   *
   * @param file the file
   * @param names the names of the columns, in order
   * @param skip the records before the first one to read (column headings, say)
   * @param options encoding, delimiter and bounds
   * @param problems where problems and notes go (its source names the file)
   * @return the open file, positioned before its first record
   * @throws InvalidInputException when the file's bytes are not valid in its encoding or a quote is never closed
   * @throws UncheckedIOException when the file cannot be read
   */
  public static CsvFile openWithoutHeader(Path file, List<String> names, int skip, CsvOptions options,
      ProblemCollector problems) {
    checkNotNull(options, "options");
    checkNotNull(names, "names");
    com.google.common.base.Preconditions.checkArgument(skip >= 0, "skip cannot be negative: %s", skip);
    CsvDecoding.Decoded text = CsvDecoding.decode(file, options, problems);
    try {
      CsvTokenizer tokenizer = new CsvTokenizer(text.reader(), problems, options.maxFieldChars());
      tokenizer.skipByteOrderMark();
      tokenizer.delimiter(options.delimiter() != null ? options.delimiter() : ',');
      CsvRecords records = new HeaderlessRecords(tokenizer, names.toArray(new String[0]), skip);
      return new CsvFile(text.reader(), records, problems, options.withLayout(ExportLayout.PLAIN),
          text.charset().name(), text.bom());
    } catch (RuntimeException e) {
      CsvDecoding.closeAfterFailure(text.reader());
      throw e;
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
   * Reads rows already split into cells (a spreadsheet's sheet) and their header, by the same rules as CSV text:
   * the same header layouts, renamed columns and problems, with the source's row numbers in place of lines.
   *
   * @param rows the rows; closed by {@link #close()}
   * @param options the layout and bounds (the encoding and delimiter are not used)
   * @param problems where problems and notes go
   * @return the open file, positioned after the header
   * @throws InvalidInputException when the source holds no row
   */
  public static CsvFile of(RowSource rows, CsvOptions options, ProblemCollector problems) {
    checkNotNull(rows, "rows");
    checkNotNull(options, "options");
    try {
      CsvFile file = new CsvFile(rows, new SourceRecords(rows), problems, options, rows.describe(), false);
      if (file.layout == ExportLayout.PLAIN && rows.labels().size() == file.header.size()) {
        List<String> options2 = rows.options().size() == file.header.size() ? rows.options()
            : blanks(file.header.size());
        file.header.withLabels(rows.labels(), options2);
      }
      return file;
    } catch (RuntimeException e) {
      rows.close();
      throw e;
    }
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
    if (optionColumns.any()) {
      if (current == null) {
        current = tokenizer.fields();
        currentLine = tokenizer.recordLine();
      }
      optionColumns.translate(current, current.length);
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
   * The columns the export's layout marks as personal data (Microsoft Forms' {@code Email} and {@code Name}), left
   * out of an inferred codebook unless asked for.
   *
   * @return the column names, empty for most layouts
   */
  public List<String> personalColumns() {
    return personalColumns;
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
