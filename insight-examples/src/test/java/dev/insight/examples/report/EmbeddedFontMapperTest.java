package dev.insight.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.fontbox.FontBoxFont;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The fonts the PDF does not embed are stood in for by the shipped Liberation Sans, never by the system's. */
class EmbeddedFontMapperTest {

  @ParameterizedTest(name = "{0}")
  @EnumSource(Standard14Fonts.FontName.class)
  void standardFont_isStoodInForByTheShippedFont(Standard14Fonts.FontName font) throws IOException {
    FontMapping<FontBoxFont> mapping = EmbeddedFontMapper.create().getFontBoxFont(font.getName(), null);

    assertThat(mapping.getFont().getName()).isEqualTo("LiberationSans");
    assertThat(mapping.isFallback()).isFalse();
  }

  @Test
  void fontNoSystemHas_isStoodInForByTheShippedFont() throws IOException {
    FontMapper mapper = EmbeddedFontMapper.create();

    assertThat(mapper.getTrueTypeFont("NoSuchFont-Regular", null).getFont().getName()).isEqualTo("LiberationSans");
    assertThat(mapper.getCIDFont("NoSuchFont-Regular", null, null).getTrueTypeFont().getName())
        .isEqualTo("LiberationSans");
  }

  @Test
  void renderingThePdf_usesTheMapper() {
    ReportPdf.render("<html><head><title>t</title></head><body><p>Text</p></body></html>");

    assertThat(FontMappers.instance()).isInstanceOf(EmbeddedFontMapper.class);
  }
}
