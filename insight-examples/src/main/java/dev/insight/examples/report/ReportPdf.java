package dev.insight.examples.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders the report's page to an A4 PDF in Java with openhtmltopdf (CSS paged media on PDFBox): no browser, no
 * network (the page is self-contained, and nothing outside it is fetched).
 *
 * <p>Text is set in Liberation Sans (SIL Open Font License 1.1), embedded and subset, which covers the Latin, Greek,
 * Cyrillic and Hebrew alphabets (Polish, Welsh, Vietnamese and every European language) and typographic punctuation;
 * the renderer's built-in Helvetica covers only Windows-1252 and printed every other character as {@code #}. Each
 * character missing from Liberation Sans is looked up, glyph by glyph, in the extra fonts given (TrueType files in
 * the templates folder's {@code fonts/}), in file name order.
 */
final class ReportPdf {
  /** The family the PDF's style sheet names first. */
  static final String FAMILY = "Liberation Sans";

  /** The family names given to extra fonts, in order: {@code "Extra 1"}, {@code "Extra 2"}... */
  static final String EXTRA_FAMILY = "Extra ";

  private static final String FONTS = "/liberation/LiberationSans-";

  static {
    // the renderer logs every CSS property it does not know (the screen-only ones) to standard error
    com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
  }

  private ReportPdf() {}

  static byte[] render(String xhtml) {
    return render(xhtml, List.of());
  }

  /**
   * The PDF.
   *
   * @param xhtml the page, well-formed
   * @param extraFonts TrueType files to fall back to for characters Liberation Sans lacks, in order; the page's
   *     style names them {@code "Extra 1"}, {@code "Extra 2"}...
   */
  static byte[] render(String xhtml, List<Path> extraFonts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.withHtmlContent(xhtml, null);
      builder.useUriResolver((base, uri) -> null);
      builder.useExternalResourceAccessControl((uri, type) -> false,
          com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
      builder.useExternalResourceAccessControl((uri, type) -> false,
          com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
      font(builder, "Regular", 400, FontStyle.NORMAL);
      font(builder, "Bold", 700, FontStyle.NORMAL);
      font(builder, "Italic", 400, FontStyle.ITALIC);
      font(builder, "BoldItalic", 700, FontStyle.ITALIC);
      for (int i = 0; i < extraFonts.size(); i++) {
        Path file = extraFonts.get(i);
        builder.useFont(file.toFile(), EXTRA_FAMILY + (i + 1));
      }
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the report as PDF", e);
    }
    return out.toByteArray();
  }

  private static void font(PdfRendererBuilder builder, String face, int weight, FontStyle style) {
    String resource = FONTS + face + ".ttf";
    builder.useFont(() -> {
      InputStream in = ReportPdf.class.getResourceAsStream(resource);
      if (in == null) {
        throw new IllegalStateException("the font " + resource + " is missing from the class path");
      }
      return in;
    }, FAMILY, weight, style, true);
  }

  /** Whether a file is a TrueType font the PDF can embed, by its name. */
  static boolean isFont(Path file) {
    return Files.isRegularFile(file) && file.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
        .endsWith(".ttf");
  }
}
