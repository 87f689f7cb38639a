package dev.insight.examples.report;

/**
 * The report's escaping of text for HTML, which the templates apply to every value they print (see
 * {@link ReportTemplates}), so a comment or a label from a data file can never become markup or script. Characters XML
 * does not allow (control characters, unpaired surrogates) become U+FFFD, so the page is always well-formed XML too.
 */
final class Html {
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF
              || Character.isSurrogate(c) && !pairedSurrogate(text, i)) {
            // not allowed in XML (a vertical tab from a spreadsheet cell, a stray surrogate): the page must stay
            // well-formed for the PDF renderer, so the character is shown as the replacement character
            escaped.append('\uFFFD');
          } else {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }

  private static boolean pairedSurrogate(String text, int i) {
    char c = text.charAt(i);
    return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
        : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
  }

  private Html() {}
}
