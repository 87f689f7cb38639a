package dev.insight.stats.design;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * What a calibration iterates on: its units, each with one row of the model matrix and the starting weights of its
 * respondents summed. The g-weight of a respondent depends only on their row of the model matrix, so respondents
 * with the same row share it: when no term has a numeric variable (categorical main effects and interactions) and
 * the sample has at most half as many cells of the terms as respondents, the units are those cells and each Newton step
 * costs a pass over the cells instead of the respondents; otherwise each respondent is a unit. Both give the same
 * sums, so the same steps, g-weights and messages.
 */
abstract class CalibrationUnits {
  final ModelMatrix model;

  private CalibrationUnits(ModelMatrix model) {
    this.model = model;
  }

  /**
   * The units of this model: its cells when that pays, else its respondents.
   *
   * @param model the model matrix
   * @param byRespondent whether each respondent must be a unit (bounds that differ by respondent)
   */
  static CalibrationUnits of(ModelMatrix model, boolean byRespondent) {
    CalibrationUnits cells = byRespondent ? null : Cells.of(model);
    return cells != null ? cells : new Rows(model);
  }

  /** The number of units. */
  abstract int size();

  /** Whether unit {@code u} is in the calibration (the respondent units of rows left out are not). */
  abstract boolean in(int u);

  /**
   * Gathers unit {@code u}'s non-zero model columns and values; returns how many.
   *
   * @param u a unit in the calibration
   * @param cols receives the columns, length at least {@link ModelMatrix#width()}
   * @param vals receives the values
   */
  abstract int row(int u, int[] cols, double[] vals);

  /** Each row's unit, -1 for a row outside the calibration; not to be modified. */
  abstract int[] unitOfRow();

  /** The number of respondents in unit {@code u}. */
  abstract int respondents(int u);

  /** The first row of unit {@code u}, for messages. */
  abstract int firstRow(int u);

  /**
   * Per-row values summed by unit (rows outside the calibration left out).
   *
   * @param byRow one value per row; not modified
   * @return one sum per unit; not to be modified (it may be {@code byRow} itself)
   */
  double[] sum(double[] byRow) {
    int[] unit = unitOfRow();
    double[] out = new double[size()];
    for (int i = 0; i < byRow.length; i++) {
      if (unit[i] >= 0) {
        out[unit[i]] += byRow[i];
      }
    }
    return out;
  }

  /**
   * The weighted cross-products {@code sum w x x'} of the model's columns over the units in the calibration.
   *
   * @param weight each unit's weight
   */
  double[][] crossProducts(double[] weight) {
    int p = model.columns;
    double[][] xtx = new double[p][p];
    int[] cols = new int[model.width()];
    double[] vals = new double[model.width()];
    for (int u = 0; u < size(); u++) {
      if (!in(u) || weight[u] == 0) {
        continue;
      }
      int used = row(u, cols, vals);
      for (int a = 0; a < used; a++) {
        double wa = weight[u] * vals[a];
        for (int b = 0; b < used; b++) {
          xtx[cols[a]][cols[b]] += wa * vals[b];
        }
      }
    }
    return xtx;
  }

  /* Each respondent a unit. */
  private static final class Rows extends CalibrationUnits {
    private final int[] unitOfRow;

    Rows(ModelMatrix model) {
      super(model);
      unitOfRow = new int[model.rows];
      for (int i = 0; i < model.rows; i++) {
        unitOfRow[i] = model.in[i] ? i : -1;
      }
    }

    @Override
    int size() {
      return model.rows;
    }

    /* Each row its own unit: the values themselves (a row outside the calibration is never read). */
    @Override
    double[] sum(double[] byRow) {
      return byRow;
    }

    @Override
    boolean in(int u) {
      return model.in[u];
    }

    @Override
    int row(int u, int[] cols, double[] vals) {
      return model.row(u, cols, vals);
    }

    @Override
    int[] unitOfRow() {
      return unitOfRow;
    }

    @Override
    int respondents(int u) {
      return 1;
    }

    @Override
    int firstRow(int u) {
      return u;
    }
  }

  /* The cells of respondents with the same row of the model matrix (no numeric variable: every value 1). */
  private static final class Cells extends CalibrationUnits {
    private final int[] unitOfRow;
    private final int[][] columns;
    private final int[] respondents;
    private final int[] firstRow;

    private Cells(ModelMatrix model, int[] unitOfRow, int[][] columns, int[] respondents, int[] firstRow) {
      super(model);
      this.unitOfRow = unitOfRow;
      this.columns = columns;
      this.respondents = respondents;
      this.firstRow = firstRow;
    }

    /* The model's cells, or null when it has none (a numeric term, too many) or too many for them to pay. */
    static @Nullable Cells of(ModelMatrix model) {
      int[] cellOfRow = model.cellOfRow;
      if (cellOfRow == null) {
        return null;
      }
      int[] first = model.cellFirst;
      int inSample = 0;
      for (boolean in : model.in) {
        inSample += in ? 1 : 0;
      }
      if (first.length > inSample / 2) {
        return null;
      }
      int[][] columns = new int[first.length][];
      int[] cols = new int[model.width()];
      double[] vals = new double[model.width()];
      for (int c = 0; c < first.length; c++) {
        columns[c] = Arrays.copyOf(cols, model.row(first[c], cols, vals));
      }
      return new Cells(model, cellOfRow, columns, model.cellRespondents, first);
    }

    @Override
    int size() {
      return columns.length;
    }

    @Override
    boolean in(int u) {
      return true;
    }

    @Override
    int row(int u, int[] cols, double[] vals) {
      int[] c = columns[u];
      for (int a = 0; a < c.length; a++) {
        cols[a] = c[a];
        vals[a] = 1;
      }
      return c.length;
    }

    @Override
    int[] unitOfRow() {
      return unitOfRow;
    }

    @Override
    int respondents(int u) {
      return respondents[u];
    }

    @Override
    int firstRow(int u) {
      return firstRow[u];
    }
  }
}
