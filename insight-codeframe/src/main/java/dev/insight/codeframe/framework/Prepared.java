package dev.insight.codeframe.framework;

import dev.insight.codeframe.Code;
import dev.insight.core.evidence.Verbatim;
import dev.insight.core.internal.Pseudonyms;
import dev.insight.core.redact.RedactionAudit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A matrix as it may leave the library: every text passed through the redaction policy, unknown speakers'
 * names replaced when redacting, the audit recorded. The writers format only this.
 */
final class Prepared {
  record PExcerpt(String text, String speaker, String reference, String code, String coder, String codedAt,
      String segment) {}

  record PQuote(String id, String text, String attribution, String activity, String participant, String locator,
      String consent) {}

  record PCell(String summary, List<PExcerpt> excerpts, List<PQuote> quotes) {
    boolean isEmpty() {
      return summary.isEmpty() && excerpts.isEmpty() && quotes.isEmpty();
    }
  }

  record PCase(String id, String label) {}

  final List<PCase> cases = new ArrayList<>();
  final List<Code> themes;
  final List<List<PCell>> cells = new ArrayList<>();
  final RedactionAudit audit;

  private Prepared(List<Code> themes, RedactionAudit audit) {
    this.themes = themes;
    this.audit = audit;
  }

  static Prepared of(FrameworkMatrix matrix, RedactionAudit.Recorder recorder) {
    boolean redacting = recorder.policy().redacts();
    Map<String, String> labels = new HashMap<>();
    int unknown = 0;
    for (FrameworkCase row : matrix.cases()) {
      String label = row.label();
      if (row.mapped()) {
        // a pseudonym or id is shown as it is: one that is itself personal data would be published
        Pseudonyms.check(recorder.policy(), "case " + row.id(), "label", label);
        Pseudonyms.check(recorder.policy(), "case " + row.id(), "id", row.id());
      }
      if (!row.mapped() && redacting) {
        label = "unidentified speaker " + ++unknown;
      }
      labels.put(row.label(), label);
      labels.put(row.id(), label);
    }
    List<PCase> cases = new ArrayList<>();
    List<List<PCell>> cells = new ArrayList<>();
    for (FrameworkCase row : matrix.cases()) {
      String caseLabel = labels.get(row.id());
      cases.add(new PCase(row.mapped() ? row.id() : caseLabel, caseLabel));
      List<PCell> rowCells = new ArrayList<>();
      for (Code theme : matrix.themes()) {
        Cell cell = matrix.cell(row.id(), theme.id());
        String where = "case " + caseLabel + ", theme " + theme.id();
        String summary = cell.summary() == null ? "" : recorder.apply(where + ", summary", cell.summary());
        List<PExcerpt> excerpts = new ArrayList<>();
        for (Excerpt e : cell.excerpts()) {
          String speaker = labels.containsKey(e.speaker()) ? labels.get(e.speaker())
              : recorder.apply(where + ", speaker of " + e.segment(), e.speaker());
          excerpts.add(new PExcerpt(recorder.apply(where + ", excerpt " + e.segment(), e.text()), speaker,
              e.reference(), e.code().value(), recorder.apply(where + ", coder of " + e.segment(), e.coder()),
              e.codedAt().toString(), e.segment().value()));
        }
        List<PQuote> quotes = new ArrayList<>();
        for (Verbatim q : cell.quotes()) {
          quotes.add(new PQuote(q.id().value(), recorder.apply(where + ", quote " + q.id(), q.text()),
              recorder.apply(where + ", attribution of quote " + q.id(), q.attribution()),
              q.source().activity().value(),
              q.source().participant() == null ? "" : q.source().participant().value(),
              q.source().locator() == null ? "" : q.source().locator(), q.consent().name()));
        }
        rowCells.add(new PCell(summary, excerpts, quotes));
      }
      cells.add(rowCells);
    }
    Prepared prepared = new Prepared(matrix.themes(), recorder.audit());
    prepared.cases.addAll(cases);
    prepared.cells.addAll(cells);
    return prepared;
  }

  /** A cell as one piece of text, for a spreadsheet or CSV cell: the summary, then excerpts, then quotes. */
  static String text(PCell cell) {
    StringBuilder text = new StringBuilder(cell.summary());
    for (PExcerpt e : cell.excerpts()) {
      if (text.length() > 0) {
        text.append('\n');
      }
      text.append('\u201C').append(e.text()).append("\u201D (").append(e.speaker()).append("; ")
          .append(e.reference()).append("; ").append(e.code()).append(", ").append(e.coder()).append(')');
    }
    for (PQuote q : cell.quotes()) {
      if (text.length() > 0) {
        text.append('\n');
      }
      text.append("Quote ").append(q.id()).append(": \u201C").append(q.text()).append("\u201D \u2014 ")
          .append(q.attribution()).append(" (").append(q.activity())
          .append(q.locator().isEmpty() ? "" : ", " + q.locator()).append(')');
    }
    return text.toString();
  }

  /** The heading of the case column, marking an internal-use export. */
  String caseHeading() {
    return audit.redacted() ? "case" : "case (INTERNAL USE ONLY, not redacted: " + audit.internalUseReason() + ")";
  }
}
