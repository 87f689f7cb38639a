package dev.insight.stats.design;

import static com.google.common.base.Preconditions.checkArgument;

import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Margins resolved against a design: each respondent's target category per margin, the targets as counts, and
 * every bad input caught with a message naming the variable and category.
 */
final class Resolved {
  final SurveyDesign design;
  final List<Margin> margins;
  /** Cross-classifications with more cells than this keep each row's category per margin instead of its cell. */
  static final int MAX_CELLS = 1 << 22;
  /**
   * Each row's cell of the cross-classification of the margins' target categories (the first margin varies
   * slowest), -1 for a row outside the sample; null when there are more than {@link #MAX_CELLS} cells.
   */
  final int @Nullable [] rowCell;
  /** The starting weights summed by cell (with {@link #rowCell}), in row order. */
  private final double @Nullable [] cellWeight;
  /** For each margin, each row's target index (-1 outside the sample); derived from the cells when first asked. */
  private int @Nullable [][] category;
  final int[] categoryCount;
  final double[][] targets;
  final String[][] codes;
  /** The number of rows. */
  final int rows;
  /** The starting weights, 0 outside the sample; made when first asked (raking reads the design's own). */
  private double @Nullable [] start;
  final int excluded;

  private Resolved(SurveyDesign design, List<Margin> margins, int @Nullable [] rowCell,
      double @Nullable [] cellWeight, int @Nullable [][] category, double[][] targets, String[][] codes, int excluded) {
    this.design = design;
    this.margins = margins;
    this.rowCell = rowCell;
    this.cellWeight = cellWeight;
    this.category = category;
    this.targets = targets;
    this.codes = codes;
    this.rows = design.rowCount();
    this.excluded = excluded;
    this.categoryCount = new int[margins.size()];
    for (int k = 0; k < categoryCount.length; k++) {
      categoryCount[k] = targets[k].length;
    }
  }

