package dev.insight.examples.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Renders the report's page to an A4 PDF in Java with openhtmltopdf (CSS paged media on PDFBox): no browser, no
 * network (the page is self-contained, and nothing outside it is fetched).
 */
final class ReportPdf {
  static {
    // the renderer logs every CSS property it does not know (the screen-only ones) to standard error
    com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
  }

  private ReportPdf() {}

  static byte[] render(String xhtml) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.withHtmlContent(xhtml, null);
      builder.useUriResolver((base, uri) -> null);
      builder.useExternalResourceAccessControl((uri, type) -> false,
          com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
      builder.useExternalResourceAccessControl((uri, type) -> false,
          com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the report as PDF", e);
    }
    return out.toByteArray();
  }
}
