package dev.insight.examples.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A report as one self-contained HTML page: a title block, a table of contents and numbered sections. The style
 * sheet is inline and uses the reader's system fonts; there is no script at all, so nothing can fail to load and
 * nothing runs.
 */
final class ReportDocument {
  private static final String STYLE = """
      :root { --ink: #1d2733; --muted: #5b6776; --rule: #d5dbe3; --bar: #2f6f9f; --ci: #0b2a44; --band: #f3f6f9; }
      * { box-sizing: border-box; }
      body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
        sans-serif; color: var(--ink); background: #fff; }
      header.cover { padding: 48px 56px 32px; background: #12324f; color: #fff; }
      header.cover h1 { margin: 0 0 8px; font-size: 30px; line-height: 1.2; max-width: 900px; }
      header.cover p { margin: 4px 0; color: #d6e2ee; max-width: 900px; }
      nav { padding: 16px 56px; border-bottom: 1px solid var(--rule); background: var(--band); }
      nav ol { margin: 0; padding-left: 20px; columns: 2; max-width: 900px; }
      main { padding: 8px 56px 48px; max-width: 1100px; }
      section { padding-top: 24px; border-bottom: 1px solid var(--rule); padding-bottom: 16px; }
      h2 { font-size: 23px; margin: 8px 0 12px; }
      h3 { font-size: 18px; margin: 20px 0 8px; }
      p.lead { font-size: 17px; max-width: 860px; }
      p.note, .note { color: var(--muted); font-size: 14px; max-width: 860px; }
      .figures { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; }
      .figure { flex: 1 1 150px; border: 1px solid var(--rule); border-radius: 6px; padding: 12px 14px; }
      .figure b { display: block; font-size: 28px; line-height: 1.1; }
      .figure span { color: var(--muted); font-size: 14px; }
      table { border-collapse: collapse; margin: 12px 0 20px; font-size: 14px; }
      caption { text-align: left; font-weight: 600; padding: 4px 0 8px; }
      th, td { border-bottom: 1px solid var(--rule); padding: 5px 10px; vertical-align: top; text-align: left; }
      thead th { background: var(--band); border-bottom: 2px solid #aab4c0; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      td.text { text-align: left; white-space: normal; }
      blockquote { margin: 10px 0 14px; padding: 8px 16px; border-left: 4px solid var(--bar); background: var(--band);
        max-width: 820px; }
      blockquote footer { color: var(--muted); font-size: 14px; margin-top: 4px; }
      svg.chart { max-width: 100%; height: auto; display: block; margin: 8px 0 4px; }
      svg .bar { fill: var(--bar); }
      svg .ci { stroke: var(--ci); stroke-width: 1.6; fill: none; }
      svg .grid { stroke: var(--rule); stroke-width: 1; }
      svg text { font: 13px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--ink); }
      svg .tick { fill: var(--muted); font-size: 11px; }
      div.banner { overflow-x: auto; }
      table.matrix td { min-width: 180px; font-size: 13px; }
      table.matrix td p { margin: 0 0 6px; }
      table.matrix blockquote { font-size: 13px; padding: 4px 8px; margin: 4px 0; }
      table.banner th.group { text-align: center; border-bottom: 1px solid #aab4c0; }
      table.banner tr.question th { background: #e8eef4; font-size: 15px; }
      table.banner tr.base th, table.banner tr.base td { color: var(--muted); font-size: 13px; }
      table.banner tr.test td { color: var(--muted); font-size: 13px; font-style: italic; }
      span.letter { color: #8a3b12; font-weight: 600; font-size: 12px; }
      .card { border: 1px solid var(--rule); border-radius: 6px; padding: 4px 18px 12px; margin: 14px 0; }
      .status { font-size: 13px; padding: 1px 8px; border-radius: 10px; background: #e3eef7; white-space: nowrap; }
      @media print { nav { display: none; } header.cover { background: #fff; color: var(--ink); }
        header.cover p { color: var(--muted); } section { break-inside: avoid-page; } }
      """;

  private final String title;
  private final List<String> subtitle;
  private final List<String[]> sections = new ArrayList<>();

  ReportDocument(String title, List<String> subtitle) {
    this.title = title;
    this.subtitle = List.copyOf(subtitle);
  }

  /** Adds a section; its body is markup built with {@link Html}. */
  ReportDocument section(String id, String heading, Html body) {
    sections.add(new String[] {id, heading, body.toString()});
    return this;
  }

  List<String> sectionIds() {
    return sections.stream().map(s -> s[0]).toList();
  }

  String render() {
    Html page = new Html();
    page.raw("<!DOCTYPE html>\n");
    page.open("html", "lang", "en-GB");
    page.open("head");
    page.raw("<meta charset=\"utf-8\">\n");
    page.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    page.element("title", title);
    page.open("style").raw(STYLE).close("style");
    page.close("head");
    page.open("body");
    page.open("header", "class", "cover");
    page.element("h1", title);
    for (String line : subtitle) {
      page.element("p", line);
    }
    page.close("header");
    page.open("nav", "aria-label", "Contents").open("ol");
    for (String[] section : sections) {
      page.open("li").open("a", "href", "#" + section[0]).text(section[1]).close("a").close("li");
    }
    page.close("ol").close("nav");
    page.open("main");
    for (String[] section : sections) {
      page.open("section", "id", section[0]);
      page.element("h2", section[1]);
      page.raw(section[2]);
      page.close("section");
    }
    page.close("main");
    page.close("body");
    page.close("html");
    return page.toString();
  }
}
