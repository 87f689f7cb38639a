package dev.insight.codeframe.interchange;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads named columns of a data file (CSV, UTF-8, header row, RFC 4180 quoting) as written, in file order: the
 * comments a model codes, their ids and contexts. Coded files are read by {@link CodedFileReader}.
 *
 * <p>Every problem is reported with file, line and column; a file with problems is not read at all.
 */
public final class DataColumns {
  private DataColumns() {}

  /**
   * Reads the comments of a column, in file order.
   *
   * @param file the CSV file
   * @param textColumn the column holding the comment
   * @return one text per data row
   * @throws InvalidInputException if the column is missing or a row is too short
   * @throws UncheckedIOException if the file cannot be read
   */
  public static List<String> readTexts(Path file, String textColumn) {
    return readColumns(file, List.of(textColumn)).get(0);
  }

  /**
   * Reads several columns in one pass, in file order (e.g. the comment, its id and its context).
   *
   * @param file the CSV file
   * @param columns the columns to read
   * @return one list per column, in the order asked, each with one value per data row
   * @throws InvalidInputException naming every missing column and every row too short to reach a column
   * @throws UncheckedIOException if the file cannot be read
   */
  public static List<List<String>> readColumns(Path file, List<String> columns) {
    String name = file.toString();
    List<InputProblem> problems = new ArrayList<>();
    List<List<String>> values = new ArrayList<>();
    columns.forEach(column -> values.add(new ArrayList<>()));
    try (CsvReader<CsvRecord> csv = reader(file)) {
      Iterator<CsvRecord> rows = csv.iterator();
      int[] at = header(rows, name, columns, problems);
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
      while (rows.hasNext()) {
        CsvRecord row = rows.next();
        for (int c = 0; c < at.length; c++) {
          if (row.getFieldCount() <= at[c]) {
            problems.add(new InputProblem(name, row.getStartingLineNumber(), columns.get(c), null,
                "the row has " + row.getFieldCount() + " fields, too few to reach this column"));
            break;
          }
          values.get(c).add(row.getField(at[c]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return values;
  }

  /**
   * The column names of a CSV file's header row.
   *
   * @param file the CSV file
   * @return the names, stripped, in order
   * @throws InvalidInputException if the file is empty
   * @throws UncheckedIOException if the file cannot be read
   */
  public static List<String> columns(Path file) {
    try (CsvReader<CsvRecord> csv = reader(file)) {
      Iterator<CsvRecord> rows = csv.iterator();
      if (!rows.hasNext()) {
        throw new InvalidInputException(new InputProblem(file.toString(), 0, null, null,
            "the file is empty (no header row)"));
      }
      List<String> names = new ArrayList<>();
      rows.next().getFields().forEach(f -> names.add(f.strip()));
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static CsvReader<CsvRecord> reader(Path file) throws IOException {
    return CsvReader.builder().skipEmptyLines(true).ignoreDifferentFieldCount(true).detectBomHeader(true)
        .ofCsvRecord(file, StandardCharsets.UTF_8);
  }

  private static int[] header(Iterator<CsvRecord> rows, String name, List<String> wanted,
      List<InputProblem> problems) {
    if (!rows.hasNext()) {
      problems.add(new InputProblem(name, 0, null, null, "the file is empty (no header row)"));
      return new int[0];
    }
    CsvRecord header = rows.next();
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < header.getFieldCount(); i++) {
      position.putIfAbsent(header.getField(i).strip(), i);
    }
    int[] at = new int[wanted.size()];
    for (int i = 0; i < wanted.size(); i++) {
      Integer p = position.get(wanted.get(i).strip());
      if (p == null) {
        problems.add(new InputProblem(name, header.getStartingLineNumber(), wanted.get(i), null,
            "no such column in the header; the columns are " + header.getFields()));
      } else {
        at[i] = p;
      }
    }
    return at;
  }
}
