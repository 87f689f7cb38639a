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
  static List<ReportModel.Consideration> chain(Programme programme, Response response) {
    List<ReportModel.Consideration> chain = new ArrayList<>();
    for (Consideration c : response.considerations()) {
      List<ReportModel.ChainItem> items = new ArrayList<>();
      c.findings().forEach(id -> programme.finding(id).ifPresent(f -> items.add(new ReportModel.ChainItem("finding",
          f.theme(), f.statement()))));
      c.prevalences().forEach(id -> programme.prevalence(id).ifPresent(p -> items.add(new ReportModel.ChainItem(
          "theme", p.theme(), p.describe()))));
      c.quotes().forEach(id -> programme.quote(id).ifPresent(q -> items.add(new ReportModel.ChainItem("quote",
          q.attribution(), q.publishable() ? "" : q.consent().name().toLowerCase(Locale.ROOT).replace('_', ' ')))));
      c.sources().forEach(id -> programme.activity(id).ifPresent(a -> items.add(new ReportModel.ChainItem("source",
          a.title(), a.kindLabel()))));
      chain.add(new ReportModel.Consideration(c.consideredBy(), c.consideredOn().toString(), c.note(), items));
    }
    return chain;
  }

  /** The log of every consideration, hash-chained, as {@code insight log} writes it. */
  static ReportModel.ConsiderationAppendix appendix(Programme programme) {
    ConsiderationLog log = ConsiderationLog.empty().record(programme);
    LogCheck check = log.verify();
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode e : log.entries()) {
      List<String> evidence = new ArrayList<>();
      e.get("evidence").forEach(x -> evidence.add(x.get("kind").asText() + " " + x.get("id").asText()));
      rows.add(List.of(e.get("sequence").asText(), e.get("response").asText(), e.get("weDid").asText(),
          e.get("consideredBy").asText(), e.get("consideredOn").asText(), String.join(", ", evidence),
          e.get("hash").asText().substring(0, 12)));
    }
    return new ReportModel.ConsiderationAppendix(check.head(), log.size(), rows);
  }
}
