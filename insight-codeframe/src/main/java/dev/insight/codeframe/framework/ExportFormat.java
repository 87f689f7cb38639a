package dev.insight.codeframe.framework;

import java.nio.file.Path;
import java.util.Locale;

/** The formats a framework matrix is exported in. */
public enum ExportFormat {
  /** A wide table: one row per case, one column per theme (UTF-8, RFC 4180). */
  CSV,
  /** The whole matrix with every excerpt, quote and redaction, for other programs. */
  JSON,
  /** An Excel workbook: the matrix, the evidence behind it (one row per excerpt or quote) and the redactions. */
  XLSX,
  /** A self-contained HTML page (no scripts, no external files), every text escaped. */
  HTML;

  /**
   * The format a file name's extension names.
   *
   * @param file the output file
   * @return the format
   * @throws IllegalArgumentException when the extension is not .csv, .json, .xlsx, .html or .htm
   */
  public static ExportFormat forFile(Path file) {
    Path name = file.getFileName();
    String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    if (lower.endsWith(".csv")) {
      return CSV;
    }
    if (lower.endsWith(".json")) {
      return JSON;
    }
    if (lower.endsWith(".xlsx")) {
      return XLSX;
    }
    if (lower.endsWith(".html") || lower.endsWith(".htm")) {
      return HTML;
    }
    throw new IllegalArgumentException("cannot tell the export format of " + file
        + ": use .csv, .json, .xlsx or .html");
  }
}
