package dev.insight.examples.cli;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.csv.RowSource;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.input.ProblemCollector;
import dev.insight.core.internal.zip.BoundedZip;
import dev.insight.core.internal.zip.ZipLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.jspecify.annotations.Nullable;

/**
 * One sheet of an XLSX workbook as rows of text, the same rows the CSV reader gives for the sheet saved as CSV:
 * text as written, numbers as written (no float noise, no thousands separators), cells formatted as dates as ISO
 * dates ({@code 2024-03-01}, or {@code 2024-03-01T09:30} with a time), booleans as {@code TRUE}/{@code FALSE},
 * a formula's stored result. A cell holding an error ({@code #N/A}, {@code #DIV/0!}, ...) is a problem naming the
 * sheet, the cell and the error; in lenient mode the cell is read as no answer.
 *
 * <p>The archive is read within insight's zip limits before the reader opens it (every entry inflated once and
 * counted), so a zip bomb is refused with a message rather than exhausting memory; the streaming reader then holds
 * one row at a time.
 */
final class XlsxRows implements RowSource {
  private final ReadableWorkbook workbook;
  private final Stream<Row> stream;
  private final Iterator<Row> rows;
  private final String sheet;
  private final ProblemCollector problems;
  private String[] fields = new String[0];
  private long line;
  /** Whether each number format met is a date format, by its id. */
  private final java.util.Map<Integer, Boolean> dateFormats = new java.util.HashMap<>();

  private XlsxRows(ReadableWorkbook workbook, Stream<Row> stream, String sheet, ProblemCollector problems) {
    this.workbook = workbook;
    this.stream = stream;
    this.rows = stream.iterator();
    this.sheet = sheet;
    this.problems = problems;
  }

