package dev.insight.codeframe.framework;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.insight.codeframe.Code;
import dev.insight.core.internal.CsvOutput;
import dev.insight.core.internal.HtmlText;
import dev.insight.core.internal.SpreadsheetText;
import dev.insight.core.redact.AuditEntry;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** The four formats of a prepared (redacted) matrix. */
final class MatrixWriters {
  /** Excel's limit on the characters of one cell is 32,767; longer cells are cut with a pointer to the evidence. */
  private static final int XLSX_CELL_LIMIT = 32_000;

  private MatrixWriters() {}

  static void csv(Prepared matrix, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(new NonClosing(out), StandardCharsets.UTF_8);
    // every cell neutralised against formula injection: analysts' summaries may start with a dash
    CsvOutput csv = CsvOutput.of(writer, true);
    List<String> header = new ArrayList<>();
    header.add(matrix.caseHeading());
    for (Code theme : matrix.themes) {
      header.add(theme.label());
    }
    csv.record(header);
    for (int i = 0; i < matrix.cases.size(); i++) {
      List<String> row = new ArrayList<>();
      row.add(matrix.cases.get(i).label());
      for (Prepared.PCell cell : matrix.cells.get(i)) {
        row.add(Prepared.text(cell));
      }
      csv.record(row);
    }
    csv.flush();
    writer.close();
  }

  static void json(Prepared matrix, OutputStream out) throws IOException {
    ObjectMapper mapper = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ObjectNode redaction = root.putObject("redaction");
    redaction.put("redacted", matrix.audit.redacted());
    if (!matrix.audit.redacted()) {
      redaction.put("internalUseOnly", matrix.audit.internalUseReason());
    }
    ArrayNode themes = root.putArray("themes");
    for (Code theme : matrix.themes) {
      themes.addObject().put("id", theme.id().value()).put("label", theme.label());
    }
    ArrayNode cases = root.putArray("cases");
    for (Prepared.PCase c : matrix.cases) {
      cases.addObject().put("id", c.id()).put("label", c.label());
    }
    ArrayNode cells = root.putArray("cells");
    for (int i = 0; i < matrix.cases.size(); i++) {
      for (int j = 0; j < matrix.themes.size(); j++) {
        Prepared.PCell cell = matrix.cells.get(i).get(j);
        if (cell.isEmpty()) {
          continue;
        }
        ObjectNode node = cells.addObject();
        node.put("case", matrix.cases.get(i).id());
        node.put("theme", matrix.themes.get(j).id().value());
        node.put("summary", cell.summary().isEmpty() ? null : cell.summary());
        ArrayNode excerpts = node.putArray("excerpts");
        for (Prepared.PExcerpt e : cell.excerpts()) {
          excerpts.addObject().put("segment", e.segment()).put("text", e.text()).put("speaker", e.speaker())
              .put("reference", e.reference()).put("code", e.code()).put("coder", e.coder())
              .put("codedAt", e.codedAt());
        }
        ArrayNode quotes = node.putArray("quotes");
        for (Prepared.PQuote q : cell.quotes()) {
          quotes.addObject().put("id", q.id()).put("text", q.text()).put("attribution", q.attribution())
              .put("activity", q.activity()).put("participant", q.participant()).put("locator", q.locator())
              .put("consent", q.consent());
        }
      }
    }
    ArrayNode audit = redaction.putArray("redactions");
    for (AuditEntry entry : matrix.audit.entries()) {
      audit.addObject().put("where", entry.where()).put("kind", entry.kind().name()).put("start", entry.start())
          .put("end", entry.end());
    }
    mapper.writeValue(out, root);
  }

