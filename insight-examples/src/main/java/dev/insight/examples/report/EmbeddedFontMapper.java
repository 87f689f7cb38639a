package dev.insight.examples.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

/**
 * PDFBox's font mapper for the report's PDF: every font the PDF does not embed is stood in for by the shipped
 * Liberation Sans, without looking at the system's fonts.
 *
 * <p>The renderer creates the 14 standard PDF fonts (Helvetica, Times, Courier, Symbol, ZapfDingbats) for every
 * document as its last fallback, and PDFBox's default mapper looks for an installed font to stand in for each: it
 * scans every font of the system on first use (seconds on a machine with many fonts), keeps a cache file in the
 * user's home folder, and parses a TrueType file from disk for each face. The report never draws with those fonts:
 * it embeds Liberation Sans (and the extra fonts given), the standard fonts' widths come from their metrics shipped
 * in PDFBox, and a stand-in is only needed to draw a glyph's outline, which writing a PDF does not. So this mapper
 * answers every request with the one font already shipped; the PDF written is the same.
 */
final class EmbeddedFontMapper implements FontMapper {
  private final TrueTypeFont standIn;

  private EmbeddedFontMapper(TrueTypeFont standIn) {
    this.standIn = standIn;
  }

  /** The mapper, with Liberation Sans Regular parsed from the shipped bytes. */
  static EmbeddedFontMapper create() {
    try {
      return new EmbeddedFontMapper(new TTFParser().parse(new RandomAccessReadBuffer(ReportPdf.face("Regular"))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the shipped font Liberation Sans", e);
    }
  }

  @Override
  public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor fontDescriptor) {
    return new FontMapping<>(standIn, false);
  }

  @Override
  public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor fontDescriptor) {
    return new FontMapping<>(standIn, false);
  }

  @Override
  public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor fontDescriptor, PDCIDSystemInfo cidSystemInfo) {
    return new CIDFontMapping(null, standIn, false);
  }
}
