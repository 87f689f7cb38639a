package dev.insight.stats.design;

import static com.google.common.base.Preconditions.checkArgument;

import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.NumericVariable;
import dev.insight.core.data.Variable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The model matrix of a calibration (R's {@code model.matrix} of the {@code calibrate} formula), kept sparse: each
 * respondent has the intercept and at most one non-zero column per term (the cell they are in, times the product
 * of the term's numeric variables). Columns are each term's cells in full (indicator coding); columns that the
 * others already span in the sample (the last category of a main effect beside the intercept, the margins of an
 * interaction) are dropped after checking that their totals agree with what the kept columns imply, so the model
 * space, the calibrated weights and the variance residuals are those of R's treatment-coded matrix.
 */
final class ModelMatrix {
  /** Cross-classifications of the terms' cells with more possible cells than this are not indexed. */
  private static final long MAX_CELLS = 1L << 22;
  /** Dependence is declared when a column keeps less than this share of its squared length after projection. */
  private static final double DEPENDENT = 1e-9;
  /** Totals of dependent columns must agree with what the kept columns imply to this relative precision. */
  private static final double CONSISTENT = 1e-8;

  final int rows;
  /** Whether column 0 is the intercept (the population size is known). */
  final boolean intercept;
  /** For each term, each row's column (-1: none, or a row outside the sample). */
  final int[][] column;
  /** For each term, each row's value in its column; null when every value is 1 (no numeric variable). */
  final double @Nullable [][] value;
  /** The number of kept columns. */
  final int columns;
  /** The kept columns' population totals and names. */
  final double[] population;
  final String[] names;
  /** Each row is in the calibration (weight above 0, no missing value). */
  final boolean[] in;
  final int excluded;
  /**
   * When no term has a numeric variable and the cross-classification of the terms' cells is small enough to index:
   * each row's cell of it, numbered in order of first respondent (-1 outside the calibration); else null. Rows in a
   * cell have the same row of the model matrix.
   */
  final int @Nullable [] cellOfRow;
  /** With {@link #cellOfRow}: each cell's first row and number of respondents. */
  final int @Nullable [] cellFirst;
  final int @Nullable [] cellRespondents;

  private ModelMatrix(int rows, boolean intercept, int[][] column, double @Nullable [][] value, int columns,
      double[] population, String[] names, boolean[] in, int excluded, int @Nullable [] cellOfRow,
      int @Nullable [] cellFirst, int @Nullable [] cellRespondents) {
    this.rows = rows;
    this.intercept = intercept;
    this.column = column;
    this.value = value;
    this.columns = columns;
    this.population = population;
    this.names = names;
    this.in = in;
    this.excluded = excluded;
    this.cellOfRow = cellOfRow;
    this.cellFirst = cellFirst;
    this.cellRespondents = cellRespondents;
  }

  /**
   * Resolves the terms against the design's data and weights.
   *
   * @param populationSize the population size, or NaN to take it from the terms of counts
   */
  static ModelMatrix of(SurveyDesign design, List<CalibrationTerm> terms, double populationSize,
      MissingPolicy policy) {
    Dataset data = design.data();
    int n = design.rowCount();
    int t = terms.size();
    List<String> seen = new ArrayList<>();
    for (CalibrationTerm term : terms) {
      checkArgument(!seen.contains(term.name()), "term %s is given twice", term.name());
      seen.add(term.name());
    }
    // the variables of each term, split by kind
    CategoricalVariable[][] cats = new CategoricalVariable[t][];
    NumericVariable[][] nums = new NumericVariable[t][];
    for (int k = 0; k < t; k++) {
      CalibrationTerm term = terms.get(k);
      List<CategoricalVariable> c = new ArrayList<>();
      List<NumericVariable> x = new ArrayList<>();
      for (String name : term.variables()) {
        checkArgument(data.has(name), "calibration term %s: the data have no variable %s", term.name(), name);
        Variable v = data.variable(name);
        if (v instanceof CategoricalVariable cv) {
          c.add(cv);
        } else if (v instanceof NumericVariable nv) {
          x.add(nv);
        } else {
          throw new IllegalArgumentException(String.format(Locale.ROOT, "calibration term %s: variable %s is "
              + "neither categorical nor numeric", term.name(), name));
        }
      }
      cats[k] = c.toArray(new CategoricalVariable[0]);
      nums[k] = x.toArray(new NumericVariable[0]);
      int keyLength = term.totals().keySet().iterator().next().size();
      checkArgument(keyLength == cats[k].length, "calibration term %s has %s categorical variable(s) (%s) but its "
          + "cells give %s category code(s): give one code per categorical variable, in the term's order",
          term.name(), cats[k].length, names(cats[k]), keyLength);
    }
    // the full columns: the intercept, then each term's cells
    int[] offset = new int[t];
    int full = 1;
    List<String> fullNames = new ArrayList<>();
    List<Double> fullPopulation = new ArrayList<>();
    fullNames.add("(population size)");
    fullPopulation.add(populationSize);
    CellIndex[] index = new CellIndex[t];
    for (int k = 0; k < t; k++) {
      CalibrationTerm term = terms.get(k);
      offset[k] = full;
      index[k] = new CellIndex(cats[k], term);
      for (Map.Entry<List<String>, Double> e : term.totals().entrySet()) {
        fullNames.add(cellName(term, e.getKey()));
        fullPopulation.add(e.getValue());
        if (nums[k].length == 0) {
          checkArgument(e.getValue() >= 0, "count of %s is negative: %s", cellName(term, e.getKey()),
              Resolved.fmt(e.getValue()));
        }
      }
      full += term.totals().size();
    }
    // the population size: given, or the sum of every term of counts (which must agree)
    double size = populationSize;
    String sizeFrom = "the population size given";
    for (int k = 0; k < t; k++) {
      if (nums[k].length > 0) {
        continue;
      }
      double sum = 0;
      for (double v : terms.get(k).totals().values()) {
        sum += v;
      }
      if (Double.isNaN(size)) {
        size = sum;
        sizeFrom = "the counts of " + terms.get(k).name();
      } else {
        checkArgument(Math.abs(sum - size) <= 1e-9 * Math.max(1, Math.abs(size)), "the counts of %s sum to %s "
            + "but %s is %s: every term of counts must add up to the same population size",
            terms.get(k).name(), Resolved.fmt(sum), sizeFrom, Resolved.fmt(size));
      }
    }
    checkArgument(!Double.isNaN(size), "calibration to %s alone needs the population size (R's (Intercept)): "
        + "give it, or add a term of counts", String.join(", ", seen));
    fullPopulation.set(0, size);
    // one pass over the rows: missing values, each row's cell and value per term, and X'WX on the full columns
    boolean[][][] missingCode = new boolean[t][][];
    for (int k = 0; k < t; k++) {
      missingCode[k] = new boolean[cats[k].length][];
      for (int v = 0; v < cats[k].length; v++) {
        List<dev.insight.core.data.Category> categories = cats[k][v].categories();
        missingCode[k][v] = new boolean[categories.size()];
        for (int c = 0; c < categories.size(); c++) {
          missingCode[k][v][c] = categories.get(c).missing();
        }
      }
    }
    boolean[] in = new boolean[n];
    int[][] column = new int[t][n];
    double[][] value = new double[t][];
    for (int k = 0; k < t; k++) {
      if (nums[k].length > 0) {
        value[k] = new double[n];
      }
    }
    double[][] xtx = new double[full][full];
    int[] respondents = new int[full];
    // without numeric variables a row's x is set by its cells: X'WX is summed by joint cell, not per row
    long possible = 1;
    for (int k = 0; k < t && possible <= MAX_CELLS; k++) {
      possible = nums[k].length > 0 ? MAX_CELLS + 1 : possible * Math.max(1, terms.get(k).totals().size());
    }
    boolean byCell = possible <= MAX_CELLS && possible <= Math.max(1024, 4L * n);
    int[] denseCell = byCell ? new int[(int) possible] : null;
    int[] cellOfRow = byCell ? new int[n] : null;
    int[] cellFirst = byCell ? new int[16] : null;
    int[] cellRespondents = byCell ? new int[16] : null;
    double[] cellWeight = byCell ? new double[16] : null;
    int cells = 0;
    if (byCell) {
      Arrays.fill(denseCell, -1);
      Arrays.fill(cellOfRow, -1);
    }
    int excluded = 0;
    int[] cols = new int[t + 1];
    double[] vals = new double[t + 1];
    for (int i = 0; i < n; i++) {
      double w = design.weight(i);
      for (int k = 0; k < t; k++) {
        column[k][i] = -1;
      }
      if (!(w > 0)) {
        continue;
      }
      String missing = missingVariable(cats, missingCode, nums, i);
      if (missing != null) {
        checkArgument(policy == MissingPolicy.EXCLUDE, "calibration variable %s is missing for respondent %s "
            + "(row %s); choose the missing-value policy EXCLUDE to leave such respondents out of the weighted "
            + "sample", missing, data.id(i), i + 1);
        excluded++;
        continue;
      }
      in[i] = true;
      cols[0] = 0;
      vals[0] = 1;
      for (int k = 0; k < t; k++) {
        int cell = index[k].cellOf(i);
        if (cell < 0) {
          throw noTotal(design, terms.get(k), cats[k], index[k], i);
        }
        double x = 1;
        for (NumericVariable nv : nums[k]) {
          x *= nv.valueAt(i);
        }
        column[k][i] = offset[k] + cell;
        if (value[k] != null) {
          value[k][i] = x;
        }
        cols[k + 1] = offset[k] + cell;
        vals[k + 1] = x;
        respondents[offset[k] + cell]++;
      }
      respondents[0]++;
      if (!byCell) {
        for (int a = 0; a <= t; a++) {
          for (int b = 0; b <= t; b++) {
            xtx[cols[a]][cols[b]] += w * vals[a] * vals[b];
          }
        }
        continue;
      }
      int key = 0;
      for (int k = 0; k < t; k++) {
        key = key * terms.get(k).totals().size() + cols[k + 1] - offset[k];
      }
      int cell = denseCell[key];
      if (cell < 0) {
        cell = cells++;
        denseCell[key] = cell;
        if (cell == cellFirst.length) {
          cellFirst = Arrays.copyOf(cellFirst, 2 * cell);
          cellRespondents = Arrays.copyOf(cellRespondents, 2 * cell);
          cellWeight = Arrays.copyOf(cellWeight, 2 * cell);
        }
        cellFirst[cell] = i;
      }
      cellOfRow[i] = cell;
      cellRespondents[cell]++;
      cellWeight[cell] += w;
    }
    for (int c = 0; c < cells; c++) {
      int first = cellFirst[c];
      cols[0] = 0;
      for (int k = 0; k < t; k++) {
        cols[k + 1] = column[k][first];
      }
      for (int a = 0; a <= t; a++) {
        for (int b = 0; b <= t; b++) {
          xtx[cols[a]][cols[b]] += cellWeight[c];
        }
      }
    }
    checkArgument(respondents[0] > 0, "no respondents left to calibrate");
    for (int j = 1; j < full; j++) {
      double target = fullPopulation.get(j);
      checkArgument(respondents[j] > 0 || target == 0, "%s has no respondents in the sample, so its total %s can "
          + "never be reached", fullNames.get(j), Resolved.fmt(target));
      checkArgument(xtx[j][j] > 0 || target == 0, "%s is 0 for every respondent in the sample, so its total %s "
          + "can never be reached", fullNames.get(j), Resolved.fmt(target));
    }
    // keep the columns the earlier ones do not span (greedy Cholesky in the given order)
    int[] keep = new int[full];
    double[][] chol = new double[full][];
    int kept = 0;
    int[] newIndex = new int[full];
    for (int j = 0; j < full; j++) {
      newIndex[j] = -1;
      double diagonal = xtx[j][j];
      double[] y = new double[kept];
      for (int a = 0; a < kept; a++) {
        double s = xtx[keep[a]][j];
        for (int b = 0; b < a; b++) {
          s -= chol[a][b] * y[b];
        }
        y[a] = s / chol[a][a];
      }
      double rest = diagonal;
      for (double v : y) {
        rest -= v * v;
      }
      if (diagonal > 0 && rest > DEPENDENT * diagonal) {
        double[] row = new double[kept + 1];
        System.arraycopy(y, 0, row, 0, kept);
        row[kept] = Math.sqrt(rest);
        chol[kept] = row;
        keep[kept] = j;
        newIndex[j] = kept;
        kept++;
        continue;
      }
      // dependent: x_j = X_kept a with L' a = y; its total must be what a implies
      double[] a = new double[kept];
      for (int r = kept - 1; r >= 0; r--) {
        double s = y[r];
        for (int c = r + 1; c < kept; c++) {
          s -= chol[c][r] * a[c];
        }
        a[r] = s / chol[r][r];
      }
      double implied = 0;
      double scale = Math.abs(fullPopulation.get(j));
      for (int r = 0; r < kept; r++) {
        implied += a[r] * fullPopulation.get(keep[r]);
        scale += Math.abs(a[r] * fullPopulation.get(keep[r]));
      }
      double target = fullPopulation.get(j);
      if (Math.abs(implied - target) > CONSISTENT * Math.max(scale, 1e-300)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "the calibration totals disagree: %s is "
            + "given as %s but the other totals imply %s (the cells of a term must add up to the totals of the "
            + "terms within it, and the counts of every term to the population size)", fullNames.get(j),
            Resolved.fmt(target), Resolved.fmt(implied)));
      }
    }
    boolean intercept = newIndex[0] == 0;
    for (int k = 0; k < t; k++) {
      int[] c = column[k];
      for (int i = 0; i < n; i++) {
        if (c[i] >= 0) {
          c[i] = newIndex[c[i]];
        }
      }
    }
    double[] population = new double[kept];
    String[] names = new String[kept];
    for (int a = 0; a < kept; a++) {
      population[a] = fullPopulation.get(keep[a]);
      names[a] = fullNames.get(keep[a]);
    }
    return new ModelMatrix(n, intercept, column, value, kept, population, names, in, excluded, cellOfRow,
        byCell ? Arrays.copyOf(cellFirst, cells) : null,
        byCell ? Arrays.copyOf(cellRespondents, cells) : null);
  }

  /**
   * This model with totals given as shares made totals of the sample: each multiplied by the starting weights'
   * total over the rows in the calibration.
   *
   * @param start each row's starting weight, 0 for a row outside the calibration
   */
  ModelMatrix timesSampleTotal(double[] start) {
    double total = 0;
    for (int i = 0; i < rows; i++) {
      if (in[i]) {
        total += start[i];
      }
    }
    double[] scaled = population.clone();
    for (int a = 0; a < scaled.length; a++) {
      scaled[a] *= total;
    }
    return new ModelMatrix(rows, intercept, column, value, columns, scaled, names, in, excluded, cellOfRow,
        cellFirst, cellRespondents);
  }

  /**
   * Gathers row {@code i}'s non-zero columns and values; returns how many.
   *
   * @param i an in-sample row
   * @param cols receives the columns, length at least terms + 1
   * @param vals receives the values
   */
  int row(int i, int[] cols, double[] vals) {
    int used = 0;
    if (intercept) {
      cols[used] = 0;
      vals[used++] = 1;
    }
    for (int k = 0; k < column.length; k++) {
      int c = column[k][i];
      if (c >= 0) {
        cols[used] = c;
        vals[used++] = value[k] == null ? 1 : value[k][i];
      }
    }
    return used;
  }

  int width() {
    return column.length + 1;
  }

  private static @Nullable String missingVariable(CategoricalVariable[][] cats, boolean[][][] missingCode,
      NumericVariable[][] nums, int i) {
    for (int k = 0; k < cats.length; k++) {
      for (int v = 0; v < cats[k].length; v++) {
        int c = cats[k][v].categoryIndex(i);
        if (c < 0 || missingCode[k][v][c]) {
          return cats[k][v].name();
        }
      }
      for (NumericVariable nv : nums[k]) {
        if (nv.isMissing(i) || !Double.isFinite(nv.valueAt(i))) {
          return nv.name();
        }
      }
    }
    return null;
  }

  private static String names(CategoricalVariable[] cats) {
    List<String> out = new ArrayList<>();
    for (CategoricalVariable cv : cats) {
      out.add(cv.name());
    }
    return out.isEmpty() ? "none" : String.join(", ", out);
  }

  static String cellName(CalibrationTerm term, List<String> key) {
    return key.isEmpty() ? "the total of " + term.name() : term.name() + "=" + String.join(":", key);
  }

  private static IllegalArgumentException noTotal(SurveyDesign design, CalibrationTerm term,
      CategoricalVariable[] cats, CellIndex index, int i) {
    List<String> codes = new ArrayList<>();
    for (CategoricalVariable cv : cats) {
      codes.add(cv.categories().get(cv.categoryIndex(i)).code());
    }
    long composite = index.composite(i);
    int count = 0;
    for (int r = i; r < design.rowCount(); r++) {
      if (design.weight(r) > 0 && index.composite(r) == composite) {
        count++;
      }
    }
    return new IllegalArgumentException(String.format(Locale.ROOT, "%s has %d respondents (the first %s, row %d) "
        + "but no total; add a total for it or recode it", cellName(term, codes), count, design.data().id(i),
        i + 1));
  }

  /** Each row's cell of a term: its categories' combination looked up among the term's keys. */
  private static final class CellIndex {
    private final CategoricalVariable[] cats;
    private final int @Nullable [] table;
    private final @Nullable Map<Long, Integer> map;

    CellIndex(CategoricalVariable[] cats, CalibrationTerm term) {
      this.cats = cats;
      long product = 1;
      for (CategoricalVariable cv : cats) {
        product *= Math.max(1, cv.categories().size());
        checkArgument(product < 1L << 40, "term %s has too many cells", term.name());
      }
      Map<Long, Integer> byComposite = new HashMap<>();
      int cell = 0;
      for (List<String> key : term.totals().keySet()) {
        long composite = 0;
        boolean present = true;
        for (int v = 0; v < cats.length; v++) {
          int c = cats[v].indexOf(key.get(v));
          if (c < 0) {
            present = false;
          }
          composite = composite * Math.max(1, cats[v].categories().size()) + Math.max(c, 0);
        }
        if (present) {
          byComposite.put(composite, cell);
        }
        cell++;
      }
      if (product <= 1 << 22) {
        table = new int[(int) product];
        Arrays.fill(table, -1);
        byComposite.forEach((c, j) -> table[(int) (long) c] = j);
        map = null;
      } else {
        table = null;
        map = byComposite;
      }
    }

    long composite(int i) {
      long composite = 0;
      for (CategoricalVariable cv : cats) {
        composite = composite * Math.max(1, cv.categories().size()) + cv.categoryIndex(i);
      }
      return composite;
    }

    int cellOf(int i) {
      long composite = composite(i);
      if (table != null) {
        return table[(int) composite];
      }
      Integer cell = map.get(composite);
      return cell == null ? -1 : cell;
    }
  }
}
