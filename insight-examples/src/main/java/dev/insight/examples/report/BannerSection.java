package dev.insight.examples.report;

import dev.insight.stats.table.AssociationTest;
import dev.insight.stats.table.BannerColumn;
import dev.insight.stats.table.BannerTable;
import dev.insight.stats.table.Base;
import dev.insight.stats.table.BaseFlag;
import dev.insight.stats.table.Cell;
import dev.insight.stats.table.RowBlock;
import dev.insight.stats.table.TableRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * A banner table in the report: questions down the side, the Total and each banner variable's categories across,
 * weighted column percentages with the letters of the columns they are significantly higher than, and the three
 * bases under each column, as an analyst would send it.
 */
final class BannerSection {
  private BannerSection() {}

  /**
   * The table under its heading, in a block that prints on landscape pages and scrolls sideways on a narrow
   * screen.
   */
  static Html render(String heading, BannerTable table, String caption, Function<String, String> variableLabel) {
    Html html = new Html();
    List<BannerColumn> columns = table.columns();
    html.open("div", "class", "wide");
    html.element("h3", heading);
    html.scrolling(caption);
    html.open("table", "class", "banner");
    html.element("caption", caption);
    html.open("thead");
    // first header row: the banner variables as groups
    html.open("tr").element("th", "Answer", "scope", "col", "rowspan", "2");
    int i = 0;
    while (i < columns.size()) {
      String variable = columns.get(i).variable();
      int span = 1;
      while (i + span < columns.size() && Objects.equals(columns.get(i + span).variable(), variable)) {
        span++;
      }
      html.open("th", "scope", "colgroup", "colspan", String.valueOf(span), "class", "group")
          .text(variable == null ? "Total" : variableLabel.apply(variable)).close("th");
      i += span;
    }
    List<String> tested = testedVariables(table);
    if (!tested.isEmpty()) {
      html.open("th", "scope", "colgroup", "colspan", String.valueOf(tested.size()), "class", "group")
          .text("Rao-Scott p").close("th");
    }
    html.close("tr");
    html.open("tr");
    for (BannerColumn column : columns) {
      html.open("th", "scope", "col", "class", "num").text(column.label());
      if (!column.letter().isEmpty()) {
        html.raw("<br/>").element("span", "(" + column.letter() + ")", "class", "letter");
      }
      html.close("th");
    }
    for (String variable : tested) {
      html.element("th", "by " + variableLabel.apply(variable), "scope", "col", "class", "num");
    }
    html.close("tr").close("thead");
    for (RowBlock block : table.blocks()) {
      html.open("tbody");
      html.open("tr", "class", "question").open("th", "scope", "rowgroup", "colspan",
          String.valueOf(columns.size() + 1 + tested.size())).text(block.label()).close("th").close("tr");
      for (TableRow row : block.rows()) {
        html.open("tr").element("th", row.label(), "scope", "row");
        for (Cell cell : row.cells()) {
          if (cell.suppressed() || Double.isNaN(cell.columnPercent())) {
            html.element("td", cell.suppressed() ? "*" : "-", "class", "num");
          } else {
            html.open("td", "class", "num").text(String.format(Locale.ROOT, "%.0f%%", cell.columnPercent()));
            if (!cell.letters().isEmpty()) {
              html.text(" ").element("span", cell.letters(), "class", "letter");
            }
            html.close("td");
          }
        }
        for (String variable : tested) {
          html.element("td", pValue(block, variable, row.code()), "class", "num");
        }
        html.close("tr");
      }
      baseRow(html, "Unweighted base", block.bases(), b -> b.unweighted(), "%.0f", tested.size());
      baseRow(html, "Weighted base", block.bases(), b -> b.weighted(), "%,.0f", tested.size());
      baseRow(html, "Effective base", block.bases(), b -> b.effective(), "%.0f", tested.size());
      html.close("tbody");
    }
    html.close("table");
    html.close("div");
    List<String> notes = new ArrayList<>(table.notes());
    if (!tested.isEmpty()) {
      notes.add("Rao-Scott p: the second-order corrected F test of the row against the banner variable as a "
          + "whole (R's svychisq); below 0.05, the row differs between the variable's groups.");
    }
    for (String note : notes) {
      html.element("p", note, "class", "note");
    }
    return html.close("div");
  }

  private static List<String> testedVariables(BannerTable table) {
    List<String> variables = new ArrayList<>();
    for (RowBlock block : table.blocks()) {
      for (AssociationTest test : block.tests()) {
        if (!variables.contains(test.bannerVariable())) {
          variables.add(test.bannerVariable());
        }
      }
    }
    return variables;
  }

  private static String pValue(RowBlock block, String variable, String rowCode) {
    for (AssociationTest test : block.tests()) {
      if (test.bannerVariable().equals(variable) && (test.row().equals(rowCode) || test.row().equals(block.variable())
          && block.rows().size() == 1)) {
        double p = test.result().pValue();
        return Double.isNaN(p) ? "-" : p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
      }
    }
    return "";
  }

  private interface BaseValue {
    double of(Base base);
  }

  private static void baseRow(Html html, String label, List<Base> bases, BaseValue value, String format,
      int trailing) {
    html.open("tr", "class", "base").element("th", label, "scope", "row");
    for (Base base : bases) {
      double v = value.of(base);
      String text = Double.isNaN(v) ? "*" : String.format(Locale.ROOT, format, v);
      if (base.flag() == BaseFlag.SMALL || base.flag() == BaseFlag.NOT_TESTED) {
        text += base.flag() == BaseFlag.SMALL ? " (small)" : " (not tested)";
      }
      html.element("td", text, "class", "num");
    }
    for (int i = 0; i < trailing; i++) {
      html.element("td", "", "class", "num");
    }
    html.close("tr");
  }
}
