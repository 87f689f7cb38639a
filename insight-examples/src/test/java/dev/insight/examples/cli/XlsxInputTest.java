package dev.insight.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.insight.core.csv.CsvFile;
import dev.insight.core.csv.CsvOptions;
import dev.insight.core.input.ProblemCollector;
import dev.insight.core.input.ReadMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A survey in an XLSX workbook reads as the same survey saved as CSV: the same rows, the same codebook, the same
 * weights and tables; cells the CSV reader never sees (numbers, dates, errors, formulas) read as a person reads
 * them or are refused naming the sheet and cell; the archive is read within the zip limits.
 */
class XlsxInputTest {
  @TempDir
  Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Insight.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  private List<List<String>> rows(Path file, String sheet) {
    List<List<String>> rows = new ArrayList<>();
    ProblemCollector problems = ProblemCollector.of(file.toString(), ReadMode.STRICT);
    try (CsvFile csv = SurveyFiles.open(file, sheet, CsvOptions.defaults(), problems)) {
      rows.add(csv.header().names());
      while (csv.next()) {
        rows.add(csv.fields());
      }
    }
    return rows;
  }

  /** Writes every cell of a CSV export as text (whole numbers as numbers, as Excel keeps them). */
  private Path asXlsx(Path csv, String sheet) throws IOException {
    Path xlsx = dir.resolve(csv.getFileName().toString().replace(".csv", ".xlsx"));
    List<List<String>> records = PlatformExportsTest.records(csv);
    try (OutputStream out = Files.newOutputStream(xlsx); Workbook book = new Workbook(out, "test", "1.0")) {
      Worksheet ws = book.newWorksheet(sheet);
      for (int r = 0; r < records.size(); r++) {
        List<String> row = records.get(r);
        for (int c = 0; c < row.size(); c++) {
          String v = row.get(c);
          if (v.matches("-?[1-9][0-9]{0,8}")) {
            ws.value(r, c, Integer.parseInt(v));
          } else if (!v.isEmpty()) {
            ws.value(r, c, v);
          }
        }
      }
    }
    return xlsx;
  }

