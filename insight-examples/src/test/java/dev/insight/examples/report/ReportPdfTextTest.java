package dev.insight.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.insight.core.evidence.Verbatim;
import dev.insight.core.programme.Programme;
import dev.insight.core.redact.RedactionPolicy;
import dev.insight.examples.casestudy.CaseStudyFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text beyond Windows-1252 in the PDF: a programme title and a quote in Polish, Welsh, Greek and with typographic
 * quotes and dashes are read back from the PDF by PDFBox's text extraction as they were written, with no {@code #}
 * in place of a character the font lacks.
 */
class ReportPdfTextTest {
  static final String TITLE = "Ymgynghoriad ar barciau\u2019r sir \u2014 Zażółć gęślą jaźń: Διαβούλευση "
      + "\u201cŵ ŷ Ŵ Ŷ\u201d \u2013 \u2018tŷ\u2019";
  static final String QUOTE = "Mae\u2019r dŵr yn y tŷ \u2014 \u201cŁódź\u201d i \u2018Gdańsk\u2019 \u2013 "
      + "καλημέρα σας";
  static final String SHOWN = "Seventy per cent of our calls now are cost of living";

  /** The case study with the title and one shown quote rewritten, and no responses (no table headed "#"). */
  static Programme programme() {
    Programme p = CaseStudyFiles.programme();
    List<Verbatim> quotes = new ArrayList<>();
    for (Verbatim q : p.quotes()) {
      quotes.add(q.text().contains(SHOWN) ? new Verbatim(q.id(), QUOTE, q.source(), q.attribution(), q.consent(),
          q.themes()) : q);
    }
    assertThat(quotes).extracting(Verbatim::text).contains(QUOTE);
    return new Programme(p.id(), TITLE, p.purpose(), p.period(), p.principles(), p.organisations(), p.audiences(),
        p.participants(), p.activities(), p.priorities(), quotes, p.findings(), p.recommendations(), List.of(),
        p.prevalences(), p.place(), p.visibility());
  }

  private static byte[] pdf;
  private static byte[] internal;

  @BeforeAll
  static void render() {
    pdf = EngagementReport.of(programme(), null, RedactionPolicy.standard()).pdf();
    internal = EngagementReport.of(programme(), null, RedactionPolicy.internalUseOnly(REASON)).pdf();
  }

  static final String REASON = "ŵ ŷ Łódź \u2014 καλημέρα";

  static String text(byte[] bytes) throws IOException {
    try (PDDocument document = Loader.loadPDF(bytes)) {
      // lines wrap at spaces: a line break reads as a space
      return new PDFTextStripper().getText(document).replaceAll("\\s*\\R\\s*", " ");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"Zażółć gęślą jaźń", "Διαβούλευση", "\u201cŵ ŷ Ŵ Ŷ\u201d", "\u2018tŷ\u2019",
      "barciau\u2019r sir \u2014 Zażółć", "Mae\u2019r dŵr yn y tŷ \u2014 \u201cŁódź\u201d i \u2018Gdańsk\u2019 \u2013 "
          + "καλημέρα σας"})
  void pdf_printsTextBeyondWindows1252_asWritten(String written) throws IOException {
    assertThat(text(pdf)).contains(written).doesNotContain("#");
  }

  @Test
  void pdf_internalUseReasonOnEveryPage_printsBeyondWindows1252() throws IOException {
    try (PDDocument document = Loader.loadPDF(internal)) {
      PDFTextStripper stripper = new PDFTextStripper();
      for (int page = 2; page <= document.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        assertThat(stripper.getText(document)).as("page %s", page).contains(REASON).doesNotContain("#");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"LiberationSans", "LiberationSans-Bold"})
  void pdf_embedsLiberationSans(String font) throws IOException {
    List<String> fonts = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      for (PDPage page : document.getPages()) {
        for (COSName name : page.getResources().getFontNames()) {
          var f = page.getResources().getFont(name);
          fonts.add(f.getName() + (f.isEmbedded() ? "" : " (not embedded)"));
        }
      }
    }
    // subset fonts are named ABCDEF+LiberationSans
    assertThat(fonts).anyMatch(n -> n.endsWith("+" + font)).noneMatch(n -> n.endsWith("(not embedded)"));
  }
}
