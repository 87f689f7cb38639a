package dev.insight.stats.table;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.insight.stats.inference.RaoScottTest;
import dev.insight.core.internal.CsvOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes banner tables as CSV, JSON, XLSX or fixed-width text. */
public final class TableWriter {
  private static final String HIDDEN = "*";

  /**
   * The version of the JSON shape, written as {@code schemaVersion}; the JSON Schema that describes it ships with
   * the {@code insight} command (docs/report-outputs.md, "The JSON").
   */
  public static final String JSON_SCHEMA_VERSION = "1.3";

  private TableWriter() {}

  /**
   * Writes a table.
   *
   * @param table the table
   * @param format the format
   * @param out where to write; flushed, not closed
   * @throws UncheckedIOException when writing fails
   */
  public static void write(BannerTable table, TableFormat format, OutputStream out) {
    try {
      switch (format) {
        case CSV -> csv(table, out);
        case JSON -> json(table, out);
        case XLSX -> xlsx(table, out);
        case TEXT -> text(table, out);
        default -> throw new IllegalStateException("format " + format);
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the table", e);
    }
  }

  /**
   * The fixed-width text view of a table.
   *
   * @param table the table
   * @return the text, lines ending in {@code \n}
   */
  public static String toText(BannerTable table) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    write(table, TableFormat.TEXT, bytes);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- CSV

  private static final List<String> CSV_HEADER = List.of("question", "row_code", "row_label", "row_kind",
      "column_variable", "column_code", "column_label", "column_letter", "base_unweighted", "base_weighted",
      "base_effective", "base_flag", "unweighted_count", "weighted_count", "column_percent", "row_percent", "mean",
      "sd", "quantile", "se", "ci_low", "ci_high", "letters", "versus_rest", "suppressed");

  private static void csv(BannerTable table, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    // labels come from the user's data: every cell goes through the formula-injection defence
    CsvOutput csv = CsvOutput.of(w, true);
    csv.record(CSV_HEADER);
    for (RowBlock block : table.blocks()) {
      for (TableRow row : block.rows()) {
        for (int c = 0; c < table.columns().size(); c++) {
          BannerColumn column = table.columns().get(c);
          Base base = block.bases().get(c);
          Cell cell = row.cells().get(c);
          csv.record(block.variable(), row.code(), row.label(), lower(row.kind()),
              column.isTotal() ? "" : column.variable(), column.code(), column.label(), column.letter(),
              number(base.unweighted()), number(base.weighted()), number(base.effective()), lower(base.flag()),
              number(cell.unweightedCount()), number(cell.weightedCount()), number(cell.columnPercent()),
              number(cell.rowPercent()), number(cell.mean()), number(cell.standardDeviation()),
              number(cell.quantile()), number(cell.standardError()), number(cell.ciLow()), number(cell.ciHigh()),
              cell.letters(),
              lower(cell.versusRest()), Boolean.toString(cell.suppressed()));
        }
      }
    }
    csv.flush();
    w.flush();
  }

  private static String number(double value) {
    if (Double.isNaN(value)) {
      return "";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return String.format(Locale.ROOT, "%.10g", value).replaceAll("0+$", "").replaceAll("\\.$", "");
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  // ---------------------------------------------------------------- JSON

  private static void json(BannerTable table, OutputStream out) throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("schemaVersion", JSON_SCHEMA_VERSION);
      g.writeStringField("kind", "table");
      g.writeArrayFieldStart("columns");
      for (BannerColumn column : table.columns()) {
        g.writeStartObject();
        if (column.isTotal()) {
          g.writeNullField("variable");
        } else {
          g.writeStringField("variable", column.variable());
        }
        g.writeStringField("code", column.code());
        g.writeStringField("label", column.label());
        g.writeStringField("letter", column.letter());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("blocks");
      for (RowBlock block : table.blocks()) {
        g.writeStartObject();
        g.writeStringField("variable", block.variable());
        g.writeStringField("label", block.label());
        g.writeStringField("basis", block.basis());
        g.writeArrayFieldStart("bases");
        for (Base base : block.bases()) {
          g.writeStartObject();
          number(g, "unweighted", base.unweighted());
          number(g, "weighted", base.weighted());
          number(g, "effective", base.effective());
          g.writeStringField("flag", lower(base.flag()));
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("rows");
        for (TableRow row : block.rows()) {
          g.writeStartObject();
          g.writeStringField("code", row.code());
          g.writeStringField("label", row.label());
          g.writeStringField("kind", lower(row.kind()));
          g.writeArrayFieldStart("cells");
          for (Cell cell : row.cells()) {
            g.writeStartObject();
            number(g, "unweightedCount", cell.unweightedCount());
            number(g, "weightedCount", cell.weightedCount());
            number(g, "columnPercent", cell.columnPercent());
            number(g, "rowPercent", cell.rowPercent());
            number(g, "mean", cell.mean());
            number(g, "sd", cell.standardDeviation());
            number(g, "quantile", cell.quantile());
            number(g, "se", cell.standardError());
            number(g, "ciLow", cell.ciLow());
            number(g, "ciHigh", cell.ciHigh());
            g.writeStringField("letters", cell.letters());
            g.writeStringField("versusRest", lower(cell.versusRest()));
            g.writeBooleanField("suppressed", cell.suppressed());
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("tests");
        for (AssociationTest test : block.tests()) {
          RaoScottTest r = test.result();
          g.writeStartObject();
          g.writeStringField("banner", test.bannerVariable());
          g.writeStringField("row", test.row());
          number(g, "pearsonChisq", r.chisq());
          number(g, "chisqPValue", r.chisqPValue());
          number(g, "f", r.f());
          number(g, "ndf", r.ndf());
          number(g, "ddf", r.ddf());
          number(g, "fPValue", r.pValue());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("notes");
      for (String note : table.notes()) {
        g.writeString(note);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  private static void number(JsonGenerator g, String name, double value) throws IOException {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      g.writeNullField(name);
    } else {
      g.writeNumberField(name, value);
    }
  }

  // ---------------------------------------------------------------- text and XLSX share a grid of strings

  /** The table as a grid of display strings: a header row, then per block a title, bases and rows. */
  private static List<List<String>> grid(BannerTable table) {
    List<List<String>> grid = new ArrayList<>();
    List<String> header = new ArrayList<>();
    header.add("");
    List<String> letters = new ArrayList<>();
    letters.add("");
    for (BannerColumn column : table.columns()) {
      header.add(column.label());
      letters.add(column.letter().isEmpty() ? "" : "(" + column.letter() + ")");
    }
    grid.add(header);
    grid.add(letters);
    for (RowBlock block : table.blocks()) {
      grid.add(List.of());
      grid.add(List.of(block.label() + (block.label().equals(block.variable()) ? "" : " [" + block.variable()
          + "]") + " - base: " + block.basis()));
      grid.add(baseLine("Unweighted base", block, b -> count(b.unweighted())));
      grid.add(baseLine("Weighted base", block, b -> count(b.weighted())));
      grid.add(baseLine("Effective base", block, b -> count(b.effective())));
      for (TableRow row : block.rows()) {
        List<String> line = new ArrayList<>();
        line.add(row.label());
        for (Cell cell : row.cells()) {
          if (cell.suppressed()) {
            line.add(HIDDEN);
            continue;
          }
          String value = row.kind() == RowKind.MEAN ? fixed(cell.mean(), 2)
              : row.kind() == RowKind.QUANTILE ? compact(cell.quantile()) : percent(cell.columnPercent());
          line.add(value + marks(cell));
        }
        grid.add(line);
        if (row.kind() == RowKind.MEAN) {
          List<String> sd = new ArrayList<>();
          sd.add("  SD");
          for (Cell cell : row.cells()) {
            sd.add(cell.suppressed() ? HIDDEN : fixed(cell.standardDeviation(), 2));
          }
          grid.add(sd);
        }
        if (row.kind() != RowKind.QUANTILE && hasStandardErrors(row)) {
          List<String> se = new ArrayList<>();
          se.add("  SE");
          for (Cell cell : row.cells()) {
            se.add(cell.suppressed() ? HIDDEN : fixed(cell.standardError(), 2));
          }
          grid.add(se);
        }
        if (row.kind() == RowKind.QUANTILE) {
          List<String> interval = new ArrayList<>();
          interval.add("  95% CI");
          for (Cell cell : row.cells()) {
            interval.add(cell.suppressed() ? HIDDEN : interval(cell.ciLow(), cell.ciHigh()));
          }
          grid.add(interval);
        }
      }
      for (AssociationTest test : block.tests()) {
        RaoScottTest r = test.result();
        grid.add(List.of(String.format(Locale.ROOT, "Rao-Scott %s x %s: F = %.3f on %.2f and %.1f df, p = %.4f",
            test.row(), test.bannerVariable(), r.f(), r.ndf(), r.ddf(), r.pValue())));
      }
    }
    grid.add(List.of());
    grid.add(List.of("Flags: ! small base (tested, read with care); ~ base below the minimum (not tested); "
        + "+/- significantly higher/lower than the rest of the table; * hidden"));
    for (String note : table.notes()) {
      grid.add(List.of(note));
    }
    return grid;
  }

  private static List<String> baseLine(String label, RowBlock block, java.util.function.Function<Base, String> f) {
    List<String> line = new ArrayList<>();
    line.add(label);
    for (Base base : block.bases()) {
      String flag = switch (base.flag()) {
        case SMALL -> "!";
        case NOT_TESTED, EMPTY -> "~";
        default -> "";
      };
      line.add(Double.isNaN(base.unweighted()) ? HIDDEN : f.apply(base) + flag);
    }
    return line;
  }

  private static String marks(Cell cell) {
    String rest = switch (cell.versusRest()) {
      case HIGHER -> "+";
      case LOWER -> "-";
      default -> "";
    };
    return (cell.letters().isEmpty() && rest.isEmpty()) ? "" : " " + cell.letters() + rest;
  }

  /** Whether a percentage or mean row carries its cells' standard errors (asked for with the table). */
  static boolean hasStandardErrors(TableRow row) {
    return row.cells().stream().anyMatch(c -> !Double.isNaN(c.standardError()));
  }

  /** A confidence interval as {@code low to high}; a limit beyond the data (NaN) shown as {@code -}. */
  static String interval(double low, double high) {
    return Double.isNaN(low) && Double.isNaN(high) ? "-" : compact(low) + " to " + compact(high);
  }

  /* A value of the data: whole numbers without decimals (a quantile is one of the values), others with two. */
  private static String compact(double value) {
    return Double.isNaN(value) ? "-" : value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value) : fixed(value, 2);
  }

  private static String percent(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f%%", value);
  }

  private static String fixed(double value, int digits) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + digits + "f", value);
  }

  private static String count(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.0f", value);
  }

  private static void text(BannerTable table, OutputStream out) {
    List<List<String>> grid = grid(table);
    int labelWidth = 24;
    int width = 9;
    for (List<String> line : grid) {
      if (line.size() > 1) {
        labelWidth = Math.max(labelWidth, Math.min(40, line.get(0).length() + 1));
        for (int i = 1; i < line.size(); i++) {
          // wide enough for an interval (quantile rows) without cutting it
          width = Math.max(width, Math.min(24, line.get(i).length() + 1));
        }
      }
    }
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    PrintWriter p = new PrintWriter(w);
    for (List<String> line : grid) {
      StringBuilder s = new StringBuilder();
      if (line.size() == 1) {
        s.append(line.get(0));
      } else if (!line.isEmpty()) {
        s.append(pad(line.get(0), labelWidth, false));
        for (int i = 1; i < line.size(); i++) {
          s.append(pad(line.get(i), width, true));
        }
      }
      p.print(s.toString().stripTrailing() + "\n");
    }
    p.flush();
  }

  private static String pad(String text, int width, boolean right) {
    String t = text.length() >= width ? text.substring(0, width - 1) : text;
    String spaces = " ".repeat(width - t.length());
    return right ? spaces + t : t + spaces;
  }

  /**
   * A sheet of text added after the tables in a workbook, such as the quotes listed under each code.
   *
   * @param name the sheet's name (made valid and unique)
   * @param title the title in its first row
   * @param header the column headings
   * @param rows the rows; every cell is neutralised so a spreadsheet never runs it as a formula
   */
  public record TextSheet(String name, String title, List<String> header, List<List<String>> rows) {
    /**
     * Copies the lists.
     *
     * @param name the sheet's name
     * @param title the title in its first row
     * @param header the column headings
     * @param rows the rows
     */
    public TextSheet {
      header = List.copyOf(header);
      rows = rows.stream().map(List::copyOf).toList();
    }
  }

  /**
   * Writes a table as an XLSX workbook (contents, one sheet per question) followed by sheets of text.
   *
   * @param table the table
   * @param extra the text sheets to add after the tables
   * @param out where to write; flushed, not closed
   * @throws UncheckedIOException when writing fails
   */
  public static void xlsx(BannerTable table, List<TextSheet> extra, OutputStream out) {
    try {
      XlsxTables.write(table, extra, out);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the table", e);
    }
  }

  private static void xlsx(BannerTable table, OutputStream out) throws IOException {
    XlsxTables.write(table, List.of(), out);
  }

}