  static Resolved of(SurveyDesign design, List<Margin> margins, MissingPolicy policy) {
    checkArgument(!margins.isEmpty(), "no margins to weight to");
    Dataset data = design.data();
    int n = design.rowCount();
    int m = margins.size();
    TargetKind kind = margins.get(0).kind();
    List<String> seen = new ArrayList<>();
    for (Margin margin : margins) {
      checkArgument(margin.kind() == kind, "margins mix counts and proportions: %s is %s but %s is %s",
          margins.get(0).variable(), kind, margin.variable(), margin.kind());
      checkArgument(!seen.contains(margin.variable()), "variable %s has two margins", margin.variable());
      seen.add(margin.variable());
    }
    if (kind == TargetKind.COUNTS) {
      double first = margins.get(0).total();
      for (Margin margin : margins) {
        checkArgument(Math.abs(margin.total() - first) <= 1e-9 * first,
            "targets disagree on the population total: margin %s sums to %s but margin %s sums to %s",
            margins.get(0).variable(), fmt(first), margin.variable(), fmt(margin.total()));
      }
    }
    CategoricalVariable[] vars = new CategoricalVariable[m];
    int[][] map = new int[m][];
    String[][] codes = new String[m][];
    double[][] targets = new double[m][];
    for (int k = 0; k < m; k++) {
      Margin margin = margins.get(k);
      vars[k] = data.categorical(margin.variable());
      codes[k] = margin.targets().keySet().toArray(new String[0]);
      targets[k] = new double[codes[k].length];
      for (int j = 0; j < codes[k].length; j++) {
        targets[k][j] = margin.targets().get(codes[k][j]);
      }
      map[k] = new int[vars[k].categories().size()];
      for (int c = 0; c < map[k].length; c++) {
        map[k][c] = margin.targets().containsKey(vars[k].categories().get(c).code())
            ? indexOf(codes[k], vars[k].categories().get(c).code()) : -1;
      }
    }
    boolean[][] missingCategory = new boolean[m][];
    int[] categoryCount = new int[m];
    long cells = 1;
    for (int k = 0; k < m; k++) {
      missingCategory[k] = new boolean[vars[k].categories().size()];
      for (int c = 0; c < missingCategory[k].length; c++) {
        missingCategory[k][c] = vars[k].categories().get(c).missing();
      }
      categoryCount[k] = codes[k].length;
      cells *= Math.max(1, categoryCount[k]);
    }
    // one pass over the rows: missing values (a row with any missing weighting variable fails or is excluded), each
    // row's target categories, kept as its cell of the cross-classification when that fits an int (the common case:
    // no per-margin row arrays), and the sample's totals by category
    boolean onCells = cells <= MAX_CELLS;
    int[] rowCell = onCells ? new int[n] : null;
    int[][] category = onCells ? null : new int[m][n];
    double[] cellWeight = onCells ? new double[(int) cells] : null;
    int[] index = new int[m];
    int excluded = 0;
    double sampleTotal = 0;
    double[][] sample = new double[m][];
    for (int k = 0; k < m; k++) {
      sample[k] = new double[codes[k].length];
    }
    for (int i = 0; i < n; i++) {
      double w = design.weight(i);
      boolean out = w <= 0;
      if (!out) {
        for (int k = 0; k < m; k++) {
          int c = vars[k].categoryIndex(i);
          index[k] = c;
          if (c < 0 || missingCategory[k][c]) {
            checkArgument(policy == MissingPolicy.EXCLUDE,
                "weighting variable %s is missing for respondent %s (row %s); choose the missing-value policy "
                    + "EXCLUDE to leave such respondents out of the weighted sample", vars[k].name(),
                data.id(i), i + 1);
            out = true;
            excluded++;
            break;
          }
        }
      }
      if (out) {
        if (onCells) {
          rowCell[i] = -1;
        } else {
          for (int k = 0; k < m; k++) {
            category[k][i] = -1;
          }
        }
        continue;
      }
      int cell = 0;
      for (int k = 0; k < m; k++) {
        int t = map[k][index[k]];
        if (t < 0) {
          throw noTarget(design, vars[k], i);
        }
        cell = cell * categoryCount[k] + t;
        if (!onCells) {
          category[k][i] = t;
        }
        sample[k][t] += w;
      }
      if (onCells) {
        rowCell[i] = cell;
        cellWeight[cell] += w;
      }
      sampleTotal += w;
    }
    checkArgument(sampleTotal > 0, "no respondents left to weight");
    for (int k = 0; k < m; k++) {
      for (int j = 0; j < codes[k].length; j++) {
        checkArgument(sample[k][j] > 0 || targets[k][j] == 0,
            "target category %s of %s has no respondents in the sample, so its target %s can never be reached",
            codes[k][j], margins.get(k).variable(), fmt(targets[k][j]));
        checkArgument(targets[k][j] > 0 || sample[k][j] == 0,
            "target category %s of %s has a target of 0 but respondents in the sample; weights must stay above 0",
            codes[k][j], margins.get(k).variable());
      }
      if (kind == TargetKind.PROPORTIONS) {
        for (int j = 0; j < codes[k].length; j++) {
          targets[k][j] *= sampleTotal;
        }
      }
    }
    return new Resolved(design, List.copyOf(margins), rowCell, cellWeight, category, targets, codes, excluded);
  }

  /* A row in a category with no target: counts the respondents in that category for the message. */
  private static IllegalArgumentException noTarget(SurveyDesign design, CategoricalVariable var, int i) {
    Dataset data = design.data();
    int n = design.rowCount();
    int count = 0;
    // every earlier row in that category was left out (else it would have failed first), so count from this row on
    for (int r = i; r < n; r++) {
      if (design.weight(r) > 0 && var.categoryIndex(r) == var.categoryIndex(i)) {
        count++;
      }
    }
    return new IllegalArgumentException(String.format(Locale.ROOT,
        "category %s of %s has %d respondents (the first %s, row %d) but no target; add a target for it "
            + "or recode it", var.categories().get(var.categoryIndex(i)).code(), var.name(),
        count, data.id(i), i + 1));
  }

  private static int indexOf(String[] codes, String code) {
    for (int j = 0; j < codes.length; j++) {
      if (codes[j].equals(code)) {
        return j;
      }
    }
    return -1;
  }

  static String fmt(double value) {
    return String.format(Locale.ROOT, "%.10g", value).replaceFirst("\\.?0+$", "");
  }

  String variables() {
    List<String> names = new ArrayList<>();
    for (Margin margin : margins) {
      names.add(margin.variable());
    }
    return String.join(", ", names);
  }

