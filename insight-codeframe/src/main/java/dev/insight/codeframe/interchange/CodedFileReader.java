package dev.insight.codeframe.interchange;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.insight.codeframe.Code;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.Comments;
import dev.insight.codeframe.coding.Provenance;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.input.ReadMode;
import dev.insight.core.internal.SpreadsheetText;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one reader of coded files: every coded input the commands accept, read into {@link Coding}s.
 * <ul>
 *   <li>{@linkplain #coded(Codeframe) the coded format} ({@link CodingCsv}: one row per assignment with its
 *       provenance), as {@code code apply}, {@code code predict}, {@code code review} and {@code code import}
 *       write it;</li>
 *   <li>{@linkplain #columns(Codeframe) one 0/1 column per code} (as in the NHS {@code fft-multilabel-v6.csv}),
 *       headed by the code's id or label (columns of nets and other columns are ignored), or
 *       {@linkplain #columns(List) the columns named}, whose names are the codes;</li>
 *   <li>{@linkplain #list(Codeframe, String, String) one column listing the codes} ({@code "sa;wa"}), each an id
 *       or a label of the frame, or {@linkplain #list(String, String) any codes}, the frame made of those met;</li>
 *   <li>{@linkplain #label(String) one column holding each comment's single code}.</li>
 * </ul>
 * Without a codeframe, the codes are the columns named or the codes met (sorted), each its own code in a flat frame
 * named after the file. The unit of a row is its {@linkplain #idColumn id} or, for a file without ids (a training
 * file), {@linkplain #rowIds() its line number}. The comment and its context can be read in the same pass
 * ({@link #text}, {@link #context}). In the wide layouts the coder and the time of coding come from columns when the
 * file has them ({@link #coderColumn}, {@link #timeColumn}: ISO instant, ISO date-time or date taken as UTC, or
 * {@code dd/MM/yyyy}), else from the values given ({@link #coder}, {@link #at}); a file may hold several coders'
 * work (a row per unit and coder), each coder gets a {@link Coding} and the units they coded differently are
 * reported as {@link CoderConflict}s.
 *
 * <p>Every problem is reported with file, line, column and value, all at once: a missing column, a code not in the
 * codeframe or a net, a cell that is not 1, 0 or blank, a row too short for the columns asked for, a blank id, a unit
 * coded twice by one coder, a none-code beside other codes, missing or malformed provenance. In
 * {@link ReadMode#STRICT} (the default) a file with any problem is not read at all, so nothing is trained or
 * tabulated on silently dropped rows; in {@link ReadMode#LENIENT} every row is kept as far as it can be (the bad cell
 * or the conflicting none-code is left out; a repeated unit keeps its first coding) and the problems are returned.
 *
 * <p>Not thread-safe; configure, then read.
 */
public final class CodedFileReader {
  private static final Pattern CELL_TRUE = Pattern.compile("1|1\\.0+");
  private static final Pattern CELL_FALSE = Pattern.compile("|0|0\\.0+");

  private enum Layout { CODED, COLUMNS, LIST, LABEL }

  private final Layout layout;
  private final @Nullable Codeframe codeframe;
  private final List<String> namedColumns;
  private final String delimiter;
  private String idColumn = "id";
  private boolean rowIds;
  private @Nullable String textColumn;
  private @Nullable String contextColumn;
  private String coder = "coder";
  private @Nullable String coderColumn;
  private Instant at = Instant.EPOCH;
  private @Nullable String timeColumn;
  private ReadMode mode = ReadMode.STRICT;

  private CodedFileReader(Layout layout, @Nullable Codeframe codeframe, List<String> namedColumns,
      String delimiter) {
    this.layout = layout;
    this.codeframe = codeframe;
    this.namedColumns = List.copyOf(namedColumns);
    this.delimiter = delimiter;
  }

  /**
   * A reader of the project's coded format ({@link CodingCsv#COLUMNS}), every assignment with its provenance.
   *
   * @param codeframe the frame the codes come from
   * @return a new reader
   */
  public static CodedFileReader coded(Codeframe codeframe) {
    return new CodedFileReader(Layout.CODED, checkNotNull(codeframe, "codeframe"), List.of(), ";");
  }

  /**
   * A reader of one 0/1 column per codable code of the frame, each headed by the code's id or label.
   *
   * @param codeframe the frame the codes come from
   * @return a new reader
   */
  public static CodedFileReader columns(Codeframe codeframe) {
    return new CodedFileReader(Layout.COLUMNS, checkNotNull(codeframe, "codeframe"), List.of(), ";");
  }

  /**
   * A reader of these 0/1 columns, each column a code named as the column (stripped), in this order.
   *
   * @param columns the code columns
   * @return a new reader
   */
  public static CodedFileReader columns(List<String> columns) {
    checkArgument(!columns.isEmpty(), "at least one code column is needed");
    List<String> stripped = new ArrayList<>();
    for (String column : columns) {
      checkArgument(!checkNotNull(column, "column").isBlank(), "a code column's name cannot be blank: %s", columns);
      stripped.add(column.strip());
    }
    return new CodedFileReader(Layout.COLUMNS, null, stripped, ";");
  }

  /**
   * A reader of one column listing codes of the frame (ids or labels) separated by a delimiter.
   *
   * @param codeframe the frame the codes come from
   * @param column the column holding the codes
   * @param delimiter what separates codes in a cell, such as {@code ";"}
   * @return a new reader
   */
  public static CodedFileReader list(Codeframe codeframe, String column, String delimiter) {
    checkArgument(!delimiter.isEmpty(), "delimiter cannot be empty");
    return new CodedFileReader(Layout.LIST, checkNotNull(codeframe, "codeframe"),
        List.of(checkNotNull(column, "column")), delimiter);
  }

  /**
   * A reader of one column listing codes separated by a delimiter, with no codeframe: the codes are those met,
   * sorted.
   *
   * @param column the column holding the codes
   * @param delimiter what separates codes in a cell, such as {@code ";"}
   * @return a new reader
   */
  public static CodedFileReader list(String column, String delimiter) {
    checkArgument(!delimiter.isEmpty(), "delimiter cannot be empty");
    return new CodedFileReader(Layout.LIST, null, List.of(checkNotNull(column, "column")), delimiter);
  }

  /**
   * A reader of one column holding each comment's single code (single-label data), with no codeframe: the codes
   * are those met, sorted. A blank cell is a problem.
   *
   * @param column the column holding the code
   * @return a new reader
   */
  public static CodedFileReader label(String column) {
    return new CodedFileReader(Layout.LABEL, null, List.of(checkNotNull(column, "column")), ";");
  }

  /**
   * Reads a file in the coded format.
   *
   * @param file the file (UTF-8)
   * @param codeframe the frame the codes come from
   * @return its coding
   * @throws InvalidInputException listing every problem, each with file, line, column and value
   * @throws UncheckedIOException when the file cannot be read
   */
  public static Coding read(Path file, Codeframe codeframe) {
    return coded(codeframe).read(file).coding();
  }

  /**
   * Reads files in the coded format and combines them (say a person's and a model's): a comment in several files
   * must have the same codes in each, and the assignments of the first file that has it are kept.
   *
   * @param files the files
   * @param codeframe the frame the codes come from
   * @return the combined coding
   * @throws InvalidInputException listing every problem of every file, or a conflict report naming every comment
   *     the files code differently, with each file, its line and its codes
   * @throws UncheckedIOException when a file cannot be read
   */
  public static CodedData readAll(List<Path> files, Codeframe codeframe) {
    checkArgument(!files.isEmpty(), "no coded files to read");
    List<CodedData> read = new ArrayList<>();
    List<InputProblem> problems = new ArrayList<>();
    for (Path file : files) {
      try {
        read.add(coded(codeframe).read(file));
      } catch (InvalidInputException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return read.size() == 1 ? read.get(0) : CodedData.combine(read);
  }

  /**
   * Sets the column holding the unit (respondent or comment) id; {@code "id"} unless set.
   *
   * @param column the column name
   * @return this reader
   */
  public CodedFileReader idColumn(String column) {
    this.idColumn = checkNotNull(column, "column").strip();
    this.rowIds = false;
    return this;
  }

  /**
   * Takes each row's line number as its unit, for a file without ids (one comment per row).
   *
   * @return this reader
   */
  public CodedFileReader rowIds() {
    this.rowIds = true;
    return this;
  }

  /**
   * Also reads each row's comment, as written, into {@link CodedData#comments()}.
   *
   * @param column the column holding the comment
   * @return this reader
   */
  public CodedFileReader text(String column) {
    this.textColumn = checkNotNull(column, "column");
    return this;
  }

  /**
   * Also reads each row's context (what changes the words' meaning, typically the question), stripped.
   *
   * @param column the column holding the context
   * @return this reader
   */
  public CodedFileReader context(String column) {
    this.contextColumn = checkNotNull(column, "column");
    return this;
  }

  /**
   * Sets the coder recorded when the file has no coder column.
   *
   * @param name the coder's name
   * @return this reader
   */
  public CodedFileReader coder(String name) {
    checkArgument(!name.isBlank(), "coder cannot be blank");
    this.coder = name;
    return this;
  }

  /**
   * Sets the column naming the coder of each row.
   *
   * @param column the column name
   * @return this reader
   */
  public CodedFileReader coderColumn(String column) {
    this.coderColumn = checkNotNull(column, "column");
    return this;
  }

  /**
   * Sets the time recorded when the file has no time column.
   *
   * @param instant when the coding was done
   * @return this reader
   */
  public CodedFileReader at(Instant instant) {
    this.at = checkNotNull(instant, "instant");
    return this;
  }

  /**
   * Sets the column giving when each row was coded.
   *
   * @param column the column name
   * @return this reader
   */
  public CodedFileReader timeColumn(String column) {
    this.timeColumn = checkNotNull(column, "column");
    return this;
  }

  /**
   * Sets strict (a file with a problem is refused, every problem named; the default) or lenient reading.
   *
   * @param value the mode
   * @return this reader
   */
  public CodedFileReader mode(ReadMode value) {
    this.mode = checkNotNull(value, "mode");
    return this;
  }

  /**
   * Reads a coded file.
   *
   * @param file the file (UTF-8)
   * @return the codings, conflicts and (lenient mode) problems
   * @throws InvalidInputException in strict mode listing every problem; in either mode when a column is missing
   * @throws UncheckedIOException when the file cannot be read
   */
  public CodedData read(Path file) {
    checkNotNull(file, "file");
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, file.toString());
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("no coded file " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the coded file " + file, e);
    }
  }

  /**
   * Reads coded data.
   *
   * @param reader the CSV text
   * @param source the file name used in messages
   * @return the codings, conflicts and (lenient mode) problems
   * @throws InvalidInputException in strict mode listing every problem; in either mode when a column is missing
   * @throws UncheckedIOException when reading fails
   */
  public CodedData read(Reader reader, String source) {
    checkNotNull(reader, "reader");
    checkNotNull(source, "source");
    checkState(layout != Layout.CODED || (textColumn == null && contextColumn == null && coderColumn == null
        && timeColumn == null), "the coded format has its own columns: no text, context, coder or time column");
    List<InputProblem> problems = new ArrayList<>();
    CodedData data;
    try (CsvReader<CsvRecord> csv = CsvReader.builder().skipEmptyLines(true).ignoreDifferentFieldCount(true)
        .detectBomHeader(true).ofCsvRecord(reader)) {
      Iterator<CsvRecord> rows = csv.iterator();
      if (!rows.hasNext()) {
        throw new InvalidInputException(new InputProblem(source, 1, null, null, layout == Layout.CODED
            ? "the coded file is empty; it needs the header " + String.join(",", CodingCsv.COLUMNS)
            : "the file is empty (no header row)"));
      }
      data = layout == Layout.CODED ? CodingCsv.read(rows, source, checkNotNull(codeframe), problems)
          : readWide(rows, source, problems);
    } catch (CsvParseException e) {
      problems.add(new InputProblem(source, 0, null, null, "malformed CSV: " + e.getMessage()));
      throw new InvalidInputException(problems);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException("cannot read " + source, e.getCause());
    }
    return data;
  }

  private CodedData finish(String source, List<InputProblem> problems, Map<String, Coding> byCoder,
      List<CoderConflict> conflicts, Comments comments, Map<UnitId, Long> lines) {
    problems.sort(Comparator.comparingLong(InputProblem::line));
    if (mode == ReadMode.STRICT && !problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new CodedData(source, byCoder, conflicts, problems, comments, lines);
  }

  // ---- the wide layouts

  /** A row as read, before the codes are checked against the frame. */
  record Row(long line, UnitId unit, String coder, Instant at, List<String> codes, List<String> columns) {}

  private CodedData readWide(Iterator<CsvRecord> rows, String source, List<InputProblem> problems) {
    CsvRecord header = rows.next();
    long headerLine = header.getStartingLineNumber();
    Map<String, Integer> names = new LinkedHashMap<>();
    for (int i = 0; i < header.getFieldCount(); i++) {
      names.putIfAbsent(header.getField(i).strip(), i);
    }
    List<InputProblem> missing = new ArrayList<>();
    int idAt = rowIds ? -1 : column(names, idColumn, headerLine, source, header, missing);
    int textAt = textColumn == null ? -1 : column(names, textColumn, headerLine, source, header, missing);
    int contextAt = contextColumn == null ? -1 : column(names, contextColumn, headerLine, source, header, missing);
    int coderAt = coderColumn == null ? -1 : column(names, coderColumn, headerLine, source, header, missing);
    int timeAt = timeColumn == null ? -1 : column(names, timeColumn, headerLine, source, header, missing);
    // the code columns and the code each stands for (null: the cell holds codes)
    List<Integer> codeAt = new ArrayList<>();
    List<String> codeOf = new ArrayList<>();
    if (layout == Layout.COLUMNS && codeframe != null) {
      for (Code code : codeframe.codable()) {
        Integer c = names.get(code.id().value());
        if (c == null) {
          c = names.get(code.label().strip());
        }
        if (c == null) {
          // a code nobody used may have no column: reported, and fatal in strict mode only
          problems.add(new InputProblem(source, headerLine, code.id().value(), code.label(), "code " + code.id()
              + " (" + code.label() + ") of codeframe " + codeframe.name() + " has no column (by id or label)"));
        } else {
          codeAt.add(c);
          codeOf.add(code.id().value());
        }
      }
    } else {
      Set<String> once = new LinkedHashSet<>();
      for (String name : namedColumns) {
        if (!once.add(name)) {
          missing.add(new InputProblem(source, headerLine, name, null, "the code column is given twice"));
          continue;
        }
        int c = column(names, name, headerLine, source, header, missing);
        codeAt.add(c);
        codeOf.add(name);
      }
    }
    if (!missing.isEmpty()) {
      problems.addAll(missing);
      throw new InvalidInputException(problems);
    }
    int reach = Math.max(Math.max(idAt, textAt), Math.max(contextAt, Math.max(coderAt, timeAt)));
    for (int c : codeAt) {
      reach = Math.max(reach, c);
    }
    List<Row> read = new ArrayList<>();
    Map<UnitId, String> texts = new LinkedHashMap<>();
    Map<UnitId, String> contexts = new HashMap<>();
    Set<String> met = new TreeSet<>();
    while (rows.hasNext()) {
      CsvRecord row = rows.next();
      long line = row.getStartingLineNumber();
      if (row.getFieldCount() <= reach) {
        problems.add(new InputProblem(source, line, null, null, "the row has " + row.getFieldCount()
            + " fields, too few for the columns asked for"));
        continue;
      }
      String id = rowIds ? Long.toString(line) : cell(row, idAt);
      if (id.isEmpty()) {
        problems.add(new InputProblem(source, line, idColumn, null, "the unit id is blank; the row is left out"));
        continue;
      }
      UnitId unit = UnitId.of(id);
      String rowCoder = coder;
      if (coderAt >= 0) {
        rowCoder = cell(row, coderAt);
        if (rowCoder.isEmpty()) {
          problems.add(new InputProblem(source, line, coderColumn, null, "the coder is blank; the row is left out"));
          continue;
        }
      }
      Instant rowAt = at;
      if (timeAt >= 0) {
        Instant parsed = WideRows.time(cell(row, timeAt));
        if (parsed == null) {
          problems.add(new InputProblem(source, line, timeColumn, cell(row, timeAt), "not a time (ISO "
              + "2026-01-31T10:00:00Z, 2026-01-31 or 31/01/2026); the default time is kept"));
        } else {
          rowAt = parsed;
        }
      }
      List<String> codes = new ArrayList<>();
      List<String> columns = new ArrayList<>();
      if (layout == Layout.COLUMNS) {
        for (int i = 0; i < codeAt.size(); i++) {
          String value = cell(row, codeAt.get(i));
          if (CELL_TRUE.matcher(value).matches()) {
            codes.add(codeOf.get(i));
            columns.add(header.getField(codeAt.get(i)).strip());
          } else if (!CELL_FALSE.matcher(value).matches()) {
            problems.add(new InputProblem(source, line, header.getField(codeAt.get(i)).strip(), value,
                "a code column must hold 1 (coded), 0 or blank (not coded)"));
          }
        }
      } else {
        String column = namedColumns.get(0);
        String value = cell(row, codeAt.get(0));
        if (layout == Layout.LABEL) {
          if (value.isEmpty()) {
            problems.add(new InputProblem(source, line, column, value, "the label is blank; every comment of a "
                + "single-label file needs one code"));
            continue;
          }
          codes.add(value);
          columns.add(column);
        } else if (!value.isEmpty()) {
          for (String part : value.split(Pattern.quote(delimiter))) {
            String code = part.strip();
            if (code.isEmpty()) {
              continue;
            }
            if (codes.contains(code)) {
              problems.add(new InputProblem(source, line, column, code, "the code is listed twice"));
              continue;
            }
            codes.add(code);
            columns.add(column);
          }
        }
        if (codeframe == null) {
          met.addAll(codes);
        }
      }
      read.add(new Row(line, unit, rowCoder, rowAt, codes, columns));
      if (textAt >= 0 && !texts.containsKey(unit)) {
        texts.put(unit, row.getField(textAt));
        contexts.put(unit, contextAt >= 0 ? row.getField(contextAt).strip() : "");
      }
    }
    Codeframe frame = codeframe != null ? codeframe : flat(source, layout == Layout.COLUMNS ? codeOf : met);
    Map<String, Coding.Builder> builders = new LinkedHashMap<>();
    Map<String, Map<UnitId, Row>> seen = new LinkedHashMap<>();
    Map<String, Set<CodeId>> codesOf = new HashMap<>();
    Map<UnitId, Long> lines = new LinkedHashMap<>();
    for (Row row : read) {
      Set<CodeId> codes = new LinkedHashSet<>();
      for (int i = 0; i < row.codes().size(); i++) {
        CodeId code = resolve(frame, row.codes().get(i));
        if (code == null) {
          problems.add(new InputProblem(source, row.line(), row.columns().get(i), row.codes().get(i),
              "unknown code (not an id or label of a codable code of codeframe " + frame.name() + "); it is left out"));
        } else if (!codes.add(code)) {
          problems.add(new InputProblem(source, row.line(), row.columns().get(i), row.codes().get(i),
              "code " + code + " is listed twice"));
        }
      }
      codes = WideRows.exclusive(frame, codes, row.line(), row.unit(), source, problems);
      Map<UnitId, Row> coderSeen = seen.computeIfAbsent(row.coder(), c -> new LinkedHashMap<>());
      Row first = coderSeen.get(row.unit());
      if (first != null) {
        problems.add(new InputProblem(source, row.line(), rowIds ? null : idColumn, row.unit().value(), "unit coded "
            + "twice by " + row.coder() + " (first on line " + first.line() + "); the first coding is kept"));
        continue;
      }
      coderSeen.put(row.unit(), row);
      lines.putIfAbsent(row.unit(), row.line());
      codesOf.put(key(row), codes);
      Coding.Builder builder = builders.computeIfAbsent(row.coder(), c -> Coding.builder(frame));
      builder.unit(row.unit());
      Provenance provenance = new Provenance.Human(row.coder(), row.at());
      for (CodeId code : codes) {
        builder.assign(row.unit(), code, provenance);
      }
    }
    Map<String, Coding> byCoder = new LinkedHashMap<>();
    builders.forEach((name, builder) -> byCoder.put(name, builder.build()));
    List<UnitId> units = new ArrayList<>(texts.keySet());
    List<String> textList = new ArrayList<>(texts.values());
    List<String> contextList = new ArrayList<>();
    units.forEach(u -> contextList.add(contexts.get(u)));
    return finish(source, problems, byCoder, WideRows.conflicts(seen, codesOf),
        new Comments(units, textList, contextList), lines);
  }

  private static Codeframe flat(String name, Iterable<String> codes) {
    Codeframe.Builder flat = Codeframe.builder(name);
    codes.forEach(c -> flat.add(Code.of(c, c)));
    return flat.build();
  }

  static String key(Row row) {
    return row.coder() + "\u0000" + row.unit().value();
  }

  private static int column(Map<String, Integer> names, String column, long line, String source, CsvRecord header,
      List<InputProblem> missing) {
    Integer at = names.get(column.strip());
    if (at == null) {
      missing.add(new InputProblem(source, line, column, null, "no such column in the header; the columns are "
          + header.getFields()));
      return -1;
    }
    return at;
  }

  private static String cell(CsvRecord row, int at) {
    // a cell insight neutralised against formula injection reads back as written
    return SpreadsheetText.restore(row.getField(at)).strip();
  }

  private @Nullable CodeId resolve(Codeframe frame, String value) {
    if (codeframe == null) {
      return CodeId.of(value);
    }
    if (layout == Layout.COLUMNS) {
      return CodeId.of(value);
    }
    for (Code code : frame.codable()) {
      if (code.id().value().equals(value)) {
        return code.id();
      }
    }
    for (Code code : frame.codable()) {
      if (code.label().equals(value)) {
        return code.id();
      }
    }
    return null;
  }


}
