package dev.insight.codeframe.manual;

import dev.insight.core.internal.SpreadsheetText;
import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.insight.codeframe.Code;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.Provenance;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.input.ProblemCollector;
import dev.insight.core.input.ReadMode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads coded data made by people from CSV, in one of two layouts:
 * <ul>
 *   <li>{@linkplain #columns(Codeframe) columns}: one 0/1 column per code (as in the NHS {@code fft-multilabel-v6.csv}
 *       file), each column headed by the code's id or its label; columns of nets are derived data and ignored;
 *       other columns are ignored;</li>
 *   <li>{@linkplain #list(Codeframe, String, String) list}: one column holding the unit's codes separated by a
 *       delimiter ({@code "sa;wa"}), each an id or a label.</li>
 * </ul>
 * The coder and the time of coding come from columns when the file has them ({@link #coderColumn},
 * {@link #timeColumn}: ISO instant, ISO date-time or date taken as UTC, or {@code dd/MM/yyyy}), else from the values
 * given ({@link #coder}, {@link #at}). A file may hold several coders' work (a row per unit and coder); each coder
 * gets a {@link Coding}, and units coded differently are reported as {@link CoderConflict}s.
 *
 * <p>Problems (an unknown code, a cell that is not 0/1, a none-code with another code, a unit coded twice by the same
 * coder, a code of the frame without a column) are reported with line, column and value: the first throws in
 * {@link ReadMode#STRICT}; in {@link ReadMode#LENIENT} all are collected and every row is kept as far as it can be
 * (the bad cell or the conflicting none-code is left out; a repeated unit keeps its first coding).
 *
 * <p>Not thread-safe; configure, then read.
 */
public final class CodedDataReader {
  private static final Pattern CELL_TRUE = Pattern.compile("1|1\\.0+");
  private static final Pattern CELL_FALSE = Pattern.compile("|0|0\\.0+");
  private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/uuuu");

  private final Codeframe codeframe;
  private final @Nullable String listColumn;
  private final String delimiter;
  private String idColumn = "id";
  private String coder = "coder";
  private @Nullable String coderColumn;
  private Instant at = Instant.EPOCH;
  private @Nullable String timeColumn;
  private ReadMode mode = ReadMode.STRICT;

  private CodedDataReader(Codeframe codeframe, @Nullable String listColumn, String delimiter) {
    this.codeframe = checkNotNull(codeframe, "codeframe");
    this.listColumn = listColumn;
    this.delimiter = delimiter;
  }

  /**
   * A reader for one 0/1 column per code.
   *
   * @param codeframe the frame the codes come from
   * @return a new reader
   */
  public static CodedDataReader columns(Codeframe codeframe) {
    return new CodedDataReader(codeframe, null, ";");
  }

  /**
   * A reader for a delimited list of codes in one column.
   *
   * @param codeframe the frame the codes come from
   * @param column the column holding the codes
   * @param delimiter what separates codes in a cell, such as {@code ";"}
   * @return a new reader
   */
  public static CodedDataReader list(Codeframe codeframe, String column, String delimiter) {
    checkArgument(!delimiter.isEmpty(), "delimiter cannot be empty");
    return new CodedDataReader(codeframe, checkNotNull(column, "column"), delimiter);
  }

  /**
   * Sets the column holding the unit (respondent) id; {@code "id"} unless set.
   *
   * @param column the column name
   * @return this reader
   */
  public CodedDataReader idColumn(String column) {
    this.idColumn = checkNotNull(column, "column");
    return this;
  }

  /**
   * Sets the coder recorded when the file has no coder column.
   *
   * @param name the coder's name
   * @return this reader
   */
  public CodedDataReader coder(String name) {
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
  public CodedDataReader coderColumn(String column) {
    this.coderColumn = checkNotNull(column, "column");
    return this;
  }

  /**
   * Sets the time recorded when the file has no time column.
   *
   * @param instant when the coding was done
   * @return this reader
   */
  public CodedDataReader at(Instant instant) {
    this.at = checkNotNull(instant, "instant");
    return this;
  }

  /**
   * Sets the column giving when each row was coded.
   *
   * @param column the column name
   * @return this reader
   */
  public CodedDataReader timeColumn(String column) {
    this.timeColumn = checkNotNull(column, "column");
    return this;
  }

  /**
   * Sets strict (stop at the first problem, the default) or lenient reading.
   *
   * @param value the mode
   * @return this reader
   */
  public CodedDataReader mode(ReadMode value) {
    this.mode = checkNotNull(value, "mode");
    return this;
  }

  /** Where each coded unit was first met, per coder, for the "coded twice" message. */
  private record Seen(long line, Set<CodeId> codes) {}

  /**
   * Reads the coded data.
   *
   * @param reader the CSV text
   * @param source the file name used in messages
   * @return one coding per coder, the conflicts between coders, and (lenient mode) the problems
   * @throws InvalidInputException in strict mode at the first problem; in either mode when the header lacks the id
   *     column (or the list column)
   * @throws UncheckedIOException when reading fails
   */
  public ManualCoding read(Reader reader, String source) {
    ProblemCollector problems = ProblemCollector.of(source, mode);
    Map<String, Coding.Builder> builders = new LinkedHashMap<>();
    Map<String, Map<UnitId, Seen>> seen = new LinkedHashMap<>();
    try (CsvReader<CsvRecord> csv = CsvReader.builder().skipEmptyLines(true).ignoreDifferentFieldCount(true)
        .detectBomHeader(true).ofCsvRecord(reader)) {
      Iterator<CsvRecord> rows = csv.iterator();
      if (!rows.hasNext()) {
        throw problems.fatal(0, null, null, "the file is empty; expected a header with column " + idColumn);
      }
      CsvRecord header = rows.next();
      long headerLine = header.getStartingLineNumber();
      Map<String, Integer> names = new LinkedHashMap<>();
      for (int i = 0; i < header.getFieldCount(); i++) {
        names.putIfAbsent(header.getField(i).strip(), i);
      }
      int idAt = require(names, idColumn, headerLine, problems);
      int coderAt = coderColumn == null ? -1 : require(names, coderColumn, headerLine, problems);
      int timeAt = timeColumn == null ? -1 : require(names, timeColumn, headerLine, problems);
      int listAt = listColumn == null ? -1 : require(names, listColumn, headerLine, problems);
      int[] codeColumns = new int[0];
      CodeId[] columnCodes = new CodeId[0];
      if (listColumn == null) {
        List<Integer> at = new ArrayList<>();
        List<CodeId> codes = new ArrayList<>();
        for (Code code : codeframe.codable()) {
          Integer column = names.get(code.id().value());
          if (column == null) {
            column = names.get(code.label());
          }
          if (column == null) {
            problems.report(headerLine, code.id().value(), code.label(), "code " + code.id() + " ("
                + code.label() + ") of codeframe " + codeframe.name() + " has no column (by id or label)");
          } else {
            at.add(column);
            codes.add(code.id());
          }
        }
        codeColumns = at.stream().mapToInt(Integer::intValue).toArray();
        columnCodes = codes.toArray(new CodeId[0]);
      }
      while (rows.hasNext()) {
        CsvRecord row = rows.next();
        long line = row.getStartingLineNumber();
        String id = field(row, idAt);
        if (id.isEmpty()) {
          problems.report(line, idColumn, null, "the unit id is blank; the row is left out");
          continue;
        }
        UnitId unit = UnitId.of(id);
        String rowCoder = coder;
        if (coderAt >= 0) {
          rowCoder = field(row, coderAt);
          if (rowCoder.isEmpty()) {
            problems.report(line, coderColumn, null, "the coder is blank; the row is left out");
            continue;
          }
        }
        Instant rowAt = at;
        if (timeAt >= 0) {
          Instant parsed = time(field(row, timeAt));
          if (parsed == null) {
            problems.report(line, timeColumn, field(row, timeAt),
                "not a time (ISO 2026-01-31T10:00:00Z, 2026-01-31 or 31/01/2026); the default time is kept");
          } else {
            rowAt = parsed;
          }
        }
        Set<CodeId> codes = listAt >= 0 ? listCodes(field(row, listAt), line, problems)
            : columnCodes(row, codeColumns, columnCodes, header, line, problems);
        codes = exclusive(codes, unit, line, problems);
        Map<UnitId, Seen> coderSeen = seen.computeIfAbsent(rowCoder, c -> new LinkedHashMap<>());
        Seen first = coderSeen.get(unit);
        if (first != null) {
          problems.report(line, idColumn, id, "unit coded twice by " + rowCoder + " (first on line " + first.line()
              + "); the first coding is kept");
          continue;
        }
        coderSeen.put(unit, new Seen(line, codes));
        Coding.Builder builder = builders.computeIfAbsent(rowCoder, c -> Coding.builder(codeframe));
        builder.unit(unit);
        Provenance provenance = new Provenance.Human(rowCoder, rowAt);
        for (CodeId code : codes) {
          builder.assign(unit, code, provenance);
        }
      }
    } catch (CsvParseException e) {
      throw problems.fatal(0, null, null, "malformed CSV: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
    Map<String, Coding> byCoder = new LinkedHashMap<>();
    builders.forEach((name, builder) -> byCoder.put(name, builder.build()));
    return new ManualCoding(byCoder, conflicts(seen), problems.problems());
  }

  private static int require(Map<String, Integer> names, String column, long line, ProblemCollector problems) {
    Integer at = names.get(column);
    if (at == null) {
      throw problems.fatal(line, column, null, "required column is missing; the header has " + names.keySet());
    }
    return at;
  }

  private static String field(CsvRecord row, int at) {
    // a cell insight neutralised against formula injection (code apply's ids) reads back as written
    return at < row.getFieldCount() ? SpreadsheetText.restore(row.getField(at)).strip() : "";
  }

  private Set<CodeId> columnCodes(CsvRecord row, int[] columns, CodeId[] codes, CsvRecord header, long line,
      ProblemCollector problems) {
    Set<CodeId> result = new LinkedHashSet<>();
    for (int i = 0; i < columns.length; i++) {
      String cell = field(row, columns[i]);
      if (CELL_TRUE.matcher(cell).matches()) {
        result.add(codes[i]);
      } else if (!CELL_FALSE.matcher(cell).matches()) {
        problems.report(line, header.getField(columns[i]), cell, "expected 1, 0 or blank for code " + codes[i]
            + "; the code is left out");
      }
    }
    return result;
  }

  private Set<CodeId> listCodes(String cell, long line, ProblemCollector problems) {
    Set<CodeId> result = new LinkedHashSet<>();
    if (cell.isEmpty()) {
      return result;
    }
    for (String item : cell.split(Pattern.quote(delimiter))) {
      String value = item.strip();
      if (value.isEmpty()) {
        continue;
      }
      CodeId code = lookup(value);
      if (code == null) {
        problems.report(line, listColumn, value, "unknown code (not an id or label of a codable code of codeframe "
            + codeframe.name() + "); it is left out");
      } else if (!result.add(code)) {
        problems.report(line, listColumn, value, "code " + code + " is listed twice");
      }
    }
    return result;
  }

  private @Nullable CodeId lookup(String value) {
    for (Code code : codeframe.codable()) {
      if (code.id().value().equals(value)) {
        return code.id();
      }
    }
    for (Code code : codeframe.codable()) {
      if (code.label().equals(value)) {
        return code.id();
      }
    }
    return null;
  }

  private Set<CodeId> exclusive(Set<CodeId> codes, UnitId unit, long line, ProblemCollector problems) {
    if (codes.size() < 2) {
      return codes;
    }
    Set<CodeId> kept = new LinkedHashSet<>();
    List<CodeId> dropped = new ArrayList<>();
    for (CodeId code : codes) {
      if (codeframe.code(code).isExclusive()) {
        dropped.add(code);
      } else {
        kept.add(code);
      }
    }
    if (dropped.isEmpty()) {
      return codes;
    }
    if (kept.isEmpty()) {
      // several none-codes and nothing else: keep the first
      kept.add(dropped.remove(0));
    }
    problems.report(line, null, unit.value(), "none-code(s) " + dropped + " exclude every other code, but the unit "
        + "also has " + kept + "; the none-code(s) are left out");
    return kept;
  }

  private static @Nullable Instant time(String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDate.parse(value, DAY_MONTH_YEAR).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static List<CoderConflict> conflicts(Map<String, Map<UnitId, Seen>> seen) {
    if (seen.size() < 2) {
      return List.of();
    }
    Map<UnitId, Map<String, Set<CodeId>>> byUnit = new LinkedHashMap<>();
    seen.forEach((coder, units) -> units.forEach((unit, first) ->
        byUnit.computeIfAbsent(unit, u -> new LinkedHashMap<>()).put(coder, first.codes())));
    List<CoderConflict> conflicts = new ArrayList<>();
    byUnit.forEach((unit, codes) -> {
      if (codes.size() > 1 && codes.values().stream().distinct().count() > 1) {
        conflicts.add(new CoderConflict(unit, codes));
      }
    });
    return conflicts;
  }

}