  private Path copy(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/exports/" + name)) {
      Path target = dir.resolve(name);
      Files.copy(in, target);
      return target;
    }
  }

  private static JsonNode withoutEncoding(String json) throws IOException {
    ObjectNode root = (ObjectNode) new ObjectMapper().readTree(json);
    root.remove("encoding");
    return root;
  }

  @ParameterizedTest
  @CsvSource({"qualtrics.csv,ResponseId,Q1,Q3", "surveymonkey.csv,respondent_id,q1,q3"})
  void export_savedAsXlsx_givesTheSameCodebookWeightsAndTablesAsTheCsv(String name, String id, String sector,
      String satisfaction) throws IOException {
    Path csv = copy(name);
    Path xlsx = asXlsx(csv, "Responses");

    Run fromCsv = run("describe", "--data", csv.toString(), "--json");
    Run fromXlsx = run("describe", "--data", xlsx.toString(), "--json");
    assertThat(fromXlsx.code()).as(fromXlsx.err()).isZero();
    assertThat(withoutEncoding(fromXlsx.out().replace(xlsx.toString(), csv.toString())))
        .isEqualTo(withoutEncoding(fromCsv.out()));
    assertThat(new ObjectMapper().readTree(fromXlsx.out()).path("encoding").asText())
        .isEqualTo("XLSX, sheet Responses");

    Path margins = dir.resolve("margins.csv");
    Files.writeString(margins, "variable,category,target\n" + sector + ",NHS,0.5\n" + sector
        + ",Local authority,0.3\n" + sector + ",Voluntary sector,0.2\n");
    for (Path data : List.of(csv, xlsx)) {
      Run weight = run("weight", "--data", data.toString(), "--id", id, "--margins", margins.toString(), "--out",
          dir.resolve(data.getFileName() + ".w.csv").toString());
      assertThat(weight.code()).as(weight.err()).isZero();
      Run table = run("table", "--data", data.toString(), "--id", id, "--weights",
          dir.resolve(data.getFileName() + ".w.csv").toString(), "--rows", satisfaction, "--banner", sector,
          "--out", dir.resolve(data.getFileName() + ".t.json").toString());
      assertThat(table.code()).as(table.err()).isZero();
    }
    assertThat(Files.readString(dir.resolve(xlsx.getFileName() + ".w.csv")))
        .isEqualTo(Files.readString(dir.resolve(csv.getFileName() + ".w.csv")));
    assertThat(new ObjectMapper().readTree(dir.resolve(xlsx.getFileName() + ".t.json").toFile()).path("blocks"))
        .isEqualTo(new ObjectMapper().readTree(dir.resolve(csv.getFileName() + ".t.json").toFile()).path("blocks"));
  }

  @Test
  void weights_andMargins_asWorkbooks_giveTheSameEstimateAsTheirCsv() throws IOException {
    Path data = copy("qualtrics.csv");
    Path margins = dir.resolve("margins.csv");
    Files.writeString(margins, "variable,category,target\nQ1,NHS,0.5\nQ1,Local authority,0.3\n"
        + "Q1,Voluntary sector,0.2\n");
    Path marginsXlsx = plainXlsx(margins);
    Path weights = dir.resolve("w.csv");
    assertThat(run("weight", "--data", data.toString(), "--id", "ResponseId", "--margins", margins.toString(),
        "--out", weights.toString()).code()).isZero();
    Path weightsFromXlsx = dir.resolve("wx.csv");
    Run weight = run("weight", "--data", data.toString(), "--id", "ResponseId", "--margins",
        marginsXlsx.toString(), "--out", weightsFromXlsx.toString());
    assertThat(weight.code()).as(weight.err()).isZero();
    assertThat(Files.readString(weightsFromXlsx)).isEqualTo(Files.readString(weights));

    Path weightsXlsx = plainXlsx(weights);
    Path fromCsv = dir.resolve("e.csv");
    Path fromXlsx = dir.resolve("ex.csv");
    assertThat(run("estimate", "--data", data.toString(), "--id", "ResponseId", "--weights", weights.toString(),
        "--proportion", "Q1=NHS", "--out", fromCsv.toString()).code()).isZero();
    Run estimate = run("estimate", "--data", data.toString(), "--id", "ResponseId", "--weights",
        weightsXlsx.toString(), "--proportion", "Q1=NHS", "--out", fromXlsx.toString());
    assertThat(estimate.code()).as(estimate.err()).isZero();
    assertThat(Files.readString(fromXlsx)).isEqualTo(Files.readString(fromCsv));
  }

  /** A one-header CSV file as a workbook, numbers as number cells written with every digit Java gives. */
  private Path plainXlsx(Path csv) throws IOException {
    Path xlsx = dir.resolve(csv.getFileName().toString().replace(".csv", ".xlsx"));
    ProblemCollector problems = ProblemCollector.of(csv.toString(), ReadMode.STRICT);
    try (CsvFile rows = CsvFile.open(csv, CsvOptions.defaults(), problems);
        OutputStream out = Files.newOutputStream(xlsx); Workbook book = new Workbook(out, "test", "1.0")) {
      Worksheet ws = book.newWorksheet("Sheet1");
      for (int c = 0; c < rows.header().size(); c++) {
        ws.value(0, c, rows.header().names().get(c));
      }
      int r = 1;
      while (rows.next()) {
        for (int c = 0; c < rows.fieldCount(); c++) {
          String v = rows.field(c);
          if (v.matches("-?[0-9]+(\\.[0-9]+)?")) {
            ws.value(r, c, new BigDecimal(v));
          } else {
            ws.value(r, c, v);
          }
        }
        r++;
      }
    }
    return xlsx;
  }

  @Test
  void cells_readAsTheSheetShowsThem_numbersAsWritten_datesAsIsoDates_blankRowsSkipped() throws IOException {
    Path xlsx = dir.resolve("cells.xlsx");
    try (OutputStream out = Files.newOutputStream(xlsx); Workbook book = new Workbook(out, "test", "1.0")) {
      Worksheet notes = book.newWorksheet("Notes");
      notes.value(0, 0, "not the survey");
      Worksheet ws = book.newWorksheet("Responses");
      List<String> header = List.of("id", "age", "score", "small", "visited", "submitted", "agreed", "comment");
      for (int c = 0; c < header.size(); c++) {
        ws.value(0, c, header.get(c));
      }
      ws.value(1, 0, 1);
      ws.value(1, 1, 34);
      ws.value(1, 2, new BigDecimal("2.50"));
      ws.value(1, 3, 0.001);
      ws.value(1, 4, LocalDate.of(2024, 3, 1));
      ws.style(1, 4).format("dd/mm/yyyy").set();
      ws.value(1, 5, LocalDateTime.of(2024, 3, 1, 9, 30));
      ws.style(1, 5).format("yyyy-mm-dd hh:mm").set();
      ws.value(1, 6, true);
      ws.value(1, 7, "fine, thanks");
      // row 3 left blank: skipped, as an empty line of CSV is
      ws.value(3, 0, 2);
      ws.value(3, 2, -7);
      ws.value(3, 7, "=1+1 is text here");
      // a date serial without a date format is the number the sheet shows
      ws.value(3, 4, 45352);
    }
    assertThat(rows(xlsx, "Responses")).containsExactly(
        List.of("id", "age", "score", "small", "visited", "submitted", "agreed", "comment"),
        List.of("1", "34", "2.5", "0.001", "2024-03-01", "2024-03-01T09:30", "TRUE", "fine, thanks"),
        List.of("2", "", "-7", "", "45352", "", "", "=1+1 is text here"));
    assertThat(rows(xlsx, null)).containsExactly(List.of("not the survey"));
  }

  @ParameterizedTest
  @CsvSource({"3,3", "3.0,3", "2.50,2.5", "-7,-7", "-0.50,-0.5", "0.0,0", "-0,0", "100,100", "1E-3,0.001",
      "1.5E+3,1500", "4.1000000000000001E-2,0.041000000000000001", "0.1,0.1"})
  void number_storedInTheSheet_readsAsAPersonWritesIt(String stored, String read) {
    assertThat(XlsxRows.plain(stored)).isEqualTo(read);
  }

  @Test
  void sheet_notInTheWorkbook_isRefusedListingTheSheets() throws IOException {
    Path xlsx = dir.resolve("two.xlsx");
    try (OutputStream out = Files.newOutputStream(xlsx); Workbook book = new Workbook(out, "test", "1.0")) {
      book.newWorksheet("Responses").value(0, 0, "id");
      book.newWorksheet("Notes").value(0, 0, "x");
    }
    Run run = run("describe", "--data", xlsx.toString(), "--sheet", "Answers");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains(xlsx.toString())
        .contains("no sheet named 'Answers'; the workbook's sheets are 'Responses', 'Notes'")
        .doesNotContain("Exception");
  }

  @Test
  void errorCell_isAProblemNamingSheetCellAndValue_strictStops_lenientReadsItAsNoAnswer() throws IOException {
    Path xlsx = Workbooks.write(dir.resolve("errors.xlsx"), "Survey",
        Workbooks.row(1, List.of("id", "region", "score"))
            + Workbooks.row(2, List.of("1", "North", "3"))
            + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>2</t></is></c><c r=\"B3\" t=\"inlineStr\"><is><t>South"
            + "</t></is></c><c r=\"C3\" t=\"e\"><v>#N/A</v></c></row>"
            + Workbooks.row(4, List.of("3", "North", "5")));
    Path out = dir.resolve("t.json");
    Run strict = run("table", "--data", xlsx.toString(), "--id", "id", "--unweighted", "--rows", "region",
        "--out", out.toString());
    assertThat(strict.code()).isEqualTo(1);
    assertThat(strict.err()).contains(xlsx.toString()).contains("sheet 'Survey', cell C3 holds the spreadsheet "
        + "error #N/A");
    assertThat(out).doesNotExist();

    Run lenient = run("table", "--data", xlsx.toString(), "--id", "id", "--unweighted", "--rows", "region",
        "--out", out.toString(), "--lenient");
    assertThat(lenient.code()).as(lenient.err()).isZero();
    assertThat(lenient.err()).contains("1 problem").contains("cell C3 holds the spreadsheet error #N/A");
    assertThat(out).exists();
  }

  @Test
  void formula_withoutAStoredResult_isAProblemNotABlank() throws IOException {
    Path xlsx = Workbooks.write(dir.resolve("formula.xlsx"), "Sheet1",
        Workbooks.row(1, List.of("id", "score"))
            + "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\"><f>SUM(C2:C9)</f></c></row>");
    Run run = run("describe", "--data", xlsx.toString());
    assertThat(run.err() + run.out()).contains("sheet 'Sheet1', cell B2 holds a formula with no stored result");
  }

  @Test
  void sheet_whoseXmlBreaksOff_isRefusedNamingTheFileAndTheLastRowRead() throws IOException {
    Path xlsx = Workbooks.write(dir.resolve("broken.xlsx"), "Sheet1",
        Workbooks.row(1, List.of("id", "region")) + Workbooks.row(2, List.of("1", "North"))
            + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>2</t></is></c><c r=\"B3\"");
    Run run = run("describe", "--data", xlsx.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains(xlsx.toString()).contains("sheet 'Sheet1' cannot be read past row 2")
        .doesNotContain("org.dhatim");
  }

  @Test
  void zipBomb_xlsx_isRefusedBeforeTheReaderInflatesIt() throws IOException {
    Path bomb = dir.resolve("bomb.xlsx");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 24; i++) {
        zip.write(spaces);
      }
      zip.closeEntry();
    }
    Path out = dir.resolve("t.json");
    Run run = run("table", "--data", bomb.toString(), "--id", "id", "--unweighted", "--rows", "region", "--out",
        out.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains(bomb.toString()).contains("zip bomb").doesNotContain("Exception");
    assertThat(out).doesNotExist();
  }
}
