package dev.insight.examples.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.insight.core.consideration.ConsiderationLog;
import dev.insight.core.consideration.LogCheck;
import dev.insight.core.evidence.Consideration;
import dev.insight.core.evidence.Response;
import dev.insight.core.programme.Programme;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The evidence chain in the report: under each "you said, we did", who considered which evidence and when; and the
 * consideration log as an appendix, with the head hash that {@code insight verify-log} prints.
 */
final class ConsiderationSection {
  private ConsiderationSection() {}

  static boolean any(Programme programme) {
    return programme.responses().stream().anyMatch(r -> !r.considerations().isEmpty());
  }

  /** The chain of one response: each consideration with the evidence it named, spelled out. */
  static void chain(Html html, Programme programme, Response response) {
    if (response.considerations().isEmpty()) {
      html.element("p", "No consideration of the evidence is recorded for this change yet.", "class", "note");
      return;
    }
    for (Consideration c : response.considerations()) {
      html.open("details", "class", "chain").open("summary").text("Considered by " + c.consideredBy() + " on "
          + c.consideredOn() + (c.note() == null ? "" : ": " + c.note())).close("summary").open("ul");
      c.findings().forEach(id -> programme.finding(id).ifPresent(f -> html.element("li", "Finding (" + f.theme()
          + "): " + f.statement())));
      c.prevalences().forEach(id -> programme.prevalence(id).ifPresent(p -> html.element("li", "Theme: "
          + p.theme() + ", " + p.describe())));
      c.quotes().forEach(id -> programme.quote(id).ifPresent(q -> html.element("li", "Quote from "
          + q.attribution() + (q.publishable() ? "" : " (not for publication: consent "
              + q.consent().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")"))));
      c.sources().forEach(id -> programme.activity(id).ifPresent(a -> html.element("li", "Source: " + a.title()
          + " (" + a.kindLabel() + ")")));
      html.close("ul").close("details");
    }
  }

  /** The log of every consideration, hash-chained, as {@code insight log} writes it. */
  static Html appendix(Programme programme) {
    ConsiderationLog log = ConsiderationLog.empty().record(programme);
    LogCheck check = log.verify();
    Html html = new Html();
    html.element("p", "Every decision above, the evidence in front of the decision makers, who they were and "
        + "when. The entries are hash-chained (SHA-256): a later edit of any entry breaks the chain, which insight "
        + "verify-log detects. Head of the chain: " + check.head() + ".", "class", "lead");
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode e : log.entries()) {
      List<String> evidence = new ArrayList<>();
      e.get("evidence").forEach(x -> evidence.add(x.get("kind").asText() + " " + x.get("id").asText()));
      rows.add(List.of(e.get("sequence").asText(), e.get("response").asText(), e.get("weDid").asText(),
          e.get("consideredBy").asText(), e.get("consideredOn").asText(), String.join(", ", evidence),
          e.get("hash").asText().substring(0, 12)));
    }
    html.table("Consideration log (" + log.size() + " entries)", List.of("#", "Response", "We did", "Considered by",
        "On", "Evidence considered", "Hash (first 12)"), rows, false);
    return html;
  }
}