  /** Whether a file is read as XLSX: by its name. */
  static boolean isXlsx(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".xlsx") || name.endsWith(".xlsm");
  }

  /**
   * Opens a sheet: the one named, or the first.
   *
   * @throws dev.insight.core.input.InvalidInputException when the archive passes a zip limit, is not a workbook, or
   *     has no sheet of that name (the message lists the sheets)
   */
  static XlsxRows open(Path file, @Nullable String sheetName, ProblemCollector problems) {
    checkNotNull(file, "file");
    BoundedZip.check(file, ZipLimits.defaults());
    boolean styled;
    try (BoundedZip zip = BoundedZip.open(file, ZipLimits.defaults())) {
      // the reader needs a styles part to give cell formats; without one no cell is formatted as a date
      styled = zip.read("[Content_Types].xml").map(b -> new String(b, StandardCharsets.UTF_8))
          .filter(types -> types.contains("spreadsheetml.styles+xml")).isPresent();
    }
    ReadableWorkbook workbook;
    try {
      workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(styled, false));
    } catch (IOException | RuntimeException e) {
      throw problems.fatal(0, null, null, "not a readable XLSX workbook (" + e.getMessage() + ")");
    }
    try {
      Sheet sheet;
      if (sheetName == null) {
        sheet = workbook.getFirstSheet();
      } else {
        sheet = workbook.findSheet(sheetName).orElse(null);
        if (sheet == null) {
          String names = workbook.getSheets().map(s -> "'" + s.getName() + "'").collect(Collectors.joining(", "));
          throw problems.fatal(0, null, sheetName, "no sheet named '" + sheetName + "'; the workbook's sheets are "
              + names);
        }
      }
      return new XlsxRows(workbook, sheet.openStream(), sheet.getName(), problems);
    } catch (IOException e) {
      closeQuietly(workbook);
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (RuntimeException e) {
      closeQuietly(workbook);
      throw e;
    }
  }

  @Override
  public boolean next() {
    try {
      return advance();
    } catch (InvalidInputException e) {
      throw e;
    } catch (RuntimeException e) {
      // a sheet whose XML breaks off or is malformed: name the file and the last row read, not the reader's class
      throw problems.fatal(line + 1, null, null, "sheet '" + sheet + "' cannot be read past row " + line + " ("
          + e.getMessage() + ")");
    }
  }

  private boolean advance() {
    while (rows.hasNext()) {
      Row row = rows.next();
      line = row.getRowNum();
      int width = 0;
      for (int i = row.getCellCount() - 1; i >= 0; i--) {
        Cell cell = row.getCell(i);
        if (cell != null && occupied(cell)) {
          width = i + 1;
          break;
        }
      }
      if (width == 0) {
        continue;
      }
      String[] cells = new String[width];
      for (int i = 0; i < width; i++) {
        Cell cell = row.getCell(i);
        cells[i] = cell == null ? "" : text(cell);
      }
      fields = cells;
      return true;
    }
    return false;
  }

  /** Whether a cell holds anything: a value, an error or a formula. */
  private static boolean occupied(Cell cell) {
    return switch (cell.getType()) {
      case EMPTY -> false;
      case STRING -> cell.getRawValue() != null && !cell.getRawValue().isEmpty();
      default -> true;
    };
  }

  /** A cell as text; an error cell, or a formula without a stored result, reported and read as blank. */
  private String text(Cell cell) {
    String raw = cell.getRawValue();
    switch (cell.getType()) {
      case EMPTY:
        return "";
      case ERROR:
        problems.report(line, cell.getAddress().toString(), raw, "sheet '" + sheet + "', cell "
            + cell.getAddress() + " holds the spreadsheet error " + raw + "; correct it in the workbook (read as "
            + "no answer with --lenient)");
        return "";
      case BOOLEAN:
        return "1".equals(raw) || "true".equalsIgnoreCase(raw) ? "TRUE" : "FALSE";
      case NUMBER:
        return number(cell, raw);
      case FORMULA:
        if (raw == null || raw.isEmpty()) {
          problems.report(line, cell.getAddress().toString(), "=" + cell.getFormula(), "sheet '" + sheet
              + "', cell " + cell.getAddress() + " holds a formula with no stored result; open the workbook in "
              + "a spreadsheet program and save it, so the result is stored");
          return "";
        }
        if (raw.startsWith("#")) {
          problems.report(line, cell.getAddress().toString(), raw, "sheet '" + sheet + "', cell "
              + cell.getAddress() + " holds a formula whose result is the spreadsheet error " + raw);
          return "";
        }
        return isNumber(raw) ? number(cell, raw) : raw;
      case STRING:
      default:
        return raw == null ? "" : raw;
    }
  }

  private static boolean isNumber(String raw) {
    try {
      new BigDecimal(raw);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private String number(Cell cell, @Nullable String raw) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    if (isDate(cell)) {
      LocalDateTime date = cell.asDate();
      return date.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? date.toLocalDate().toString()
          : date.toString();
    }
    return plain(raw);
  }

  /** A number as a person writes it: no exponent, no trailing zeros after the point. */
  static String plain(String raw) {
    int point = -1;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '.' && point < 0) {
        point = i;
      } else if (!(c >= '0' && c <= '9' || c == '-' && i == 0)) {
        // an exponent or anything unusual: the exact decimal value, written out
        BigDecimal value = new BigDecimal(raw).stripTrailingZeros();
        return value.signum() == 0 ? "0" : value.toPlainString();
      }
    }
    if (point < 0) {
      return raw.equals("-0") ? "0" : raw;
    }
    int end = raw.length();
    while (end > point + 1 && raw.charAt(end - 1) == '0') {
      end--;
    }
    if (end == point + 1) {
      end = point;
    }
    String value = raw.substring(0, end);
    return value.equals("-0") || value.isEmpty() || value.equals("-") ? "0" : value;
  }

  /** Whether a number cell is formatted as a date: Excel's built-in date formats, or a format of day and month. */
  private boolean isDate(Cell cell) {
    Integer id = cell.getDataFormatId();
    if (id == null) {
      return false;
    }
    return dateFormats.computeIfAbsent(id, k -> isDateFormat(k, cell.getDataFormatString()));
  }

  private static boolean isDateFormat(int id, @Nullable String format) {
    if (id >= 14 && id <= 22 || id >= 45 && id <= 47) {
      return true;
    }
    if (format == null) {
      return false;
    }
    // drop quoted text, escaped characters and [colour]/[locale] sections before looking for date letters
    String bare = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\\\.", "").replaceAll("\\[[^\\]]*\\]", "")
        .toLowerCase(Locale.ROOT);
    return bare.matches(".*[dy].*") || bare.contains("mmm");
  }

  @Override
  public String[] fields() {
    return fields.clone();
  }

  @Override
  public long line() {
    return line;
  }

  @Override
  public String describe() {
    return "XLSX, sheet " + sheet;
  }

  @Override
  public void close() {
    stream.close();
    try {
      workbook.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + problems.source(), e);
    }
  }

  private static void closeQuietly(ReadableWorkbook workbook) {
    try {
      workbook.close();
    } catch (IOException ignored) {
      // the open already failed; that failure is the one to report
    }
  }
}
