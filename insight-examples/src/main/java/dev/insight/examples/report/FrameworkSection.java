package dev.insight.examples.report;

import dev.insight.codeframe.Code;
import dev.insight.codeframe.framework.Cell;
import dev.insight.codeframe.framework.Excerpt;
import dev.insight.codeframe.framework.FrameworkCase;
import dev.insight.codeframe.framework.FrameworkMatrix;
import dev.insight.core.evidence.Verbatim;
import dev.insight.core.redact.RedactionPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The Framework Method matrix in the report's model: themes down the side, cases (focus groups) across, each cell
 * the analyst's summary with how many coded excerpts stand behind it and where in the transcripts, and the
 * consented quotes. Summaries and quotes are redacted; a quote without consent is never shown.
 */
final class FrameworkSection {
  private FrameworkSection() {}

  static ReportModel.Framework of(FrameworkMatrix matrix, RedactionPolicy redaction,
      Function<FrameworkCase, String> label) {
    List<FrameworkCase> cases = matrix.cases();
    List<ReportModel.MatrixRow> rows = new ArrayList<>();
    for (Code theme : matrix.themes()) {
      List<ReportModel.MatrixCell> cells = new ArrayList<>();
      for (FrameworkCase c : cases) {
        Cell cell = matrix.cell(c.id(), theme.id());
        if (cell.isEmpty()) {
          cells.add(new ReportModel.MatrixCell(false, null, 0, "", "", List.of()));
          continue;
        }
        List<Excerpt> excerpts = cell.excerpts();
        List<ReportModel.Quote> quotes = new ArrayList<>();
        for (Verbatim quote : cell.quotes()) {
          if (quote.publishable()) {
            quotes.add(new ReportModel.Quote(redaction.apply(quote.text()).text(), quote.attribution()));
          }
        }
        cells.add(new ReportModel.MatrixCell(true, cell.summaryText().map(s -> redaction.apply(s).text())
            .orElse(null), excerpts.size(), excerpts.isEmpty() ? "" : excerpts.get(0).time().toString(),
            excerpts.isEmpty() ? "" : excerpts.get(excerpts.size() - 1).time().toString(), quotes));
      }
      rows.add(new ReportModel.MatrixRow(theme.label(), cells));
    }
    return new ReportModel.Framework(cases.stream().map(label).toList(), rows);
  }
}
