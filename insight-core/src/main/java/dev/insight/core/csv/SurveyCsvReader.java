package dev.insight.core.csv;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.data.Dataset;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.input.ProblemCollector;
import dev.insight.core.input.ReadMode;
import dev.insight.core.input.ReadResult;
import java.io.FilterReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a survey export in CSV (RFC 4180, header row) into a {@link Dataset}, through {@link CsvFile}: encoding from
 * the byte-order mark or the options (UTF-8 by default, bad bytes an error with their offset), delimiter detected,
 * quotes never closed an error naming their line, columns with blank or repeated names renamed (see
 * {@link CsvHeader}).
 *
 * <p>Every problem names the file, the line (of the record's start, so quoted fields over several lines are
 * counted right), the column and the value: a mapped column missing from the header, a row with more or fewer
 * fields than the header, a blank or duplicate respondent id, an unknown category, a multiple-response flag that
 * is not 0 or 1, text in a numeric column or a number not written as people write them ({@link DecimalNumber}), a
 * file with a header and no respondents. Rows that end in empty fields beyond the header are kept, with a note. In {@link ReadMode#STRICT} the first problem throws; in
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
    return read(file, mapping, mode, CsvOptions.defaults());
  }

  /**
   * Reads a file in the given mode with the given encoding, delimiter and bounds.
   *
   * @param file the CSV file
   * @param mapping which column is which variable
   * @param mode strict or lenient
   * @param options encoding, delimiter and bounds (see {@link CsvFile})
   * @return the dataset with the problems and notes met (no problems in strict mode)
   * @throws InvalidInputException as {@link #read(Path, SurveyMapping, ReadMode)}
   * @throws UncheckedIOException when the file cannot be read
   */
  public static ReadResult<Dataset> read(Path file, SurveyMapping mapping, ReadMode mode, CsvOptions options) {
    checkNotNull(mapping, "mapping");
    ProblemCollector problems = ProblemCollector.of(file.toString(), mode);
    try (CsvFile csv = CsvFile.open(file, options, problems)) {
      return read(csv, mapping);
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
    CsvFile csv = CsvFile.of(new NonClosingReader(reader), CsvOptions.defaults(), problems);
    try {
      return read(csv, mapping);
    } finally {
      csv.close();
    }
  }

  /**
   * Reads the records of an open CSV file, after its header.
   *
   * @param csv the file, positioned after its header
   * @param mapping which column is which variable
   * @return the dataset with the problems and notes met
   * @throws InvalidInputException as {@link #read(Path, SurveyMapping, ReadMode)}
   */
  public static ReadResult<Dataset> read(CsvFile csv, SurveyMapping mapping) {
    ProblemCollector problems = csv.problems();
    CsvHeader header = csv.header();
    long headerLine = csv.headerLine();
    boolean byLine = mapping.idColumn().equals(SurveyMapping.LINE_ID) && header.indexOf(SurveyMapping.LINE_ID)
        .isEmpty();
    int idAt = byLine ? -1 : header.require(mapping.idColumn(), headerLine, problems);
    List<ColumnReader> columns = new ArrayList<>();
    for (ColumnSpec spec : mapping.variables()) {
      columns.add(ColumnReader.of(spec, header, headerLine, problems));
    }
    if (!problems.problems().isEmpty()) {
      // no row can be read as mapped: stop in either mode, naming every missing column
      throw new InvalidInputException(problems.problems());
    }
    int fieldCount = header.size();
    List<String> ids = new ArrayList<>();
    Map<String, Long> lineOfId = new HashMap<>();
    long trailingBlanks = 0;
    long firstTrailing = 0;
    while (csv.next()) {
      long line = csv.line();
      int found = csv.fieldCount();
      if (found != fieldCount) {
        if (found > fieldCount && blankFrom(csv, fieldCount)) {
          if (trailingBlanks++ == 0) {
            firstTrailing = line;
          }
        } else {
          problems.report(line, null, null, "expected " + fieldCount + " fields as in the header but found "
              + found + "; the row is left out");
          continue;
        }
      }
      String id = byLine ? Long.toString(line) : csv.rawField(idAt).strip();
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
        column.read(csv, line, problems);
      }
    }
    if (trailingBlanks > 0) {
      problems.note(firstTrailing, null, null, trailingBlanks + " row" + (trailingBlanks == 1 ? "" : "s")
          + " (the first on line " + firstTrailing + ") end with empty fields beyond the header's " + fieldCount
          + "; the empty fields are ignored");
    }
    if (lineOfId.isEmpty()) {
      throw problems.fatal(headerLine, null, null, "the file has a header but no respondents");
    }
    Dataset.Builder dataset = Dataset.builder(ids);
    for (ColumnReader column : columns) {
      dataset.add(column.build());
    }
    return problems.result(dataset.build());
  }

  private static boolean blankFrom(CsvFile csv, int from) {
    for (int i = from; i < csv.fieldCount(); i++) {
      if (!csv.rawField(i).isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** The caller owns a reader it hands in. */
  private static final class NonClosingReader extends FilterReader {
    NonClosingReader(Reader in) {
      super(in);
    }

    @Override
    public void close() {
      // the caller closes its reader
    }
  }
}
