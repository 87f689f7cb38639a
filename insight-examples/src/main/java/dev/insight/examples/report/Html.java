package dev.insight.examples.report;

import java.util.List;
import java.util.Locale;

/**
 * Builds HTML text. Every piece of data goes through {@link #text(String)} (escaped); only this class's own markup is
 * written raw, so a comment or a label from a data file can never become markup or script. Characters XML does not
 * allow (control characters, unpaired surrogates) become U+FFFD, so the page is always well-formed XML too.
 */
final class Html {
  private final StringBuilder out = new StringBuilder(64 * 1024);

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

  /** Opens an element; the attributes are name, value pairs (values escaped). */
  Html open(String tag, String... attributes) {
    out.append('<').append(tag);
    for (int i = 0; i + 1 < attributes.length; i += 2) {
      out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
    }
    out.append('>');
    return this;
  }

  Html close(String tag) {
    out.append("</").append(tag).append(">\n");
    return this;
  }

  /** An element holding escaped text. */
  Html element(String tag, String content, String... attributes) {
    return open(tag, attributes).text(content).close(tag);
  }

  Html text(String content) {
    out.append(escape(content));
    return this;
  }

  /** Markup made by this package, never data. */
  Html raw(String markup) {
    out.append(markup);
    return this;
  }

  /** Appends markup built by another {@code Html}. */
  Html append(Html other) {
    out.append(other.out);
    return this;
  }

  /**
   * Opens a region that scrolls sideways on a narrow screen (wide tables): focusable, so a keyboard user can
   * scroll it, and named for a screen reader. Close it with {@code close("div")}.
   */
  Html scrolling(String label) {
    return open("div", "class", "scroll", "tabindex", "0", "role", "region", "aria-label", label);
  }

  /**
   * A table with a header row and body rows in a {@link #scrolling} region; cells escaped; numeric-looking columns
   * right-aligned by CSS class.
   */
  Html table(String caption, List<String> header, List<List<String>> rows, boolean firstColumnIsLabel) {
    scrolling(caption);
    open("table");
    element("caption", caption);
    open("thead").open("tr");
    for (String cell : header) {
      element("th", cell, "scope", "col");
    }
    close("tr").close("thead").open("tbody");
    for (List<String> row : rows) {
      open("tr");
      for (int i = 0; i < row.size(); i++) {
        if (i == 0 && firstColumnIsLabel) {
          element("th", row.get(i), "scope", "row");
        } else {
          element("td", row.get(i), "class", "num");
        }
      }
      close("tr");
    }
    return close("tbody").close("table").close("div");
  }

  static String percent(double proportion, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f%%", 100 * proportion);
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
