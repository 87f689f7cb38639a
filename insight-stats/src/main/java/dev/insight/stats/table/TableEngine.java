package dev.insight.stats.table;

import static com.google.common.base.Preconditions.checkArgument;

import dev.insight.core.data.Dataset;
import dev.insight.core.data.Variable;
import dev.insight.stats.design.SurveyDesign;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Computes one banner table: each row specification's block from the {@link Banner}'s column sums
 * ({@link RowQuestion}) or the column domains' quantiles ({@link QuantileRows}), its letters
 * ({@link ColumnLetters}), standard errors ({@link CellErrors}) and Rao-Scott tests ({@link AssociationTests}),
 * and the table's notes ({@link TableNotes}).
 */
final class TableEngine {
  private final Dataset data;
  private final SurveyDesign design;
  private final TableSpec spec;
  private final TableOptions options;
  private final Banner banner;
  private final List<BannerColumn> columns;
  private final ColumnLetters letters;
  private final AssociationTests associations;
  /** The cells' standard errors, made when the first is asked for. */
  private @Nullable CellErrors cellErrors;

  TableEngine(SurveyDesign design, TableSpec spec) {
    this.design = design;
    this.data = design.data();
    this.spec = spec;
    this.options = spec.options();
    this.banner = new Banner(design, spec);
    this.columns = banner.columns();
    this.letters = new ColumnLetters(design, options, columns, banner.bannerVars(), banner.keep(),
        banner::accumulateOver);
    this.associations = new AssociationTests(design, banner);
  }

  BannerTable compute() {
    List<RowBlock> blocks = new ArrayList<>();
    for (RowSpec row : spec.rows()) {
      blocks.add(block(row));
    }
    return new BannerTable(columns, blocks, TableNotes.of(spec, banner, data.rowCount(), letters.method()));
  }

  private RowBlock block(RowSpec row) {
    String name = row.variable();
    checkArgument(data.has(name), "row variable %s does not exist; the dataset has %s", name,
        data.variableNames());
    if (row instanceof RowSpec.Quantiles quantiles) {
      return QuantileRows.block(design, quantiles, spec.filter(), columns, (e, total) -> base(e.unweightedN(),
          e.weightedBase(), e.effectiveBase(), total));
    }
    Variable v = data.variable(name);
    RowQuestion prepared = RowQuestion.of(row, v, design.weights(), banner.words(), options.raoScott());
    Question question = prepared.question();
    List<RowQuestion.Item> items = prepared.items();
    boolean mentions = prepared.mentions();

    ColumnSums[] acc = banner.accumulate(question);
    int columnCount = columns.size();
    if (mentions) {
      int optionCount = prepared.multiOptions().size();
      for (ColumnSums a : acc) {
        a.w = 0;
        a.n = 0;
        for (int j = 0; j < optionCount; j++) {
          a.w += a.itemW[j];
          a.n += a.itemN[j];
        }
      }
    }
    List<Base> bases = new ArrayList<>();
    for (int c = 0; c < columnCount; c++) {
      bases.add(base(acc[c], c == 0));
    }
    boolean meanRow = question instanceof Question.Mean;
    List<List<Cell>> cells = new ArrayList<>();
    int rowCount = items.size() + (meanRow ? 1 : 0);
    for (int r = 0; r < rowCount; r++) {
      List<Cell> rowCells = new ArrayList<>();
      for (int c = 0; c < columnCount; c++) {
        rowCells.add(meanRow && r == 0 ? meanCell(acc[c], ((Question.Mean) question).shift)
            : countCell(acc[c], meanRow ? r - 1 : r, acc[0]));
      }
      cells.add(rowCells);
    }
    if (!mentions) {
      letters.mark(question, acc, cells, meanRow);
      if (options.standardErrors()) {
        addStandardErrors(question, cells, meanRow);
      }
    }
    List<TableRow> rows = new ArrayList<>();
    if (meanRow) {
      rows.add(new TableRow("mean", "Mean", RowKind.MEAN, cells.get(0)));
    }
    for (int r = 0; r < items.size(); r++) {
      RowQuestion.Item item = items.get(r);
      rows.add(new TableRow(item.code(), item.label(), item.kind(), cells.get(meanRow ? r + 1 : r)));
    }
    List<AssociationTest> tests = options.raoScott()
        ? associations.of(name, prepared, mentions ? null : acc)
        : List.of();
    return new RowBlock(name, v.label(), prepared.basis(), bases, rows, tests);
  }

  private void addStandardErrors(Question question, List<List<Cell>> cells, boolean meanRow) {
    if (cellErrors == null) {
      cellErrors = new CellErrors(design, banner.keep(), columns, banner.bannerVars());
    }
    for (int r = 0; r < cells.size(); r++) {
      boolean isMean = meanRow && r == 0;
      int item = isMean ? -1 : meanRow ? r - 1 : r;
      for (int c = 0; c < columns.size(); c++) {
        double se = cellErrors.standardError(question, item, c);
        cells.get(r).set(c, cells.get(r).get(c).withStandardError(isMean ? se : 100 * se));
      }
    }
  }

  private Base base(ColumnSums acc, boolean total) {
    return base(acc.n, acc.w, acc.q > 0 ? acc.w * acc.w / acc.q : 0, total);
  }

  private Base base(double n, double weighted, double effective, boolean total) {
    BaseFlag flag;
    if (n == 0) {
      flag = BaseFlag.EMPTY;
    } else if (n < options.minimumBase()) {
      flag = BaseFlag.NOT_TESTED;
    } else if (n < options.smallBase()) {
      flag = BaseFlag.SMALL;
    } else {
      flag = BaseFlag.OK;
    }
    return new Base(n, weighted, effective, total && flag == BaseFlag.NOT_TESTED ? BaseFlag.SMALL : flag);
  }

  private Cell countCell(ColumnSums acc, int item, ColumnSums total) {
    double percent = acc.w > 0 ? 100 * acc.itemW[item] / acc.w : Double.NaN;
    double rowPercent = options.rowPercents() && total.itemW[item] > 0
        ? 100 * acc.itemW[item] / total.itemW[item] : Double.NaN;
    return new Cell(acc.itemN[item], acc.itemW[item], percent, rowPercent, Double.NaN, Double.NaN, "",
        Comparison.NOT_TESTED, false);
  }

  private static Cell meanCell(ColumnSums acc, double shift) {
    double mean = acc.w > 0 ? shift + acc.sx / acc.w : Double.NaN;
    return new Cell(acc.n, acc.w, Double.NaN, Double.NaN, mean, Math.sqrt(acc.variance()), "",
        Comparison.NOT_TESTED, false);
  }
}