  /**
   * The weighting units: the cells of the cross-classification of the margins when there are few enough of them
   * (the factors of raking are constant within a cell), else the respondents themselves.
   */
  Units units() {
    int n = rows;
    int m = categoryCount.length;
    long cells = 1;
    for (int count : categoryCount) {
      cells *= Math.max(1, count);
    }
    if (cells > Math.max(16, n / 4) || cells > MAX_CELLS || rowCell == null) {
      int[][] perRow = category();
      double[] weight = new double[n];
      int[] rowUnit = new int[n];
      for (int i = 0; i < n; i++) {
        rowUnit[i] = perRow[0][i] >= 0 ? i : -1;
        weight[i] = rowUnit[i] >= 0 ? design.weight(i) : 0;
      }
      return new Units(perRow, weight, rowUnit);
    }
    int cellCount = (int) cells;
    int[][] unitCategory = new int[m][cellCount];
    for (int c = 0; c < cellCount; c++) {
      int rest = c;
      for (int k = m - 1; k >= 0; k--) {
        unitCategory[k][c] = rest % categoryCount[k];
        rest /= categoryCount[k];
      }
    }
    // summed in the resolving pass; a copy, as the units' weights are theirs
    double[] weight = cellWeight.clone();
    // the units are the cells, so each row's unit is its cell: shared, not copied (neither side writes it)
    return new Units(unitCategory, weight, rowCell);
  }

  /**
   * The starting weights: the design's, 0 for a row outside the sample (left out by the missing-value policy).
   *
   * @return the weights, made on first use; not to be modified
   */
  double[] start() {
    double[] result = start;
    if (result == null) {
      result = design.weights();
      int[][] perRow = rowCell == null ? category() : null;
      for (int i = 0; i < result.length; i++) {
        if ((perRow == null ? rowCell[i] : perRow[0][i]) < 0) {
          result[i] = 0;
        }
      }
      start = result;
    }
    return result;
  }

  /**
   * For each margin, each row's target index; -1 for a row outside the sample.
   *
   * @return the arrays, derived from the rows' cells on first use; not to be modified
   */
  int[][] category() {
    int[][] result = category;
    if (result == null) {
      int[] cells = rowCell;
      int n = rows;
      int m = categoryCount.length;
      result = new int[m][n];
      for (int i = 0; i < n; i++) {
        int rest = cells[i];
        for (int k = m - 1; k >= 0; k--) {
          if (rest < 0) {
            result[k][i] = -1;
          } else {
            result[k][i] = rest % categoryCount[k];
            rest /= categoryCount[k];
          }
        }
      }
      category = result;
    }
    return result;
  }

  /** Units with their categories and summed starting weights, and each row's unit. */
  static final class Units {
    final int[][] category;
    final double[] weight;
    final int[] rowUnit;

    Units(int[][] category, double[] weight, int[] rowUnit) {
      this.category = category;
      this.weight = weight;
      this.rowUnit = rowUnit;
    }

    int size() {
      return weight.length;
    }

    /* Final weights: each row's starting weight times its unit's factor; 0 outside the sample. */
    double[] weights(double[] start, double[] factor) {
      double[] w = new double[start.length];
      for (int i = 0; i < w.length; i++) {
        int u = rowUnit[i];
        w[i] = u < 0 ? 0 : start[i] * factor[u];
      }
      return w;
    }
  }

  /* Largest relative gap between the achieved totals of these weighted units and the targets. */
  Gap gap(Units units, double[] factor) {
    return gap(units, units.weight, factor);
  }

  /* The same gap for other starting weights of the units (a replicate's). */
  Gap gap(Units units, double[] unitWeight, double[] factor) {
    Gap worst = new Gap(0, "");
    for (int k = 0; k < categoryCount.length; k++) {
      double[] achieved = new double[categoryCount[k]];
      int[] cat = units.category[k];
      for (int u = 0; u < units.size(); u++) {
        if (cat[u] >= 0) {
          achieved[cat[u]] += unitWeight[u] * factor[u];
        }
      }
      for (int j = 0; j < achieved.length; j++) {
        double gap = targets[k][j] == 0 ? 0 : Math.abs(achieved[j] - targets[k][j]) / targets[k][j];
        if (gap > worst.value() || worst.at().isEmpty()) {
          worst = new Gap(gap, margins.get(k).variable() + "=" + codes[k][j]);
        }
      }
    }
    return worst;
  }

  record Gap(double value, String at) {}
}
