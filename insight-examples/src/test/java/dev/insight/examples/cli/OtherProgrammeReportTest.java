package dev.insight.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code insight report} on a programme that is not the case study (a district council's parks consultation: a
 * residents' survey, a workshop and a cabinet meeting; no focus groups, no literature review), committed under
 * {@code src/test/resources/other-programme}. Every output is read back with a real reader: the PDF with PDFBox,
 * the workbook with fastexcel-reader, the JSON with Jackson (and against its schema in {@code JsonOutputsTest}).
 */
class OtherProgrammeReportTest {
  /** Words that belong to the bundled case study and must not appear in anyone else's report. */
  static final List<String> CASE_STUDY_WORDS = List.of("wellbeing", "well-being", "integrated care", "VCFSE",
      "workforce", "staff", "Microsoft Teams", "health inequalities", "priorit", "focus group", "sector",
      "draft strategy", "Healthwatch", "seldom", "literature", "framework", "volunteer", "partnership");

  @TempDir
  static Path folder;

  private static String stdout;
  private static String html;
  private static byte[] pdf;
  private static JsonNode json;

  static Path fixture(String name) {
    try {
      return Path.of(OtherProgrammeReportTest.class.getResource("/other-programme/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static int report(Path out, StringWriter console, StringWriter err, String... extra) {
    List<String> args = new ArrayList<>(List.of("report", "--programme", fixture("programme.json").toString(),
        "--data", fixture("survey.csv").toString(), "--id", "respondent",
        "--margins", fixture("margins.csv").toString(),
        "--priorities", "imp_toilets,imp_lighting,imp_play,imp_paths,imp_seating,imp_events",
        "--comment", "remarks", "--codes", "code_safety,code_cleanliness,code_access,code_praise,code_cost",
        "--group-by", "ward", "--banner", "ward,age_band", "--out", out.toString()));
    args.addAll(List.of(extra));
    return Insight.run(new PrintWriter(console), new PrintWriter(err), args.toArray(String[]::new));
  }

  @BeforeAll
  static void runReport() throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = report(folder.resolve("out"), out, err, "--coded-by", "rules");
    assertThat(code).as(err.toString()).isZero();
    stdout = out.toString();
    html = Files.readString(folder.resolve("out/report.html"));
    pdf = Files.readAllBytes(folder.resolve("out/report.pdf"));
    json = new ObjectMapper().readTree(folder.resolve("out/analysis.json").toFile());
  }

  static String pdfText(byte[] bytes) throws IOException {
    try (PDDocument document = Loader.loadPDF(bytes)) {
      return new PDFTextStripper().getText(document);
    }
  }

  @Test
  void report_writesEveryOutput() {
    assertThat(folder.resolve("out")).isDirectoryContaining("glob:**report.html")
        .isDirectoryContaining("glob:**report.pdf").isDirectoryContaining("glob:**analysis.json")
        .isDirectoryContaining("glob:**tables.xlsx").isDirectoryNotContaining("glob:**.tmp");
    assertThat(stdout).contains("(420 respondents)", "wrote the report as PDF (A4)");
  }

  @Test
  void html_hasNothingOfTheCaseStudy() {
    assertThat(html.toLowerCase(java.util.Locale.ROOT))
        .doesNotContain(CASE_STUDY_WORDS.stream().map(w -> w.toLowerCase(java.util.Locale.ROOT)).toList()
            .toArray(String[]::new));
  }

  @Test
  void html_leavesOutSectionsWithoutData() {
    assertThat(html).containsSubsequence("id=\"glance\"", "id=\"heard\"", "id=\"survey\"", "id=\"themes\"",
        "id=\"you-said\"", "id=\"methods\"")
        .doesNotContain("id=\"focus-groups\"", "id=\"framework\"", "id=\"literature\"");
  }

  @Test
  void html_wordsComeFromTheProgrammeAndWhatWasDone() {
    assertThat(html).contains("Parks and open spaces strategy: residents&#39; consultation")
        .contains("Survey results: Parks survey")
        .contains("<q>Which improvements matter most to you?</q>")
        .contains("Percentages are of all 420 respondents, weighted to population targets by ward and age band")
        .contains("<q>Is there anything else you would like to tell us about the parks?</q>")
        .contains("were coded by keyword rules with a codeframe of 5 codes; no person read them")
        .contains("<th scope=\"row\">Lighting on paths</th>")
        .contains("2 of the 3 reference groups")
        .contains("Parks survey respondent, Northgate")
        .contains("By Ward and Age band");
  }

  @Test
  void html_redactsComments() {
    assertThat(html).doesNotContain("pat.jones@example.net");
  }

  @Test
  void methods_withoutCodedBy_sayTheCodingMethodWasNotRecorded() throws IOException {
    StringWriter err = new StringWriter();
    int code = report(folder.resolve("unrecorded"), new StringWriter(), err);

    assertThat(code).as(err.toString()).isZero();
    assertThat(Files.readString(folder.resolve("unrecorded/report.html")))
        .contains("how they were coded (by a person, by rules or by a learned model) was not recorded")
        .doesNotContain("was read");
  }

  @Test
  void pdf_isA4WithACoverPageNumbersAndNothingOfTheCaseStudy() throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isGreaterThan(5);
      for (PDPage page : document.getPages()) {
        PDRectangle box = page.getMediaBox();
        float shorter = Math.min(box.getWidth(), box.getHeight());
        float longer = Math.max(box.getWidth(), box.getHeight());
        assertThat(shorter).as("A4 short side in points").isCloseTo(PDRectangle.A4.getWidth(),
            org.assertj.core.data.Offset.offset(0.5f));
        assertThat(longer).as("A4 long side in points").isCloseTo(PDRectangle.A4.getHeight(),
            org.assertj.core.data.Offset.offset(0.5f));
      }
      assertThat(document.getPages()).anyMatch(p -> p.getMediaBox().getWidth() > p.getMediaBox().getHeight())
          .as("the banner tables print on landscape pages");
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setStartPage(1);
      stripper.setEndPage(1);
      String cover = stripper.getText(document);
      assertThat(cover).contains("Parks and open spaces strategy", "Contents", "Methods")
          .doesNotContain("Page 1 of");
      stripper.setStartPage(2);
      stripper.setEndPage(document.getNumberOfPages());
      String text = stripper.getText(document);
      assertThat(text).contains("Page 2 of " + document.getNumberOfPages())
          .contains("Which improvements matter most to you?").contains("Lighting on paths")
          .contains("Effective base").doesNotContain("pat.jones@example.net");
      String lower = (cover + text).toLowerCase(java.util.Locale.ROOT);
      for (String word : CASE_STUDY_WORDS) {
        assertThat(lower).as("PDF text").doesNotContain(word.toLowerCase(java.util.Locale.ROOT));
      }
    }
  }

  @Test
  void pdf_internalUseOnly_printsTheReasonOnEveryPage() throws IOException {
    StringWriter err = new StringWriter();
    int code = report(folder.resolve("internal"), new StringWriter(), err, "--internal-use-only",
        "checking the coding");

    assertThat(code).as(err.toString()).isZero();
    try (PDDocument document = Loader.loadPDF(folder.resolve("internal/report.pdf").toFile())) {
      PDFTextStripper stripper = new PDFTextStripper();
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        assertThat(stripper.getText(document)).as("page %s", page)
            .contains("INTERNAL USE ONLY: quotes and comments are not redacted (checking the coding)");
      }
    }
  }

  @Test
  void codeQuotes_listsRedactedAttributedCommentsUnderEachCode() throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Insight.run(new PrintWriter(out), new PrintWriter(err), "code", "quotes", "--data",
        fixture("survey.csv").toString(), "--id", "respondent", "--comment", "remarks", "--codes",
        "code_safety,code_cleanliness,code_access,code_praise,code_cost", "--group-by", "ward", "--attribution",
        "Resident", "--per-code", "2");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Safety (", "Cleanliness (", "Cost (")
        .containsPattern("\u201c[^\u201d]+\u201d\n    \u2014 Resident, (Northgate|Riverside|Hillcrest) \\[R\\d{4}\\]")
        .doesNotContain("pat.jones@example.net");
  }

  @Test
  void codeQuotes_csv_everyQuoteWithItsRespondentAndNoFormula() throws IOException {
    Path csv = folder.resolve("quotes.csv");
    StringWriter err = new StringWriter();
    int code = Insight.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "code", "quotes", "--data",
        fixture("survey.csv").toString(), "--id", "respondent", "--comment", "remarks", "--codes",
        "code_safety,code_cleanliness,code_access,code_praise,code_cost", "--per-code", "0", "--out",
        csv.toString());

    assertThat(code).as(err.toString()).isZero();
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo("code,label,comments_with_code,respondent,attribution,quote");
    long coded = Files.readAllLines(fixture("survey.csv")).stream().skip(1)
        .filter(l -> l.matches(".*,[01],[01],[01],[01],[01]$")).mapToLong(l -> l.substring(l.length() - 9)
            .chars().filter(ch -> ch == '1').count()).sum();
    assertThat(lines).hasSize(1 + (int) coded);
    assertThat(String.join("\n", lines)).contains("[email]").doesNotContain("pat.jones@example.net");
  }

  @Test
  void codeQuotes_negativePerCode_isAUsageError() {
    StringWriter err = new StringWriter();
    int code = Insight.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "code", "quotes", "--data",
        fixture("survey.csv").toString(), "--id", "respondent", "--comment", "remarks", "--codes", "code_safety",
        "--per-code", "-1");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--per-code must be 0 (all) or more, not -1");
  }

  @Test
  void json_hasNothingOfTheCaseStudyAndNoNaN() throws IOException {
    String text = Files.readString(folder.resolve("out/analysis.json"));
    assertThat(text).doesNotContain("NaN", "Infinity");
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    for (String word : CASE_STUDY_WORDS) {
      assertThat(lower).doesNotContain(word.toLowerCase(java.util.Locale.ROOT));
    }
    assertThat(json.path("schemaVersion").asText()).isEqualTo("1.3");
    assertThat(json.at("/survey/question/text").asText()).isEqualTo("Which improvements matter most to you?");
    assertThat(json.at("/survey/comments/codedBy/rules").asInt()).isEqualTo(json.at("/survey/comments/commenters")
        .asInt()).isPositive();
  }

  @Test
  void xlsx_hasAContentsSheetAndOneSheetPerQuestionWithNumbersAndNothingOfTheCaseStudy() throws IOException {
    try (InputStream in = Files.newInputStream(folder.resolve("out/tables.xlsx"));
        ReadableWorkbook workbook = new ReadableWorkbook(in, new ReadingOptions(true, false))) {
      List<Sheet> sheets = workbook.getSheets().toList();
      assertThat(sheets).extracting(Sheet::getName).containsExactly("Contents", "improvements", "codes", "Quotes");
      List<Row> contents = sheets.get(0).read();
      assertThat(contents.get(2).getCellText(1)).isEqualTo("Which improvements matter most to you?");
      assertThat(contents.get(4).getCellText(0)).isEqualTo("Quotes");
      List<Row> quotes = sheets.get(3).read();
      assertThat(quotes.get(1).getCellText(3)).isEqualTo("Comment");
      assertThat(quotes.stream().map(r -> r.getCellText(3))).contains("I stopped walking there in winter because "
          + "it is so dark.").noneMatch(t -> t.contains("pat.jones@example.net"));
      List<Row> rows = sheets.get(1).read();
      assertThat(rows.get(2).getCellText(1)).isEqualTo("Total");
      assertThat(rows.get(2).getCellText(3)).isEqualTo("ward");
      assertThat(rows.get(3).getCellText(3)).isEqualTo("Hillcrest");
      assertThat(rows.get(4).getCellText(3)).isEqualTo("A");
      assertThat(rows.get(5).getCellText(0)).isEqualTo("Unweighted base");
      Cell base = rows.get(5).getCell(1);
      assertThat(base.getType()).isEqualTo(CellType.NUMBER);
      assertThat(base.asNumber().intValue()).isEqualTo(420);
      Row first = rows.stream().filter(r -> "Public toilets".equals(r.getCellText(0))).findFirst().orElseThrow();
      assertThat(first.getCell(1).getType()).isEqualTo(CellType.NUMBER);
      assertThat(first.getCell(1).asNumber().doubleValue()).isBetween(0.0, 1.0);
      assertThat(first.getCell(1).getDataFormatString()).isEqualTo("0%");
      StringBuilder all = new StringBuilder();
      for (Sheet sheet : sheets) {
        try (Stream<Row> stream = sheet.openStream()) {
          stream.forEach(r -> r.forEach(c -> all.append(c == null ? "" : c.getText()).append('\n')));
        }
      }
      String lower = all.toString().toLowerCase(java.util.Locale.ROOT);
      for (String word : CASE_STUDY_WORDS) {
        assertThat(lower).doesNotContain(word.toLowerCase(java.util.Locale.ROOT));
      }
    }
  }

  @Test
  void report_withTemplates_writesTheOrganisationsWording_andSaysFilesThatReplaceNoTemplate() throws IOException {
    Path templates = Files.createDirectories(folder.resolve("council-templates"));
    Files.writeString(templates.resolve("methods.html"), "<p>How the council did this: {{ s.weighting.iterations }} "
        + "raking iterations; counts under {{ s.suppressBelow }} hidden.</p>\n");
    Files.writeString(templates.resolve("logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
    StringWriter err = new StringWriter();

    int code = report(folder.resolve("branded"), new StringWriter(), err, "--coded-by", "rules", "--templates",
        templates.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(err.toString()).contains("note: logo.svg in " + templates + " is not the name of a report template");
    assertThat(Files.readString(folder.resolve("branded/report.html")))
        .containsPattern("<p>How the council did this: \\d+ raking iterations; counts under 5 hidden.</p>")
        .contains("id=\"glance-heading\">The programme at a glance</h2>");
  }

  @Test
  void report_withABrokenTemplate_failsNamingItsFileAndLine_andWritesNothing() throws IOException {
    Path templates = Files.createDirectories(folder.resolve("broken-templates"));
    Path glance = Files.writeString(templates.resolve("glance.html"), "<p>{{ s.purpose }}</p>\n<p>{{ s.wards }}</p>\n");
    StringWriter err = new StringWriter();

    int code = report(folder.resolve("never"), new StringWriter(), err, "--templates", templates.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).startsWith("insight report: template " + glance + ", line 2: ")
        .contains("[wards]").doesNotContain("\tat ");
    assertThat(folder.resolve("never")).doesNotExist();
  }
}
