package dev.insight.examples.report;

import dev.insight.codeframe.Code;
import dev.insight.codeframe.framework.Cell;
import dev.insight.codeframe.framework.Excerpt;
import dev.insight.codeframe.framework.FrameworkCase;
import dev.insight.codeframe.framework.FrameworkMatrix;
import dev.insight.core.evidence.Verbatim;
import dev.insight.core.redact.RedactionPolicy;
import java.util.List;
import java.util.function.Function;

/**
 * The Framework Method matrix in the report: themes down the side, cases (focus groups) across, each cell the
 * analyst's summary with how many coded excerpts stand behind it and where in the transcripts, and the consented
 * quotes. Summaries and quotes are redacted; a quote without consent is never shown.
 */
final class FrameworkSection {
  private FrameworkSection() {}

  static Html render(FrameworkMatrix matrix, RedactionPolicy redaction, Function<FrameworkCase, String> label) {
    Html html = new Html();
    List<FrameworkCase> cases = matrix.cases();
    html.element("p", "Transcripts were coded with a themes codeframe and charted into a matrix of themes by case "
        + "(the Framework Method). Each cell summarises what was said on the theme; the figures say "
        + "how many coded excerpts of the transcripts stand behind it and where they are, so that every summary "
        + "can be traced back.", "class", "lead");
    String caption = "Framework matrix: " + matrix.themes().size() + " themes by " + cases.size()
        + (cases.size() == 1 ? " case" : " cases");
    html.open("div", "class", "wide").scrolling(caption).open("table", "class", "matrix");
    html.element("caption", caption);
    html.open("thead").open("tr").element("th", "Theme", "scope", "col");
    for (FrameworkCase c : cases) {
      html.element("th", label.apply(c), "scope", "col");
    }
    html.close("tr").close("thead").open("tbody");
    for (Code theme : matrix.themes()) {
      html.open("tr").element("th", theme.label(), "scope", "row");
      for (FrameworkCase c : cases) {
        Cell cell = matrix.cell(c.id(), theme.id());
        html.open("td", "class", "text");
        if (cell.isEmpty()) {
          html.element("span", "not raised", "class", "note");
        } else {
          cell.summaryText().ifPresent(s -> html.element("p", redaction.apply(s).text()));
          if (!cell.excerpts().isEmpty()) {
            List<Excerpt> excerpts = cell.excerpts();
            html.element("p", excerpts.size() + (excerpts.size() == 1 ? " excerpt" : " excerpts") + ", "
                + excerpts.get(0).time() + (excerpts.size() > 1 ? " to " + excerpts.get(excerpts.size() - 1).time()
                : ""), "class", "note");
          }
          for (Verbatim quote : cell.quotes()) {
            if (quote.publishable()) {
              html.open("blockquote").element("p", "\u201c" + redaction.apply(quote.text()).text() + "\u201d")
                  .element("footer", "\u2014 " + quote.attribution()).close("blockquote");
            }
          }
        }
        html.close("td");
      }
      html.close("tr");
    }
    html.close("tbody").close("table").close("div").close("div");
    return html;
  }
}
