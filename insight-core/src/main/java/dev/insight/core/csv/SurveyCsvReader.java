package dev.insight.core.csv;

import static com.google.common.base.Preconditions.checkNotNull;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.insight.core.data.Dataset;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.input.ProblemCollector;
import dev.insight.core.input.ReadMode;
import dev.insight.core.input.ReadResult;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a survey export in CSV (RFC 4180, UTF-8, optional byte-order mark, header row) into a {@link Dataset}.
 *
 * <p>Every problem names the file, the line (of the record's start, so quoted fields over several lines are
 * counted right), the column and the value: a mapped column missing from the header, a row with more or fewer
 * fields than the header, a blank or duplicate respondent id, an unknown category, a multiple-response flag that
 * is not 0 or 1, text in a numeric column. In {@link ReadMode#STRICT} the first problem throws; in
 * {@link ReadMode#LENIENT} a bad cell becomes "no answer" and is reported, a row that cannot be kept (wrong number
 * of fields, bad id) is reported and left out, and a missing column still stops the read because no row could be
 * read as mapped.
 */
public final class SurveyCsvReader {
  private SurveyCsvReader() {}

  /**
   * Reads a file strictly.
   *
   * @param file the CSV file
   * @param mapping which column is which variable
   * @return the dataset
   * @throws InvalidInputException on the first problem, naming file, line, column and value
   * @throws UncheckedIOException when the file cannot be read
   */
  public static Dataset read(Path file, SurveyMapping mapping) {
    return read(file, mapping, ReadMode.STRICT).value();
  }

  /**
   * Reads a file in the given mode.
   *
   * @param file the CSV file
   * @param mapping which column is which variable
   * @param mode strict or lenient
   * @return the dataset with the problems met (none in strict mode)
   * @throws InvalidInputException in strict mode on the first problem; in either mode when a mapped column is
   *     missing or the file is empty
   * @throws UncheckedIOException when the file cannot be read
   */
  public static ReadResult<Dataset> read(Path file, SurveyMapping mapping, ReadMode mode) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, file.toString(), mapping, mode);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read survey file " + file, e);
    }
  }

  /**
   * Reads CSV text in the given mode.
   *
   * @param reader the CSV text; not closed
   * @param source the file name used in messages
   * @param mapping which column is which variable
   * @param mode strict or lenient
   * @return the dataset with the problems met (none in strict mode)
   * @throws InvalidInputException as {@link #read(Path, SurveyMapping, ReadMode)}
   */
  public static ReadResult<Dataset> read(Reader reader, String source, SurveyMapping mapping, ReadMode mode) {
    checkNotNull(mapping, "mapping");
    ProblemCollector problems = ProblemCollector.of(source, mode);
    CsvReader<CsvRecord> csv = CsvReader.builder().skipEmptyLines(true).ignoreDifferentFieldCount(true)
        .detectBomHeader(true).ofCsvRecord(reader);
    try {
      var rows = csv.iterator();
      if (!rows.hasNext()) {
        throw problems.fatal(0, null, null, "the file is empty: expected a header row");
      }
      CsvRecord headerRecord = rows.next();
      Header header = Header.of(headerRecord, problems);
      int idAt = header.require(mapping.idColumn(), headerRecord.getStartingLineNumber(), problems);
      List<ColumnReader> columns = new ArrayList<>();
      for (ColumnSpec spec : mapping.variables()) {
        columns.add(ColumnReader.of(spec, header, headerRecord.getStartingLineNumber(), problems));
      }
      if (!problems.problems().isEmpty()) {
        throw new InvalidInputException(problems.problems());
      }
      int fieldCount = header.size();
      List<String> ids = new ArrayList<>();
      Map<String, Long> lineOfId = new HashMap<>();
      while (rows.hasNext()) {
        CsvRecord row = rows.next();
        long line = row.getStartingLineNumber();
        if (row.getFieldCount() != fieldCount) {
          problems.report(line, null, null, "expected " + fieldCount + " fields as in the header but found "
              + row.getFieldCount() + "; the row is left out");
          continue;
        }
        String id = row.getField(idAt).strip();
        if (id.isEmpty()) {
          problems.report(line, mapping.idColumn(), id, "respondent id is blank; the row is left out");
          continue;
        }
        Long first = lineOfId.putIfAbsent(id, line);
        if (first != null) {
          problems.report(line, mapping.idColumn(), id, "duplicate respondent id, first seen on line " + first
              + "; the row is left out");
          continue;
        }
        ids.add(id);
        for (ColumnReader column : columns) {
          column.read(row, line, problems);
        }
      }
      Dataset.Builder dataset = Dataset.builder(ids);
      for (ColumnReader column : columns) {
        dataset.add(column.build());
      }
      return problems.result(dataset.build());
    } finally {
      try {
        csv.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close " + source, e);
      }
    }
  }

  /** The header row: column name to position. */
  static final class Header {
    private final Map<String, Integer> positions;
    private final Map<String, Integer> duplicates;
    private final int size;

    private Header(Map<String, Integer> positions, Map<String, Integer> duplicates, int size) {
      this.positions = positions;
      this.duplicates = duplicates;
      this.size = size;
    }

    static Header of(CsvRecord record, ProblemCollector problems) {
      Map<String, Integer> positions = new HashMap<>();
      Map<String, Integer> duplicates = new HashMap<>();
      for (int i = 0; i < record.getFieldCount(); i++) {
        String name = record.getField(i).strip();
        if (positions.putIfAbsent(name, i) != null) {
          duplicates.put(name, i);
        }
      }
      return new Header(positions, duplicates, record.getFieldCount());
    }

    int size() {
      return size;
    }

    /** The column's position, or -1 after reporting it missing or ambiguous. */
    int require(String column, long line, ProblemCollector problems) {
      Integer at = positions.get(column);
      if (at == null) {
        problems.report(line, column, null, "missing column; the header has " + positions.keySet().stream()
            .sorted().toList());
        return -1;
      }
      if (duplicates.containsKey(column)) {
        problems.report(line, column, null, "the header names this column twice (positions " + (at + 1)
            + " and " + (duplicates.get(column) + 1) + ")");
        return -1;
      }
      return at;
    }
  }
}
