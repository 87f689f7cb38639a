package dev.insight.core.csv;

import java.io.Closeable;

/**
 * Rows already split into cells, from a source that is not CSV text (a spreadsheet's sheet), read through
 * {@link CsvFile#of(RowSource, CsvOptions, dev.insight.core.input.ProblemCollector)} so its header and records
 * follow the same rules as a CSV file's.
 */
public interface RowSource extends Closeable {
  /**
   * Moves to the next row that holds a cell; blank rows are skipped, as empty lines of CSV are.
   *
   * @return false after the last row
   * @throws dev.insight.core.input.InvalidInputException when a cell cannot be read (naming it)
   */
  boolean next();

  /**
   * The cells of the current row as text, as the CSV reader would give them.
   *
   * @return the cells, a new array the caller may keep
   */
  String[] fields();

  /**
   * The 1-based number of the current row in its source, used in place of a line number in problems.
   *
   * @return the row number
   */
  long line();

  /**
   * What the source is, in words, such as {@code XLSX, sheet Responses}.
   *
   * @return a description
   */
  String describe();

  /**
   * The label of each column of the first row, when the source knows them (the question text of a Triple-S
   * variable), in place of the column names; empty when it does not.
   *
   * @return one label per column of the first row, or an empty list
   */
  default java.util.List<String> labels() {
    return java.util.List.of();
  }

  /**
   * The option each column of the first row stands for (an option of a multiple-response question), blank for the
   * others, when the source knows them; empty when it does not.
   *
   * @return one option text per column of the first row, or an empty list
   */
  default java.util.List<String> options() {
    return java.util.List.of();
  }

  /** Closes the source; unchecked, as {@link CsvFile#close()} is. */
  @Override
  void close();
}
