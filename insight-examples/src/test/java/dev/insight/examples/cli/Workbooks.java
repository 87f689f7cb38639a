package dev.insight.examples.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * XLSX workbooks made by hand, part by part, for the cells the fastexcel writer does not write (error cells,
 * formulas without a stored result) and for the shape of a platform's export: the parts Excel and the platforms
 * write (content types, relationships, workbook, one worksheet of inline strings and numbers).
 */
final class Workbooks {
  private Workbooks() {}

  /** A workbook of one sheet whose {@code <sheetData>} holds the rows given (XML of {@code <row>} elements). */
  static Path write(Path file, String sheetName, String rowsXml) throws IOException {
    return write(file, sheetName, rowsXml, false);
  }

  /**
   * A workbook of one sheet, with a styles part when {@code styled}: cell style 1 is Excel's built-in date and
   * time format 22 ({@code m/d/yy h:mm}), as the platforms format their time stamps.
   */
  static Path write(Path file, String sheetName, String rowsXml, boolean styled) throws IOException {
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
          + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
          + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
          + ".spreadsheetml.sheet.main+xml\"/>"
          + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-"
          + "officedocument.spreadsheetml.worksheet+xml\"/>"
          + (styled ? "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-"
              + "officedocument.spreadsheetml.styles+xml\"/>" : "") + "</Types>");
      if (styled) {
        put(zip, "xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"22\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "</cellXfs></styleSheet>");
      }
      put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
          + "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
      put(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
          + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
          + "<sheet name=\"" + sheetName + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
      put(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
          + "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
          + (styled ? "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
              + "relationships/styles\" Target=\"styles.xml\"/>" : "") + "</Relationships>");
      put(zip, "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + rowsXml
          + "</sheetData></worksheet>");
    }
    return file;
  }

  /** A row of inline-string cells (blank strings left out, as Excel leaves empty cells out). */
  static String row(int number, List<String> cells) {
    StringBuilder xml = new StringBuilder("<row r=\"" + number + "\">");
    for (int i = 0; i < cells.size(); i++) {
      String value = cells.get(i);
      if (value.isEmpty()) {
        continue;
      }
      xml.append("<c r=\"").append(column(i)).append(number).append("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
          .append(value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")).append("</t></is></c>");
    }
    return xml.append("</row>").toString();
  }

  /** The column letters of a 0-based index: A, B, ..., Z, AA, ... */
  static String column(int index) {
    StringBuilder letters = new StringBuilder();
    for (int i = index + 1; i > 0; i = (i - 1) / 26) {
      letters.insert(0, (char) ('A' + (i - 1) % 26));
    }
    return letters.toString();
  }

  private static void put(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
