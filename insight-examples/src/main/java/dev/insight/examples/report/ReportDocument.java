package dev.insight.examples.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A report as one self-contained page: a cover with the title and contents, then numbered sections. The style
 * sheet is inline and uses the reader's system fonts; there is no script at all, so nothing can fail to load and
 * nothing runs.
 *
 * <p>The same page serves the screen (down to a 390 px phone: nothing scrolls sideways but wide tables, in
 * focusable regions), the browser's print (A4, cover page, each section on a new page, wide tables on landscape
 * pages, repeated table headers, page numbers) and the PDF. The markup is well-formed XML so that the PDF renderer
 * reads it as it is. Sections are added in order with {@link #section}; a new appendix is one more call.
 */
final class ReportDocument {
  /** Where the page is going: a browser (screen and print), or the Java PDF renderer. */
  enum Medium {
    BROWSER,
    PDF
  }

  private static final String STYLE = """
      * { box-sizing: border-box; }
      body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
        sans-serif; color: #1d2733; background: #fff; overflow-wrap: break-word; }
      header.cover { padding: 48px 56px 32px; background: #12324f; color: #fff; }
      header.cover h1 { margin: 0 0 8px; font-size: 30px; line-height: 1.2; max-width: 900px; }
      header.cover p { margin: 4px 0; color: #d6e2ee; max-width: 900px; }
      header.cover p.internal { color: #fff; font-weight: 700; }
      nav { padding: 16px 56px; border-bottom: 1px solid #d5dbe3; background: #f3f6f9; }
      nav h2 { font-size: 16px; margin: 0 0 4px; }
      nav ol { margin: 0; padding-left: 20px; max-width: 900px; }
      nav a { color: #1a4f7a; }
      main { padding: 8px 56px 48px; max-width: 1100px; }
      section { padding-top: 24px; border-bottom: 1px solid #d5dbe3; padding-bottom: 16px; }
      h2 { font-size: 23px; margin: 8px 0 12px; }
      h3 { font-size: 18px; margin: 20px 0 8px; }
      h4 { font-size: 16px; margin: 16px 0 6px; }
      p.lead { font-size: 17px; max-width: 860px; }
      p.note, .note { color: #4f5b69; font-size: 14px; max-width: 860px; }
      .figures { margin: 12px 0; }
      .figure { display: inline-block; vertical-align: top; width: 200px; margin: 0 8px 8px 0; border: 1px solid #d5dbe3;
        border-radius: 6px; padding: 12px 14px; }
      .figure b { display: block; font-size: 28px; line-height: 1.1; }
      .figure span { color: #4f5b69; font-size: 14px; }
      div.scroll { overflow-x: auto; max-width: 100%; }
      div.scroll:focus { outline: 3px solid #2f6f9f; outline-offset: 2px; }
      table { border-collapse: collapse; margin: 12px 0 20px; font-size: 14px; }
      caption { text-align: left; font-weight: 600; padding: 4px 0 8px; }
      th, td { border-bottom: 1px solid #d5dbe3; padding: 5px 10px; vertical-align: top; text-align: left; }
      thead th { background: #f3f6f9; border-bottom: 2px solid #aab4c0; }
      td.num { text-align: right; white-space: nowrap; }
      td.text { text-align: left; white-space: normal; }
      blockquote { margin: 10px 0 14px; padding: 8px 16px; border-left: 4px solid #2f6f9f; background: #f3f6f9;
        max-width: 820px; }
      blockquote p { margin: 0; }
      blockquote footer { color: #4f5b69; font-size: 14px; margin-top: 4px; }
      table.chart { width: 100%; max-width: 860px; table-layout: fixed; }
      table.chart th[scope=row] { width: 34%; font-weight: 400; }
      table.chart th[scope=col] { font-size: 13px; }
      table.chart td.plot { padding-top: 8px; }
      .track { height: 16px; }
      .bar { height: 16px; background: #2f6f9f; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
      .ci { height: 8px; margin-top: -12px; border: 2px solid #0b2a44; border-top: 0; }
      span.value { display: block; font-size: 13px; color: #1d2733; margin-top: 6px; }
      table.matrix td { min-width: 180px; font-size: 13px; }
      table.matrix td p { margin: 0 0 6px; }
      table.matrix blockquote { font-size: 13px; padding: 4px 8px; margin: 4px 0; }
      table.banner th.group { text-align: center; border-bottom: 1px solid #aab4c0; }
      table.banner tr.question th { background: #e8eef4; font-size: 15px; }
      table.banner tr.base th, table.banner tr.base td { color: #4f5b69; font-size: 13px; }
      span.letter { color: #8a3b12; font-weight: 600; font-size: 12px; }
      .card { border: 1px solid #d5dbe3; border-radius: 6px; padding: 4px 18px 12px; margin: 14px 0; }
      .status { font-size: 13px; padding: 1px 8px; border-radius: 10px; background: #e3eef7; white-space: nowrap; }
      @media (max-width: 600px) {
        header.cover, nav, main { padding-left: 16px; padding-right: 16px; }
        header.cover h1 { font-size: 24px; }
        .figure { width: 46%; }
        table.chart th[scope=row] { width: 40%; }
      }
      @page { size: A4; margin: 20mm 16mm 22mm 16mm;
        @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: "Liberation Sans", Arial, sans-serif;
          font-size: 9pt; color: #4f5b69; } }
      @page :first { @bottom-right { content: none; } }
      @page wide { size: A4 landscape; margin: 16mm 14mm 18mm 14mm; }
      @media print {
        body { font-size: 10.5pt; }
        header.cover { background: #fff; color: #1d2733; padding: 60mm 0 12mm; }
        header.cover h1 { font-size: 26pt; }
        header.cover p { color: #4f5b69; }
        nav { background: #fff; border: 0; padding: 0; page-break-after: always; break-after: page; }
        nav a { color: #1d2733; text-decoration: none; }
        main { padding: 0; max-width: none; }
        section { page-break-before: always; break-before: page; border: 0; padding-top: 0; }
        div.scroll { overflow: visible; }
        div.wide { page: wide; }
        thead { display: table-header-group; }
        tr, blockquote, .figure, .card h3 { page-break-inside: avoid; break-inside: avoid; }
        h2, h3, h4 { page-break-after: avoid; break-after: avoid; }
        table { font-size: 9pt; }
        table.banner, table.matrix { font-size: 8pt; }
        table.banner th, table.banner td { padding: 2px 4px; }
      }
      """;

  /** What only the Java PDF renderer reads: its paged-table switch and the font it embeds. */
  private static final String PDF_STYLE = """
      body { font-family: "Liberation Sans"; }
      table { -fs-table-paginate: paginate; -fs-page-break-min-height: 1.5cm; }
      """;

  private final String title;
  private final List<String> subtitle;
  private final @Nullable String internalUse;
  private final List<String[]> sections = new ArrayList<>();

  /**
   * A report page.
   *
   * @param title the title
   * @param subtitle lines under the title
   * @param internalUse the line printed on the cover and at the top of every printed page when the report is
   *     not redacted, or null
   */
  ReportDocument(String title, List<String> subtitle, @Nullable String internalUse) {
    this.title = title;
    this.subtitle = List.copyOf(subtitle);
    this.internalUse = internalUse;
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
    return render(Medium.BROWSER);
  }

  String render(Medium medium) {
    Html page = new Html();
    page.raw("<!DOCTYPE html>\n");
    page.open("html", "lang", "en-GB");
    page.open("head");
    page.raw("<meta charset=\"utf-8\"/>\n");
    page.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
    page.element("title", title);
    StringBuilder style = new StringBuilder(STYLE);
    if (internalUse != null) {
      style.append("@page { @top-center { content: \"").append(cssString(internalUse))
          .append("\"; font-family: \"Liberation Sans\", Arial, sans-serif; font-size: 9pt; font-weight: 700; ")
          .append("color: #8a1c1c; } }\n");
    }
    if (medium == Medium.PDF) {
      style.append(PDF_STYLE);
    }
    page.open("style").raw(style.toString()).close("style");
    page.close("head");
    page.open("body");
    page.open("header", "class", "cover");
    page.element("h1", title);
    for (String line : subtitle) {
      page.element("p", line);
    }
    if (internalUse != null) {
      page.element("p", internalUse, "class", "internal");
    }
    page.close("header");
    page.open("nav", "aria-labelledby", "contents-heading").element("h2", "Contents", "id", "contents-heading")
        .open("ol");
    for (String[] section : sections) {
      page.open("li").open("a", "href", "#" + section[0]).text(section[1]).close("a").close("li");
    }
    page.close("ol").close("nav");
    page.open("main");
    for (String[] section : sections) {
      page.open("section", "id", section[0], "aria-labelledby", section[0] + "-heading");
      page.element("h2", section[1], "id", section[0] + "-heading");
      page.raw(section[2]);
      page.close("section");
    }
    page.close("main");
    page.close("body");
    page.close("html");
    return page.toString();
  }

  /**
   * Text as the body of a CSS string: every character but letters, digits and spaces as a hex escape, so that no
   * text can end the string, the rule or the style element.
   */
  static String cssString(String text) {
    StringBuilder out = new StringBuilder(text.length() * 2);
    text.codePoints().forEach(c -> {
      if (Character.isLetterOrDigit(c) && c < 128 || c == ' ') {
        out.appendCodePoint(c);
      } else {
        out.append('\\').append(Integer.toHexString(c).toUpperCase(Locale.ROOT)).append(' ');
      }
    });
    return out.toString();
  }
}
