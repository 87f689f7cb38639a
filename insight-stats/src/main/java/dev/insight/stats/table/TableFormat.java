package dev.insight.stats.table;

import java.util.Locale;

/** The file formats a banner table is written in. */
public enum TableFormat {
  /** One line per cell (question, row, column and every figure): tidy data for programs and spreadsheets. */
  CSV,
  /** The table's structure: columns, blocks with bases, rows, cells and tests; NaN written as null. */
  JSON,
  /** An Excel workbook laid out as a banner table, one sheet. */
  XLSX,
  /** A fixed-width text view for the console. */
  TEXT;

  /**
   * The format for a file name's extension: {@code .csv}, {@code .json}, {@code .xlsx}, {@code .txt}.
   *
   * @param fileName the output file name
   * @return the format
   * @throws IllegalArgumentException for any other extension
   */
  public static TableFormat forFileName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return CSV;
    } else if (name.endsWith(".json")) {
      return JSON;
    } else if (name.endsWith(".xlsx")) {
      return XLSX;
    } else if (name.endsWith(".txt")) {
      return TEXT;
    }
    throw new IllegalArgumentException("output " + fileName + ": the extension must be .csv, .json, .xlsx or .txt");
  }
}
