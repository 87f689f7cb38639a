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

/**
 * A banner table in the report: questions down the side, the Total and each banner variable's categories across,
 * weighted column percentages with the letters of the columns they are significantly higher than, and the three
 * bases under each column, as an analyst would send it.
 */
final class BannerSection {
  private BannerSection() {}

  static Html render(BannerTable table, String caption, double upper, double lower) {
    Html html = new Html();
    List<BannerColumn> columns = table.columns();
    html.open("div", "class", "banner");
    html.open("table", "class", "banner");
    html.element("caption", caption);
    html.open("thead");
    // first header row: the banner variables as groups
    html.open("tr").element("th", "", "scope", "col");
    int i = 0;
    while (i < columns.size()) {
      String variable = columns.get(i).variable();
      int span = 1;
      while (i + span < columns.size() && Objects.equals(columns.get(i + span).variable(), variable)) {
        span++;
      }
      html.open("th", "scope", "colgroup", "colspan", String.valueOf(span), "class", "group")
          .text(variable == null ? "" : variable).close("th");
      i += span;
    }
    html.close("tr");
    html.open("tr").element("th", "", "scope", "col");
    for (BannerColumn column : columns) {
      html.open("th", "scope", "col", "class", "num").text(column.label());
      if (!column.letter().isEmpty()) {
        html.raw("<br>").element("span", "(" + column.letter() + ")", "class", "letter");
      }
      html.close("th");
    }
    html.close("tr").close("thead");
    for (RowBlock block : table.blocks()) {
      html.open("tbody");
      html.open("tr", "class", "question").open("th", "scope", "rowgroup", "colspan",
          String.valueOf(columns.size() + 1)).text(block.label()).close("th").close("tr");
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
        html.close("tr");
      }
      baseRow(html, "Unweighted base", block.bases(), b -> b.unweighted(), "%.0f");
      baseRow(html, "Weighted base", block.bases(), b -> b.weighted(), "%,.0f");
      baseRow(html, "Effective base", block.bases(), b -> b.effective(), "%.0f");
      List<String> tests = new ArrayList<>();
      for (AssociationTest test : block.tests()) {
        tests.add(String.format(Locale.ROOT, "by %s: Rao-Scott F = %.2f on %.2f and %.1f df, p = %.3f",
            test.bannerVariable(), test.result().f(), test.result().numeratorDf(), test.result().denominatorDf(),
            test.result().fPValue()));
      }
      if (!tests.isEmpty()) {
        html.open("tr", "class", "test").open("td", "colspan", String.valueOf(columns.size() + 1))
            .text(String.join("; ", tests)).close("td").close("tr");
      }
      html.close("tbody");
    }
    html.close("table");
    html.close("div");
    List<String> notes = new ArrayList<>(table.notes());
    notes.add(0, String.format(Locale.ROOT, "Column percentages, weighted. A letter marks a column significantly "
        + "higher than the column with that letter: upper case at the %.0f%% level, lower case at %.0f%% "
        + "(column proportions test on Kish effective bases). Columns flagged small are shown but read with "
        + "care; columns below the minimum base are not tested.", 100 * upper, 100 * lower));
    for (String note : notes) {
      html.element("p", note, "class", "note");
    }
    return html;
  }

  private interface BaseValue {
    double of(Base base);
  }

  private static void baseRow(Html html, String label, List<Base> bases, BaseValue value, String format) {
    html.open("tr", "class", "base").element("th", label, "scope", "row");
    for (Base base : bases) {
      double v = value.of(base);
      String text = Double.isNaN(v) ? "*" : String.format(Locale.ROOT, format, v);
      if (base.flag() == BaseFlag.SMALL || base.flag() == BaseFlag.NOT_TESTED) {
        text += base.flag() == BaseFlag.SMALL ? " (small)" : " (not tested)";
      }
      html.element("td", text, "class", "num");
    }
    html.close("tr");
  }
}
