package dev.insight.stats.table;

import dev.insight.core.internal.SpreadsheetText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.HyperLink;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A banner table as a workbook an analyst can work in: a contents sheet, then one sheet per question with the banner
 * variables' names over their columns, every figure a number with a percentage or count format, significance letters
 * in their own column beside each percentage, the three bases in their own rows, the title rows frozen and repeated
 * on every printed page, landscape and fitted to the page width.
 *
 * <p>fastexcel streams each sheet and so writes its dimension as {@code A1}; readers that trust the dimension
 * (openpyxl's read-only mode) then see one cell. The finished file is rewritten with each sheet's true dimension.
 */
final class XlsxTables {
  private static final String PERCENT = "0%";
  private static final String COUNT = "#,##0";
  private static final String DECIMAL = "0.00";
  private static final String P_VALUE = "0.000";
  private static final String HIDDEN = "*";
  /** Rows above the data: title, basis, banner variables, column labels, column letters. */
  private static final int HEADER_ROWS = 5;

  private XlsxTables() {}

  static void write(BannerTable table, List<TableWriter.TextSheet> extra, OutputStream out) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Workbook workbook = new Workbook(bytes, "insight", "1.0");
    List<String> dimensions = new ArrayList<>();
    Worksheet contents = workbook.newWorksheet("Contents");
    List<String> names = sheetNames(table, extra);
    contents.value(0, 0, "Tables");
    contents.style(0, 0).bold().fontSize(14).set();
    contents.value(1, 0, "Sheet");
    contents.value(1, 1, "Question");
    contents.value(1, 2, "Base");
    contents.range(1, 0, 1, 2).style().bold().set();
    for (int b = 0; b < table.blocks().size(); b++) {
      RowBlock block = table.blocks().get(b);
      contents.hyperlink(2 + b, 0, HyperLink.internal("'" + names.get(b) + "'!A1", names.get(b)));
      text(contents, 2 + b, 1, block.label());
      text(contents, 2 + b, 2, block.basis());
    }
    for (int x = 0; x < extra.size(); x++) {
      String name = names.get(table.blocks().size() + x);
      contents.hyperlink(2 + table.blocks().size() + x, 0, HyperLink.internal("'" + name + "'!A1", name));
      text(contents, 2 + table.blocks().size() + x, 1, extra.get(x).title());
    }
    int lastContentsRow = 1 + table.blocks().size() + extra.size();
    if (!table.notes().isEmpty()) {
      lastContentsRow++;
      for (String note : table.notes()) {
        text(contents, ++lastContentsRow, 0, note);
      }
    }
    contents.width(0, 12);
    contents.width(1, 60);
    contents.width(2, 40);
    dimensions.add(ref(lastContentsRow, 2));
    for (int b = 0; b < table.blocks().size(); b++) {
      Worksheet sheet = workbook.newWorksheet(names.get(b));
      dimensions.add(block(sheet, table, table.blocks().get(b)));
    }
    for (int x = 0; x < extra.size(); x++) {
      Worksheet sheet = workbook.newWorksheet(names.get(table.blocks().size() + x));
      dimensions.add(textSheet(sheet, extra.get(x)));
    }
    workbook.finish();
    out.write(withDimensions(bytes.toByteArray(), dimensions));
  }

  /* A line under a row: a quantile's interval limits, or a cell's standard error, in each column; the next row. */
  private static int quantileDetail(Worksheet sheet, int r, String label, TableRow row,
      java.util.function.ToDoubleFunction<Cell> value) {
    text(sheet, r, 0, label);
    for (int c = 0; c < row.cells().size(); c++) {
      Cell cell = row.cells().get(c);
      if (cell.suppressed()) {
        sheet.value(r, 1 + 2 * c, HIDDEN);
        sheet.style(r, 1 + 2 * c).horizontalAlignment("right").set();
      } else {
        number(sheet, r, 1 + 2 * c, value.applyAsDouble(cell), DECIMAL);
      }
    }
    return r + 1;
  }

  /** Writes one question's sheet; returns its dimension. */
  private static String block(Worksheet sheet, BannerTable table, RowBlock block) {
    List<BannerColumn> columns = table.columns();
    List<String> tested = new ArrayList<>();
    block.tests().forEach(t -> {
      if (!tested.contains(t.bannerVariable())) {
        tested.add(t.bannerVariable());
      }
    });
    int lastColumn = 2 * columns.size() + tested.size();
    text(sheet, 0, 0, block.label());
    sheet.style(0, 0).bold().fontSize(13).set();
    text(sheet, 1, 0, "Base: " + block.basis() + ". Column percentages; the letter column beside each shows the "
        + "columns it is significantly higher than.");
    // banner variables over their columns: each banner column takes two sheet columns (value, letters)
    sheet.value(2, 0, "Banner");
    sheet.value(3, 0, "Answer");
    sheet.value(4, 0, "Column letter");
    int i = 0;
    while (i < columns.size()) {
      String variable = columns.get(i).variable();
      int span = 1;
      while (i + span < columns.size() && Objects.equals(columns.get(i + span).variable(), variable)) {
        span++;
      }
      text(sheet, 2, 1 + 2 * i, variable == null ? "Total" : variable);
      if (span * 2 > 1) {
        sheet.range(2, 1 + 2 * i, 2, 2 * (i + span)).merge();
      }
      i += span;
    }
    for (int c = 0; c < columns.size(); c++) {
      BannerColumn column = columns.get(c);
      text(sheet, 3, 1 + 2 * c, column.label());
      sheet.value(3, 2 + 2 * c, "Sig.");
      if (!column.letter().isEmpty()) {
        text(sheet, 4, 1 + 2 * c, column.letter());
      }
    }
    for (int t = 0; t < tested.size(); t++) {
      sheet.value(2, 1 + 2 * columns.size() + t, "Rao-Scott p");
      text(sheet, 3, 1 + 2 * columns.size() + t, "by " + tested.get(t));
    }
    sheet.range(2, 0, 4, lastColumn).style().bold().horizontalAlignment("center").wrapText(true).set();
    sheet.style(3, 0).bold().horizontalAlignment("left").set();
    int r = HEADER_ROWS;
    r = baseRow(sheet, r, "Unweighted base", block, Base::unweighted);
    r = baseRow(sheet, r, "Weighted base", block, Base::weighted);
    r = baseRow(sheet, r, "Effective base", block, Base::effective);
    for (TableRow row : block.rows()) {
      text(sheet, r, 0, row.label());
      for (int c = 0; c < columns.size(); c++) {
        Cell cell = row.cells().get(c);
        int at = 1 + 2 * c;
        if (cell.suppressed()) {
          sheet.value(r, at, HIDDEN);
          sheet.style(r, at).horizontalAlignment("right").set();
        } else if (row.kind() == RowKind.MEAN) {
          number(sheet, r, at, cell.mean(), DECIMAL);
        } else if (row.kind() == RowKind.QUANTILE) {
          number(sheet, r, at, cell.quantile(), DECIMAL);
        } else {
          number(sheet, r, at, cell.columnPercent() / 100, PERCENT);
        }
        String marks = cell.letters() + switch (cell.versusRest()) {
          case HIGHER -> "+";
          case LOWER -> "-";
          default -> "";
        };
        if (!marks.isEmpty() && !cell.suppressed()) {
          sheet.value(r, at + 1, marks);
        }
      }
      for (int t = 0; t < tested.size(); t++) {
        String variable = tested.get(t);
        for (AssociationTest test : block.tests()) {
          if (test.bannerVariable().equals(variable) && (test.row().equals(row.code())
              || test.row().equals(block.variable()) && block.rows().size() == 1)) {
            number(sheet, r, 1 + 2 * columns.size() + t, test.result().pValue(), P_VALUE);
          }
        }
      }
      r++;
      if (row.kind() != RowKind.QUANTILE && TableWriter.hasStandardErrors(row)) {
        r = quantileDetail(sheet, r, "  Standard error" + (row.kind() == RowKind.MEAN ? "" : " (points)"), row,
            Cell::standardError);
      }
      if (row.kind() == RowKind.QUANTILE) {
        r = quantileDetail(sheet, r, "  Lower 95% limit", row, Cell::ciLow);
        r = quantileDetail(sheet, r, "  Upper 95% limit", row, Cell::ciHigh);
        r = quantileDetail(sheet, r, "  Standard error", row, Cell::standardError);
      }
    }
    int last = r - 1;
    if (!table.notes().isEmpty()) {
      r++;
      for (String note : table.notes()) {
        text(sheet, r, 0, note);
        last = r++;
      }
    }
    sheet.width(0, 36);
    for (int c = 0; c < columns.size(); c++) {
      sheet.width(1 + 2 * c, 10);
      sheet.width(2 + 2 * c, 5);
    }
    for (int t = 0; t < tested.size(); t++) {
      sheet.width(1 + 2 * columns.size() + t, 12);
    }
    sheet.freezePane(1, HEADER_ROWS);
    sheet.pageOrientation("landscape");
    sheet.setFitToPage(true);
    sheet.fitToWidth((short) 1);
    sheet.fitToHeight((short) 0);
    sheet.repeatRows(0, HEADER_ROWS - 1);
    sheet.repeatCols(0);
    return ref(last, lastColumn);
  }

  private interface BaseValue {
    double of(Base base);
  }

  private static int baseRow(Worksheet sheet, int r, String label, RowBlock block, BaseValue value) {
    sheet.value(r, 0, label);
    sheet.style(r, 0).italic().set();
    for (int c = 0; c < block.bases().size(); c++) {
      Base base = block.bases().get(c);
      number(sheet, r, 1 + 2 * c, value.of(base), COUNT);
      String flag = switch (base.flag()) {
        case SMALL -> "small";
        case NOT_TESTED, EMPTY -> "not tested";
        default -> "";
      };
      if (!flag.isEmpty()) {
        sheet.value(r, 2 + 2 * c, flag);
      }
    }
    return r + 1;
  }

  /** A text cell from the user's data (labels, names, notes), neutralised so a spreadsheet never runs it. */
  private static void text(Worksheet sheet, int r, int c, String value) {
    sheet.value(r, c, SpreadsheetText.neutralise(value));
  }

  /** A number with its format, or a hidden marker where it does not exist. */
  private static void number(Worksheet sheet, int r, int c, double value, String format) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      sheet.value(r, c, "-");
      sheet.style(r, c).horizontalAlignment("right").set();
    } else {
      sheet.value(r, c, value);
      sheet.style(r, c).format(format).set();
    }
  }

  private static String textSheet(Worksheet sheet, TableWriter.TextSheet text) {
    text(sheet, 0, 0, text.title());
    sheet.style(0, 0).bold().fontSize(13).set();
    int last = text.header().size() - 1;
    for (int c = 0; c < text.header().size(); c++) {
      text(sheet, 1, c, text.header().get(c));
    }
    sheet.range(1, 0, 1, Math.max(0, last)).style().bold().set();
    int r = 2;
    for (List<String> row : text.rows()) {
      for (int c = 0; c < row.size(); c++) {
        text(sheet, r, c, row.get(c));
      }
      last = Math.max(last, row.size() - 1);
      r++;
    }
    for (int c = 0; c <= last; c++) {
      sheet.width(c, c == last ? 80 : 18);
    }
    sheet.range(2, last, Math.max(2, r - 1), last).style().wrapText(true).set();
    sheet.freezePane(0, 2);
    sheet.pageOrientation("landscape");
    sheet.setFitToPage(true);
    sheet.fitToWidth((short) 1);
    sheet.fitToHeight((short) 0);
    sheet.repeatRows(0, 1);
    return ref(Math.max(1, r - 1), Math.max(0, last));
  }

  /**
   * A sheet name per question (its variable) and per text sheet, made valid (31 characters, none of []:*?/\, no
   * leading formula sign) and unique.
   */
  static List<String> sheetNames(BannerTable table, List<TableWriter.TextSheet> extra) {
    List<String> wanted = new ArrayList<>();
    table.blocks().forEach(b -> wanted.add(b.variable()));
    extra.forEach(x -> wanted.add(x.name()));
    List<String> names = new ArrayList<>();
    for (String variable : wanted) {
      String name = variable.replaceAll("[\\[\\]:*?/\\\\']", "_").replaceFirst("^[=+@\\-]", "_");
      if (name.isBlank() || name.equalsIgnoreCase("Contents")) {
        name = "Table " + (names.size() + 1);
      }
      name = name.length() > 28 ? name.substring(0, 28) : name;
      String unique = name;
      for (int n = 2; containsIgnoreCase(names, unique); n++) {
        unique = name + " " + n;
      }
      names.add(unique);
    }
    return names;
  }

  private static boolean containsIgnoreCase(List<String> names, String name) {
    return names.stream().anyMatch(n -> n.equalsIgnoreCase(name));
  }

  /** "A1:D12" for the last row and column (0-based). */
  private static String ref(int lastRow, int lastColumn) {
    return "A1:" + column(lastColumn) + (lastRow + 1);
  }

  private static String column(int index) {
    StringBuilder name = new StringBuilder();
    for (int c = index + 1; c > 0; c = (c - 1) / 26) {
      name.insert(0, (char) ('A' + (c - 1) % 26));
    }
    return name.toString();
  }

  /**
   * Copies the workbook, replacing each sheet's streamed {@code <dimension ref="A1"/>} with its true range. The
   * entries are found through the zip's central directory, since fastexcel's streamed local headers carry no sizes.
   */
  private static byte[] withDimensions(byte[] xlsx, List<String> dimensions) throws IOException {
    ByteBuffer zip = ByteBuffer.wrap(xlsx).order(ByteOrder.LITTLE_ENDIAN);
    int end = xlsx.length - 22;
    while (end >= 0 && zip.getInt(end) != 0x06054b50) {
      end--;
    }
    if (end < 0) {
      throw new IOException("the workbook has no zip directory");
    }
    int entries = Short.toUnsignedInt(zip.getShort(end + 10));
    int at = zip.getInt(end + 16);
    ByteArrayOutputStream copy = new ByteArrayOutputStream(xlsx.length + 256);
    try (ZipOutputStream out = new ZipOutputStream(copy)) {
      for (int e = 0; e < entries; e++) {
        if (zip.getInt(at) != 0x02014b50) {
          throw new IOException("bad zip directory entry " + e);
        }
        int method = Short.toUnsignedInt(zip.getShort(at + 10));
        int compressed = zip.getInt(at + 20);
        int size = zip.getInt(at + 24);
        int nameLength = Short.toUnsignedInt(zip.getShort(at + 28));
        int extraLength = Short.toUnsignedInt(zip.getShort(at + 30));
        int commentLength = Short.toUnsignedInt(zip.getShort(at + 32));
        int local = zip.getInt(at + 42);
        String name = new String(xlsx, at + 46, nameLength, StandardCharsets.UTF_8);
        at += 46 + nameLength + extraLength + commentLength;
        int data = local + 30 + Short.toUnsignedInt(zip.getShort(local + 26))
            + Short.toUnsignedInt(zip.getShort(local + 28));
        byte[] content = method == 0 ? java.util.Arrays.copyOfRange(xlsx, data, data + size)
            : inflate(xlsx, data, compressed, size);
        if (name.startsWith("xl/worksheets/sheet") && name.endsWith(".xml")) {
          int index = Integer.parseInt(name.substring("xl/worksheets/sheet".length(), name.length() - 4)) - 1;
          String xml = new String(content, StandardCharsets.UTF_8);
          String fixed = xml.replaceFirst("<dimension ref=\"A1\"/>",
              "<dimension ref=\"" + dimensions.get(index) + "\"/>");
          if (fixed.equals(xml)) {
            throw new IllegalStateException("no dimension to set in " + name);
          }
          content = fixed.getBytes(StandardCharsets.UTF_8);
        }
        ZipEntry written = new ZipEntry(name);
        written.setTime(0);
        out.putNextEntry(written);
        out.write(content);
        out.closeEntry();
      }
    }
    return copy.toByteArray();
  }

  private static byte[] inflate(byte[] zip, int offset, int length, int size) throws IOException {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(zip, offset, length);
      byte[] out = new byte[size];
      int n = 0;
      while (n < size && !inflater.finished()) {
        int read = inflater.inflate(out, n, size - n);
        if (read == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new IOException("truncated zip entry");
        }
        n += read;
      }
      return out;
    } catch (DataFormatException e) {
      throw new IOException("bad zip entry", e);
    } finally {
      inflater.end();
    }
  }
}
