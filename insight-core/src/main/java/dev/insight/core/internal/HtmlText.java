package dev.insight.core.internal;

/** Text made safe for HTML element content and quoted attribute values, shared by the pages insight writes. */
public final class HtmlText {
  private HtmlText() {}

  /**
   * Escapes the five characters HTML gives meaning to.
   *
   * @param text the text
   * @return the text with {@code & < > " '} as character references
   */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
