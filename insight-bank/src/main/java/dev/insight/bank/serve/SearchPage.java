package dev.insight.bank.serve;

import dev.insight.bank.BankedProgramme;
import dev.insight.bank.Hit;
import dev.insight.bank.ItemKind;
import dev.insight.bank.SearchResult;
import dev.insight.core.internal.HtmlText;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The search page, rendered on the server: a plain HTML form (GET) and the results, with no script and no resource
 * from anywhere but this server, so it works with a keyboard, a screen reader and scripts turned off.
 */
final class SearchPage {
  static final String CSS = """
      :root { font-family: system-ui, sans-serif; line-height: 1.45; color: #1b1b1b; background: #fff; }
      body { max-width: 60rem; margin: 0 auto; padding: 1rem; }
      a:focus, input:focus, select:focus, button:focus { outline: 3px solid #ffbf47; outline-offset: 1px; }
      .skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; }
      form { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: .6rem 1rem; }
      label { display: block; font-weight: 600; } input, select, button { font: inherit; padding: .3rem; width: 100%; }
      .wide { grid-column: 1 / -1; } button { background: #00703c; color: #fff; border: 0; cursor: pointer; }
      ol { padding-left: 1.2rem; } li { margin: 0 0 1rem; } .text { font-size: 1.1rem; margin: .2rem 0; }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 .8rem; margin: 0; color: #444; }
      dt { font-weight: 600; } dd { margin: 0; } .kind { text-transform: uppercase; font-size: .8rem; }
      .note { background: #f3f2f1; padding: .5rem; } .error { border-left: 5px solid #d4351c; padding: .5rem; }
      """;

  private SearchPage() {}

  static String render(Map<String, String> p, @Nullable SearchResult result, @Nullable String error,
      List<BankedProgramme> programmes) {
    StringBuilder h = new StringBuilder(8192);
    h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Insight bank search</title><link rel=\"stylesheet\" href=\"/style.css\"></head><body>")
        .append("<a class=\"skip\" href=\"#results\">Skip to results</a>")
        .append("<header><h1>Insight bank</h1><p>What people told ").append(programmes.size())
        .append(programmes.size() == 1 ? " programme" : " programmes")
        .append(": findings, consented quotes (redacted), coded comments, themes with their weighted prevalence, ")
        .append("and what was done. Read-only.</p></header><main>")
        .append("<form method=\"get\" action=\"/\" role=\"search\" aria-label=\"Search the bank\">");
    field(h, "q", "Words", p, "search", "wide");
    h.append("<div><label for=\"kind\">Kind</label><select id=\"kind\" name=\"kind\"><option value=\"\">any</option>");
    for (ItemKind kind : ItemKind.values()) {
      h.append("<option value=\"").append(kind.label()).append('"')
          .append(kind.label().equals(p.get("kind")) ? " selected" : "").append('>').append(kind.label())
          .append("</option>");
    }
    h.append("</select></div>");
    field(h, "audience", "Audience", p, "text", "");
    field(h, "theme", "Theme", p, "text", "");
    field(h, "priority", "Priority (id)", p, "text", "");
    field(h, "place", "Place", p, "text", "");
    field(h, "activity", "Activity kind (e.g. focus-group)", p, "text", "");
    h.append("<div><label for=\"programme\">Programme</label><select id=\"programme\" name=\"programme\">")
        .append("<option value=\"\">any</option>");
    for (BankedProgramme b : programmes) {
      h.append("<option value=\"").append(esc(b.id())).append('"')
          .append(b.id().equals(p.get("programme")) ? " selected" : "").append('>').append(esc(b.title()))
          .append("</option>");
    }
    h.append("</select></div>");
    field(h, "from", "From (YYYY-MM-DD)", p, "date", "");
    field(h, "to", "To (YYYY-MM-DD)", p, "date", "");
    h.append("<div class=\"wide\"><button type=\"submit\">Search</button></div></form>");
    h.append("<section id=\"results\" aria-live=\"polite\" tabindex=\"-1\"><h2>Results</h2>");
    if (error != null) {
      h.append("<p class=\"error\" role=\"alert\">").append(esc(error)).append("</p>");
    } else if (result != null) {
      if (!result.note().isEmpty()) {
        h.append("<p class=\"note\">").append(esc(result.note())).append("</p>");
      }
      h.append("<p>").append(result.hits().size()).append(result.hits().size() == 1 ? " hit" : " hits")
          .append(result.byMeaning() ? " (by words and meaning)" : " (by words)").append(".</p><ol>");
      for (Hit hit : result.hits()) {
        h.append("<li><article><span class=\"kind\">").append(hit.kind().label()).append("</span>")
            .append("<p class=\"text\">").append(esc(hit.text())).append("</p><dl>");
        row(h, "Programme", hit.programmeTitle() + (hit.internalUseOnly() ? " (internal use only)" : ""));
        row(h, "Source", hit.source());
        row(h, "Base", hit.base());
        if (!hit.themes().isEmpty()) {
          row(h, "Themes", String.join(", ", hit.themes()));
        }
        if (hit.date() != null) {
          row(h, "Date", hit.date());
        }
        row(h, "Consent", hit.consent());
        row(h, "Redaction", hit.redaction());
        h.append("</dl></article></li>");
      }
      h.append("</ol>");
    } else {
      h.append("<p>Type words or choose a filter, then search.</p>");
    }
    h.append("</section></main><footer><p>The same search as JSON: <code>/api/search?q=...</code></p></footer>")
        .append("</body></html>");
    return h.toString();
  }

  private static void field(StringBuilder h, String name, String label, Map<String, String> p, String type,
      String css) {
    h.append("<div").append(css.isEmpty() ? "" : " class=\"" + css + "\"").append("><label for=\"").append(name)
        .append("\">").append(label).append("</label><input id=\"").append(name).append("\" name=\"").append(name)
        .append("\" type=\"").append(type).append("\" value=\"").append(esc(p.getOrDefault(name, ""))).append("\">")
        .append("</div>");
  }

  private static void row(StringBuilder h, String term, String value) {
    h.append("<dt>").append(term).append("</dt><dd>").append(esc(value)).append("</dd>");
  }

  static String esc(@Nullable String text) {
    if (text == null) {
      return "";
    }
    return HtmlText.escape(text);
  }
}