  static void xlsx(Prepared matrix, OutputStream out) throws IOException {
    Workbook workbook = new Workbook(new NonClosing(out), "insight", "1.0");
    Worksheet sheet = workbook.newWorksheet("Matrix");
    sheet.value(0, 0, matrix.caseHeading());
    sheet.style(0, 0).bold().set();
    sheet.width(0, 24);
    for (int j = 0; j < matrix.themes.size(); j++) {
      sheet.value(0, j + 1, SpreadsheetText.neutralise(matrix.themes.get(j).label()));
      sheet.style(0, j + 1).bold().wrapText(true).set();
      sheet.width(j + 1, 60);
    }
    for (int i = 0; i < matrix.cases.size(); i++) {
      sheet.value(i + 1, 0, SpreadsheetText.neutralise(matrix.cases.get(i).label()));
      for (int j = 0; j < matrix.themes.size(); j++) {
        String text = Prepared.text(matrix.cells.get(i).get(j));
        if (text.length() > XLSX_CELL_LIMIT) {
          text = text.substring(0, XLSX_CELL_LIMIT) + "\u2026 (cut at Excel's cell limit: see the Evidence sheet)";
        }
        sheet.value(i + 1, j + 1, SpreadsheetText.neutralise(text));
        sheet.style(i + 1, j + 1).wrapText(true).verticalAlignment("top").set();
      }
    }
    sheet.freezePane(1, 1);
    Worksheet evidence = workbook.newWorksheet("Evidence");
    String[] heads = {"case", "theme", "kind", "id", "text", "speaker or attribution", "reference", "code",
        "coder", "coded at"};
    for (int c = 0; c < heads.length; c++) {
      evidence.value(0, c, heads[c]);
      evidence.style(0, c).bold().set();
    }
    evidence.width(4, 80);
    int r = 1;
    for (int i = 0; i < matrix.cases.size(); i++) {
      for (int j = 0; j < matrix.themes.size(); j++) {
        Prepared.PCell cell = matrix.cells.get(i).get(j);
        String caseLabel = matrix.cases.get(i).label();
        String theme = matrix.themes.get(j).label();
        if (!cell.summary().isEmpty()) {
          row(evidence, r++, caseLabel, theme, "summary", "", cell.summary(), "", "", "", "", "");
        }
        for (Prepared.PExcerpt e : cell.excerpts()) {
          row(evidence, r++, caseLabel, theme, "excerpt", e.segment(), e.text(), e.speaker(), e.reference(),
              e.code(), e.coder(), e.codedAt());
        }
        for (Prepared.PQuote q : cell.quotes()) {
          row(evidence, r++, caseLabel, theme, "quote", q.id(), q.text(), q.attribution(),
              q.activity() + (q.locator().isEmpty() ? "" : ", " + q.locator()), "", "", "");
        }
      }
    }
    Worksheet redactions = workbook.newWorksheet("Redactions");
    if (matrix.audit.redacted()) {
      String[] auditHeads = {"where", "kind", "start", "end"};
      for (int c = 0; c < auditHeads.length; c++) {
        redactions.value(0, c, auditHeads[c]);
        redactions.style(0, c).bold().set();
      }
      int a = 1;
      for (AuditEntry entry : matrix.audit.entries()) {
        redactions.value(a, 0, SpreadsheetText.neutralise(entry.where()));
        redactions.value(a, 1, entry.kind().name());
        redactions.value(a, 2, entry.start());
        redactions.value(a, 3, entry.end());
        a++;
      }
    } else {
      redactions.value(0, 0, "INTERNAL USE ONLY, not redacted: " + matrix.audit.internalUseReason());
    }
    workbook.finish();
  }

  private static void row(Worksheet sheet, int r, String... values) {
    for (int c = 0; c < values.length; c++) {
      sheet.value(r, c, SpreadsheetText.neutralise(values[c]));
    }
  }

  static void html(Prepared matrix, OutputStream out) throws IOException {
    StringBuilder html = new StringBuilder(4096);
    html.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>Framework matrix</title>\n<style>\n")
        .append("body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1a1a1a}\n")
        .append("table{border-collapse:collapse}th,td{border:1px solid #bbb;padding:.5rem;vertical-align:top;")
        .append("text-align:left;min-width:14rem}\nthead th{background:#eef2f5}\n")
        .append(".summary{font-weight:600}.ref{color:#555;font-size:.85em}")
        .append("blockquote{margin:.4rem 0;padding-left:.6rem;border-left:3px solid #4a7}\n")
        .append(".internal{background:#fde2e1;border:2px solid #c00;padding:.6rem;font-weight:700}\n")
        .append("</style>\n</head>\n<body>\n<h1>Framework matrix</h1>\n");
    if (!matrix.audit.redacted()) {
      html.append("<p class=\"internal\">INTERNAL USE ONLY: not redacted (")
          .append(escape(matrix.audit.internalUseReason())).append(").</p>\n");
    } else {
      html.append("<p>Personal data redacted: ").append(matrix.audit.entries().size()).append(" redactions.</p>\n");
    }
    html.append("<table>\n<thead><tr><th scope=\"col\">Case</th>");
    for (Code theme : matrix.themes) {
      html.append("<th scope=\"col\">").append(escape(theme.label())).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (int i = 0; i < matrix.cases.size(); i++) {
      html.append("<tr><th scope=\"row\">").append(escape(matrix.cases.get(i).label())).append("</th>");
      for (Prepared.PCell cell : matrix.cells.get(i)) {
        html.append("<td>");
        if (!cell.summary().isEmpty()) {
          html.append("<p class=\"summary\">").append(escape(cell.summary())).append("</p>");
        }
        if (!cell.excerpts().isEmpty()) {
          html.append("<ul>");
          for (Prepared.PExcerpt e : cell.excerpts()) {
            html.append("<li>\u201C").append(escape(e.text())).append("\u201D <span class=\"ref\">(")
                .append(escape(e.speaker())).append("; ").append(escape(e.reference())).append("; ")
                .append(escape(e.code())).append(", ").append(escape(e.coder())).append(")</span></li>");
          }
          html.append("</ul>");
        }
        for (Prepared.PQuote q : cell.quotes()) {
          html.append("<blockquote>\u201C").append(escape(q.text())).append("\u201D <span class=\"ref\">\u2014 ")
              .append(escape(q.attribution())).append(" (").append(escape(q.activity()))
              .append(q.locator().isEmpty() ? "" : ", " + escape(q.locator())).append(")</span></blockquote>");
        }
        html.append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n</body>\n</html>\n");
    out.write(html.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  static String escape(String text) {
    return HtmlText.escape(text);
  }

  /** Lets a writer that closes its stream write to a caller's stream, which stays open. */
  private static final class NonClosing extends FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
