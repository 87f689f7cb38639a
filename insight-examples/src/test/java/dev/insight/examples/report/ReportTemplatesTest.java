package dev.insight.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.insight.core.programme.Programme;
import dev.insight.core.redact.RedactionPolicy;
import dev.insight.examples.casestudy.CaseStudyFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The report's templates overridden from a folder: a file replaces the shipped template of its name and the rest
 * fall back; data stay escaped whatever a template does; a template error names its file and line.
 */
class ReportTemplatesTest {
  static final String HOSTILE = "<script>alert('title')</script> & \"more\"";

  @TempDir
  Path folder;

  /** The case study without a survey (quick to render), with a title that is markup. */
  static EngagementReport hostile() {
    Programme p = CaseStudyFiles.programme();
    return EngagementReport.of(new Programme(p.id(), HOSTILE, p.purpose(), p.period(), p.principles(),
        p.organisations(), p.audiences(), p.participants(), p.activities(), p.priorities(), p.quotes(), p.findings(),
        p.recommendations(), p.responses(), p.prevalences(), p.place(), p.visibility()), null,
        RedactionPolicy.standard());
  }

  private Path template(String name, String text) throws IOException {
    return Files.writeString(folder.resolve(name), text);
  }

  @Test
  void aTemplateInTheFolder_replacesTheShippedOne_andTheOthersFallBack() throws IOException {
    template("methods.html", "<p class=\"lead\">Methods as the county council words them: {{ s.heard }} groups.</p>\n");
    template("style.css", "body { font-family: \"Council Sans\", sans-serif; color: #003366; }\n");

    String html = hostile().withTemplates(ReportTemplates.from(folder)).html();

    assertThat(html).contains("<p class=\"lead\">Methods as the county council words them: 5 groups.</p>")
        .contains("body { font-family: \"Council Sans\", sans-serif; color: #003366; }")
        .doesNotContain("header.cover { padding: 48px", "Quotes appear only where the speaker consented")
        .contains("<h2 id=\"glance-heading\">The programme at a glance</h2>", "@page { size: A4;");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{{ page.title }}", "{{ page.title | escape(strategy=\"json\") }}",
      "{{ page.title | escape(\"js\") }}", "{{ page.title | escape(strategy=\"css\") | upper | lower }}",
      "{{ page.title | title }}", "{{ page.title ~ \"\" }}", "{% macro t(x) %}{{ x }}{% endmacro %}{{ t(page.title) }}",
      "{% set x = page.title %}{{ x }}", "{% filter lower %}{{ page.title }}{% endfilter %}",
      "{{ [page.title] | join(\",\") }}", "{{ page.title | replace({\"x\": \"y\"}) }}"})
  void anOverride_cannotPrintDataUnescaped(String printing) throws IOException {
    template("report.html", "<html><body><h1>" + printing + "</h1></body></html>\n");

    String html = hostile().withTemplates(ReportTemplates.from(folder)).html();

    // escaped once or more, never printed as markup
    assertThat(html.toLowerCase(java.util.Locale.ROOT)).doesNotContain("<script", "</script").contains("script");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{{ page.title | raw }}", "{% autoescape false %}{{ page.title }}{% endautoescape %}"})
  void anOverride_switchingEscapingOff_isRefusedNamingItsFileAndLine(String printing) throws IOException {
    Path file = template("report.html", "<html>\n<body>\n<h1>" + printing + "</h1></body></html>\n");
    var report = hostile().withTemplates(ReportTemplates.from(folder));

    assertThatThrownBy(report::html).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("template " + file + ", line 3: ");
  }

  @Test
  void aTemplateWithASyntaxError_isReportedWithItsFileAndLine() throws IOException {
    Path file = template("glance.html", "<p>one</p>\n<p>two</p>\n{% if s.purpose %}<p>never closed</p>\n");
    var report = hostile().withTemplates(ReportTemplates.from(folder));

    assertThatThrownBy(report::html).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("template " + file + ", line ");
  }

  @Test
  void aTemplateNamingSomethingTheModelLacks_isReportedWithItsFileLineAndTheName() throws IOException {
    Path file = template("heard.html", "<p>{{ s.reference }}</p>\n<p>{{ s.organisationsHeard }}</p>\n");
    var report = hostile().withTemplates(ReportTemplates.from(folder));

    assertThatThrownBy(report::html).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("template " + file + ", line 2: ").hasMessageContaining("[organisationsHeard]");
  }

  @Test
  void filesThatReplaceNoTemplate_areListed() throws IOException {
    template("methods.html", "<p>methods</p>\n");
    template("method.html", "<p>a misspelt name</p>\n");
    template("logo-part.html", "<img alt=\"\"/>\n");

    assertThat(ReportTemplates.from(folder).unknownFiles()).containsExactly("logo-part.html", "method.html");
    assertThat(ReportTemplates.shipped().unknownFiles()).isEmpty();
  }

  @Test
  void aFolderThatDoesNotExist_isRefusedNamingIt() {
    Path missing = folder.resolve("nowhere");

    assertThatThrownBy(() -> ReportTemplates.from(missing)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("templates folder " + missing + " does not exist or is not a folder");
  }

  @Test
  void everyShippedTemplateName_isAResource() {
    for (String name : ReportTemplates.NAMES) {
      assertThat(ReportTemplates.class.getResource("templates/" + name)).as(name).isNotNull();
    }
  }

  @Test
  void aFontInTheFoldersFonts_printsCharactersTheShippedFontLacks() throws IOException {
    Path dejavu = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    assumeTrue(Files.isRegularFile(dejavu), "DejaVu Sans is not installed (fonts-dejavu-core)");
    Files.createDirectories(folder.resolve("fonts"));
    Files.copy(dejavu, folder.resolve("fonts/DejaVuSans.ttf"));
    Programme p = CaseStudyFiles.programme();
    // Georgian and Armenian: not in Liberation Sans
    String title = "Parks ქართული Հայերեն";
    var report = EngagementReport.of(new Programme(p.id(), title, p.purpose(), p.period(), List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null,
        p.visibility()), null, RedactionPolicy.standard());

    try (PDDocument without = Loader.loadPDF(report.pdf());
        PDDocument with = Loader.loadPDF(report.withTemplates(ReportTemplates.from(folder)).pdf())) {
      assertThat(new PDFTextStripper().getText(without)).doesNotContain("ქართული").contains("#");
      assertThat(new PDFTextStripper().getText(with)).contains(title).doesNotContain("#");
    }
  }
}
