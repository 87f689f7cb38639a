package dev.insight.examples.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
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
    // the fonts the PDF does not embed are stood in for by the shipped one, never looked for among the system's
    org.apache.pdfbox.pdmodel.font.FontMappers.set(EmbeddedFontMapper.create());
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

  /** A face of the shipped Liberation Sans ("Regular", "Bold", "Italic", "BoldItalic"), read once; do not modify. */
  static byte[] face(String face) {
    return Faces.bytes(face);
  }

  private static void font(PdfRendererBuilder builder, String face, int weight, FontStyle style) {
    byte[] bytes = Faces.bytes(face);
    builder.useFont(() -> new ByteArrayInputStream(bytes), FAMILY, weight, style, true);
  }

  /**
   * The four faces, read once. Their glyph substitution table (GSUB) is hidden by renaming its tag: PDFBox applies
   * GSUB to every run of text it writes, through regular expressions built per run, which made the PDF three times
   * slower; Liberation Sans's substitutions are not needed for the alphabets it covers (the PDF's text is the same).
   */
  private static final class Faces {
    private static final java.util.Map<String, byte[]> BYTES = new java.util.concurrent.ConcurrentHashMap<>();

    static byte[] bytes(String face) {
      return BYTES.computeIfAbsent(face, Faces::read);
    }

    private static byte[] read(String face) {
      String resource = FONTS + face + ".ttf";
      try (InputStream in = ReportPdf.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("the font " + resource + " is missing from the class path");
        }
        return withoutGsub(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the font " + resource, e);
      }
    }
  }

  /**
   * A TrueType font's bytes with its GSUB table's tag renamed ({@code Xsub}), which font readers skip as an unknown
   * table: the table directory (12 bytes of header, then 16 bytes per table starting with the tag) is all that
   * changes.
   */
  static byte[] withoutGsub(byte[] font) {
    int tables = font.length < 12 ? 0 : (font[4] & 0xff) << 8 | font[5] & 0xff;
    for (int i = 0; i < tables && 12 + 16 * i + 4 <= font.length; i++) {
      int at = 12 + 16 * i;
      if (font[at] == 'G' && font[at + 1] == 'S' && font[at + 2] == 'U' && font[at + 3] == 'B') {
        font[at] = 'X';
      }
    }
    return font;
  }

  /** Whether a file is a TrueType font the PDF can embed, by its name. */
  static boolean isFont(Path file) {
    return Files.isRegularFile(file) && file.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
        .endsWith(".ttf");
  }
}
