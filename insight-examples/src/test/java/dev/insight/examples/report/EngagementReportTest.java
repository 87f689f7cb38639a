package dev.insight.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.insight.core.redact.RedactionPolicy;
import dev.insight.examples.casestudy.CaseStudyFiles;
import dev.insight.stats.design.Margin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngagementReportTest {
  private static EngagementReport report;
  private static String html;

  static List<Margin> margins() {
    return List.of(
        Margin.counts("sector", Map.of("NHS", 61000.0, "County council", 14500.0, "District council", 9800.0,
            "VCFSE", 11200.0, "Other public", 6500.0)),
        Margin.counts("area", Map.of("East and North", 40200.0, "South and West", 39800.0, "West Essex", 23000.0)));
  }

  static EngagementReport caseStudy(RedactionPolicy policy) {
    return EngagementReport.of(CaseStudyFiles.programme(), new EngagementReport.Survey(CaseStudyFiles.survey(),
        margins(), "priorities", "codes", "comment", "sector", List.of("sector", "contact")), policy);
  }

  @BeforeAll
  static void render() {
    report = caseStudy(RedactionPolicy.standard());
    html = report.html();
  }

  @Test
  void withFramework_addsTheMatrixWithTracedSummariesAndOnlyConsentedQuotes() {
    var groups = dev.insight.examples.casestudy.CaseStudyQualitative.focusGroups();
    String withMatrix = caseStudy(RedactionPolicy.redact(dev.insight.core.redact.Redactor.of(
        groups.namesToRedact()))).withFramework(groups.byGroup()).html();

    assertThat(withMatrix).containsSubsequence("id=\"focus-groups\"", "id=\"framework\"", "id=\"literature\"")
        .contains("Framework matrix: 11 themes by 4 cases")
        .containsPattern("\\d+ excerpts?, \\d\\d:\\d\\d:\\d\\d")
        .doesNotContain("You shouldn&#39;t have to fight for everything", "Margaret Oduya");
  }

  @Test
  void html_hasEverySectionInOrder() {
    assertThat(html).containsSubsequence("id=\"glance\"", "id=\"heard\"", "id=\"survey\"", "id=\"themes\"",
        "id=\"focus-groups\"", "id=\"literature\"", "id=\"you-said\"", "id=\"methods\"");
  }

  @Test
  void html_isSelfContained() {
    assertThat(html).doesNotContain("<script", "<link", "src=\"http", "href=\"http", "url(", "@import")
        .contains("<table class=\"chart\">");
  }

  @Test
  void html_showsWeightedFiguresWithBasesAndIntervals() {
    assertThat(html).contains("Percentages are of all 759 respondents, weighted")
        .contains("Base: all respondents (759; effective base 691)")
        .containsPattern("<th scope=\"row\">Workforce</th>\\s*<td class=\"num\">448</td>\\s*<td class=\"num\">59\\.0%"
            + "</td>\\s*<td class=\"num\">\\d+\\.\\d%</td>\\s*<td class=\"num\">\\d+\\.\\d% to \\d+\\.\\d%</td>")
        .contains("Codes in the open comments (base: 180 who commented)")
        .contains("Weighting efficiency").contains("converged after 6 iterations");
  }

  @Test
  void html_redactsPersonalDataInComments() {
    assertThat(html).doesNotContain("sam.taylor@example.org", "07700 900123");
  }

  @Test
  void html_leavesOutQuotesWithoutConsent() {
    assertThat(html).doesNotContain("You shouldn&#39;t have to fight for everything")
        .contains("Seventy per cent of our calls now are cost of living");
  }

  @Test
  void html_escapesDataSoCommentsCannotBecomeMarkup() {
    assertThat(Html.escape("<script>alert('x')</script> & \"q\"")).isEqualTo(
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
  }

  @Test
  void html_charactersXmlForbids_becomeTheReplacementCharacter() {
    assertThat(Html.escape("a\u000Bb\u0000c\tok \uD83D\uDE00 \uD800")).isEqualTo("a\uFFFDb\uFFFDc\tok \uD83D\uDE00 \uFFFD");
  }

  @Test
  void pdf_ofAProgrammeWithControlCharactersAndMarkupInItsText_isMade() throws IOException {
    var programme = dev.insight.examples.casestudy.CaseStudyFiles.programme();
    var hostile = new dev.insight.core.programme.Programme(programme.id(), "Title with \u000B a vertical tab, "
        + "</style><script>x</script> & \uD800", programme.purpose(), programme.period(), programme.principles(),
        programme.organisations(), programme.audiences(), programme.participants(), programme.activities(),
        programme.priorities(), programme.quotes(), programme.findings(), programme.recommendations(),
        programme.responses(), programme.prevalences(), programme.place(), programme.visibility());

    byte[] pdf = EngagementReport.of(hostile, null, RedactionPolicy.internalUseOnly("a \" reason } with \\ and "
        + "</style>")).pdf();

    try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      // the title wraps across lines
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\R", "");
      assertThat(text).contains("</style><script>x</script>").contains("a \" reason } with \\ and </style>");
    }
  }

  @Test
  void internalUseOnly_saysSoOnTheCoverAndKeepsPersonalData() {
    String internal = caseStudy(RedactionPolicy.internalUseOnly("checking coding")).html();

    assertThat(internal).contains("INTERNAL USE ONLY: quotes and comments are not redacted (checking coding)");
  }

  @Test
  void json_carriesWeightingAndEveryEstimate() throws IOException {
    JsonNode root = new ObjectMapper().readTree(report.json());

    assertThat(root.at("/survey/weighting/converged").asBoolean()).isTrue();
    assertThat(root.at("/survey/question/rows")).hasSize(10);
    assertThat(root.at("/survey/question/rows/0/estimate/intervalMethod").asText()).isEqualTo("LOGIT");
    assertThat(root.at("/survey/comments/rows/0/count").asInt()).isEqualTo(74);
    assertThat(root.at("/redacted").asBoolean()).isTrue();
  }

  @Test
  void writeTo_writesEveryFileAndReportsEachStep(@TempDir Path folder) throws IOException {
    List<String> steps = new java.util.ArrayList<>();

    List<Path> files = report.writeTo(folder.resolve("out"), steps::add);

    assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("report.html", "report.pdf",
        "analysis.json", "consideration-log.json", "tables.xlsx");
    assertThat(Files.readString(files.get(0))).isEqualTo(html);
    assertThat(steps).hasSize(5);
    assertThat(folder.resolve("out")).isDirectoryNotContaining("glob:**.tmp");
  }

  @Test
  void survey_withoutAMarginToRakeTo_isRefused() {
    assertThatThrownBy(() -> EngagementReport.of(CaseStudyFiles.programme(), new EngagementReport.Survey(
        CaseStudyFiles.survey(), List.of(), "priorities", "codes", "comment", null, List.of()),
        RedactionPolicy.standard())).hasMessage("a survey report needs at least one weighting margin");
  }

  @Test
  void survey_weightedOnOtherData_isRefused() {
    EngagementReport.Survey survey = new EngagementReport.Survey(CaseStudyFiles.survey(), List.of(), "priorities",
        "codes", "comment", null, List.of());
    SurveyWeighting other = SurveyWeighting.raked(CaseStudyFiles.survey(), margins());

    assertThatThrownBy(() -> EngagementReport.of(CaseStudyFiles.programme(), survey, RedactionPolicy.standard(),
        other)).hasMessage("the weighted design is not on the survey's data");
  }

  @Test
  void youSaidWeDid_showsWhoConsideredWhichEvidence_andTheAppendixHoldsTheChainedLog() {
    String head = dev.insight.core.consideration.ConsiderationLog.empty().record(CaseStudyFiles.programme()).verify()
        .head();

    assertThat(html).containsSubsequence("id=\"you-said\"", "We reduced the ten priorities to six.",
        "Considered by Integrated care partnership board on 2022-11-17: Six priorities agreed.",
        "Theme: Needs detail on delivery, monitoring and evaluation, 13.6% (95% CI 9.0% to 20.0%; base 180 "
            + "respondents)", "id=\"methods\"", "id=\"consideration-log\"", "Head of the chain: " + head + ".",
        "Consideration log (5 entries)");
  }

  /** A coding of the case study's comments: the first ten by a person, then rules, then a model, one given none. */
  private static dev.insight.codeframe.coding.Coding mixedCoding(boolean otherFrame) {
    var data = CaseStudyFiles.survey();
    var codes = data.multiResponse("codes");
    var frame = dev.insight.codeframe.Codeframe.builder("comment codes");
    codes.options().forEach(o -> frame.code(o.code(), o.label(), null));
    if (otherFrame) {
      frame.code("extra", "A code the data do not have", null);
    }
    var coding = dev.insight.codeframe.coding.Coding.builder(frame.build());
    java.time.Instant at = java.time.Instant.parse("2022-10-01T00:00:00Z");
    int seen = 0;
    for (int row = 0; row < data.rowCount(); row++) {
      if (codes.isMissing(row)) {
        continue;
      }
      var unit = dev.insight.codeframe.coding.UnitId.of(data.id(row));
      coding.unit(unit);
      if (seen++ == 0) {
        continue;
      }
      dev.insight.codeframe.coding.Provenance by = seen <= 10 ? new dev.insight.codeframe.coding.Provenance.Human("AB", at)
          : seen <= 30 ? new dev.insight.codeframe.coding.Provenance.Rule("cost OR price", List.of("cost"), at)
          : new dev.insight.codeframe.coding.Provenance.Model("tfidf-1", 0.9, List.of(), at);
      for (int c = 0; c < codes.options().size(); c++) {
        if (codes.isSelected(row, c)) {
          coding.assign(unit, dev.insight.codeframe.CodeId.of(codes.options().get(c).code()), by);
        }
      }
    }
    return coding.build();
  }

  @Test
  void withCoding_methodsSayHowManyCommentsEachKindOfCoderCoded_fromTheProvenance() throws IOException {
    var withCoding = caseStudy(RedactionPolicy.standard()).withCoding(mixedCoding(false));

    assertThat(withCoding.html()).contains("Of the 180 comments, 9 read and coded by a person, 20 coded by keyword "
        + "rules, 150 coded by a learned model and 1 given no code, with a codeframe of");
    JsonNode codedBy = new ObjectMapper().readTree(withCoding.json()).at("/survey/comments/codedBy");
    assertThat(codedBy.toString()).isEqualTo(
        "{\"recorded\":true,\"person\":9,\"rules\":20,\"model\":150,\"uncoded\":1}");
  }

  @Test
  void withCoding_ofAnotherCodeframe_isRefusedNamingBothSetsOfCodes() {
    var report = caseStudy(RedactionPolicy.standard());

    assertThatThrownBy(() -> report.withCoding(mixedCoding(true))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the coding's codes [").hasMessageContaining("extra] are not the codes of survey "
            + "variable codes [");
  }
}
