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
import java.util.function.ToDoubleFunction;

/**
 * A banner table in the report's model: questions down the side, the Total and each banner variable's categories
 * across, weighted column percentages with the letters of the columns they are significantly higher than, and the
 * three bases under each column, as an analyst would send it.
 */
final class BannerSection {
  private BannerSection() {}

  static ReportModel.Banner of(BannerTable table, Function<String, String> variableLabel) {
    List<BannerColumn> columns = table.columns();
    List<ReportModel.ColumnGroup> groups = new ArrayList<>();
    int i = 0;
    while (i < columns.size()) {
      String variable = columns.get(i).variable();
      int span = 1;
      while (i + span < columns.size() && Objects.equals(columns.get(i + span).variable(), variable)) {
        span++;
      }
      groups.add(new ReportModel.ColumnGroup(variable == null ? "Total" : variableLabel.apply(variable), span));
      i += span;
    }
    List<String> tested = testedVariables(table);
    List<ReportModel.BannerBlock> blocks = new ArrayList<>();
    for (RowBlock block : table.blocks()) {
      List<ReportModel.BannerRow> rows = new ArrayList<>();
      for (TableRow row : block.rows()) {
        List<ReportModel.BannerCell> cells = new ArrayList<>();
        for (Cell cell : row.cells()) {
          if (cell.suppressed() || Double.isNaN(cell.columnPercent())) {
            cells.add(new ReportModel.BannerCell(cell.suppressed() ? "*" : "-", ""));
          } else {
            cells.add(new ReportModel.BannerCell(String.format(Locale.ROOT, "%.0f%%", cell.columnPercent()),
                cell.letters()));
          }
        }
        rows.add(new ReportModel.BannerRow(row.label(), cells, tested.stream()
            .map(v -> pValue(block, v, row.code())).toList()));
      }
      blocks.add(new ReportModel.BannerBlock(block.label(), rows, List.of(
          baseRow("unweighted", block.bases(), Base::unweighted, "%.0f"),
          baseRow("weighted", block.bases(), Base::weighted, "%,.0f"),
          baseRow("effective", block.bases(), Base::effective, "%.0f"))));
    }
    return new ReportModel.Banner(groups, columns.stream().map(c -> new ReportModel.Column(c.label(), c.letter()))
        .toList(), tested.stream().map(variableLabel).toList(), blocks, table.notes());
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

  private static ReportModel.BaseRow baseRow(String kind, List<Base> bases, ToDoubleFunction<Base> value,
      String format) {
    List<String> values = new ArrayList<>();
    for (Base base : bases) {
      double v = value.applyAsDouble(base);
      String text = Double.isNaN(v) ? "*" : String.format(Locale.ROOT, format, v);
      if (base.flag() == BaseFlag.SMALL || base.flag() == BaseFlag.NOT_TESTED) {
        text += base.flag() == BaseFlag.SMALL ? " (small)" : " (not tested)";
      }
      values.add(text);
    }
    return new ReportModel.BaseRow(kind, values);
  }
}
