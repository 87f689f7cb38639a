package dev.insight.stats.design;

import static com.google.common.base.Preconditions.checkArgument;

import dev.insight.stats.internal.RakingResiduals;
import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.jspecify.annotations.Nullable;

/**
 * How a weighting step constrained the weights, which variance estimation must take into account: the influence
 * values of an estimator are replaced by their residuals on the calibration variables before the design's
 * Taylor-linearisation sum (R {@code survey}'s {@code postStrata}, Deville and Särndal 1992).
 *
 * <p>Created by the weighting procedures of {@code dev.insight.stats.design}; a procedure of one's own that
 * calibrates weights can create one through the factories below. Arrays are per respondent, in row order; category
 * index {@code -1} marks a respondent outside the sample (weight 0).
 */
sealed interface Calibration {

  /**
   * Post-stratification: weights were scaled to targets within cells. Variance residuals are taken from the
   * weighted mean (with the weights before the step) of the influence within each cell, as R's
   * {@code postStratify}.
   *
   * @param cells each respondent's cell, {@code -1} outside the sample
   * @param cellCount the number of cells
   * @param before the weights before the step
   * @param after the weights after the step
   * @return the calibration
   * @throws IllegalArgumentException when the arrays differ in length or a cell is out of range
   */
  static Calibration postStratified(int[] cells, int cellCount, double[] before, double[] after) {
    return new PostStratified(cells, cellCount, before, after);
  }

  /**
   * Raking to several margins. Variance residuals are found as R's {@code rake} does: ten backfitting sweeps over
   * the margins, each subtracting the unweighted mean of the influence (divided by the weight) within each
   * category.
   *
   * @param margins for each margin, each respondent's category, {@code -1} outside the sample
   * @param categoryCounts for each margin, its number of categories
   * @param after the raked weights
   * @return the calibration
   * @throws IllegalArgumentException when the arrays differ in length or a category is out of range
   */
  static Calibration raked(int[][] margins, int[] categoryCounts, double[] after) {
    return Raked.ofMargins(margins, categoryCounts, after, null);
  }

  /**
   * Raking as {@link #raked(int[][], int[], double[])}, with the weights each margin's step left in the last sweep
   * given relative to the final ones, as R's {@code rake} records them ({@code attr(margin, "weights")}): the
   * sweeps then divide by, and subtract in proportion to, each margin's own weights, exactly as R's
   * {@code svyrecvar} does, which matters when raking stopped before the weights settled.
   *
   * @param margins for each margin, each respondent's category, {@code -1} outside the sample
   * @param categoryCounts for each margin, its number of categories
   * @param after the raked weights
   * @param ratioByRow for each margin, each respondent's weight after that margin's step over their final weight
   * @return the calibration
   */
  static Calibration raked(int[][] margins, int[] categoryCounts, double[] after, double[][] ratioByRow) {
    return Raked.ofMargins(margins, categoryCounts, after, ratioByRow);
  }

  /**
   * Raking to several margins, given each respondent's cell of the cross-classification of the margins instead of
   * a category per margin: the same calibration as {@link #raked(int[][], int[], double[])}, without a row array
   * per margin. Cell {@code c} holds category {@code c_k} of margin {@code k} where {@code c = (..(c_0 * n_1 + c_1)
   * * n_2 + ..) + c_last} for category counts {@code n_k} (the first margin varies slowest).
   *
   * @param cells each respondent's cell, {@code -1} outside the sample
   * @param categoryCounts for each margin, its number of categories; their product at most {@code 2^22}
   * @param after the raked weights
   * @return the calibration
   * @throws IllegalArgumentException when the arrays differ in length, a cell is out of range or there are too
   *     many cells
   */
  static Calibration rakedByCell(int[] cells, int[] categoryCounts, double[] after) {
    return Raked.ofCells(cells, categoryCounts, after, null);
  }

  /**
   * Raking by cell as {@link #rakedByCell(int[], int[], double[])}, with each margin's weights in the last sweep
   * relative to the final ones, by cell (see {@link #raked(int[][], int[], double[], double[][])}).
   *
   * @param cells each respondent's cell, {@code -1} outside the sample
   * @param categoryCounts for each margin, its number of categories
   * @param after the raked weights
   * @param ratioByCell for each margin, each cell's weight after that margin's step over its final weight
   * @return the calibration
   */
  static Calibration rakedByCell(int[] cells, int[] categoryCounts, double[] after, double[][] ratioByCell) {
    return Raked.ofCells(cells, categoryCounts, after, ratioByCell);
  }

  /**
   * Calibration to the totals of a model's terms (main effects, interactions, numeric variables) with any distance
   * function. Variance residuals come from the weighted least-squares regression (weights before calibration) of
   * the influence divided by the g-weights on the model's columns, then multiplied by the calibrated weights, as R's
   * {@code svyrecvar} does for a {@code calibrate}d design ({@code qr.resid(qr, x / w) * w}).
   *
   * @param model the model matrix, rows outside the calibration marked
   * @param before the weights before calibration
   * @param after the calibrated weights
   * @param xtx the cross-products {@code sum before x x'} of the model's columns over the rows in it
   * @return the calibration
   */
  static Calibration regression(ModelMatrix model, double[] before, double[] after, double[][] xtx) {
    return new Regression(model, before, after, xtx);
  }

  /**
   * Replaces weighted influence values by their residuals after this calibration, in place.
   *
   * @param x weighted influence values, one per respondent
   */
  void residualise(double[] x);

  private static void checkCategories(int[] categories, int count, int n, String what) {
    checkArgument(categories.length == n, "%s has %s rows, expected %s", what, categories.length, n);
    for (int c : categories) {
      if (!(c >= -1 && c < count)) {
        throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "%s: category %s out of range [-1, %s)", what, c, count));
      }
    }
  }

  /** Post-stratification; see {@link Calibration#postStratified}. */
  final class PostStratified implements Calibration {
    private final int[] cells;
    private final int cellCount;
    private final double[] before;
    private final double[] after;

    private PostStratified(int[] cells, int cellCount, double[] before, double[] after) {
      checkArgument(before.length == after.length, "before and after weights differ in length: %s and %s",
          before.length, after.length);
      checkCategories(cells, cellCount, after.length, "cells");
      this.cells = cells.clone();
      this.cellCount = cellCount;
      this.before = before.clone();
      this.after = after.clone();
    }

    @Override
    public void residualise(double[] x) {
      double[] num = new double[cellCount];
      double[] den = new double[cellCount];
      for (int i = 0; i < x.length; i++) {
        int c = cells[i];
        if (c >= 0) {
          double psw = after[i] == 0 && before[i] == 0 ? 1 : after[i];
          num[c] += x[i] * before[i] / psw;
          den[c] += before[i];
        }
      }
      for (int c = 0; c < cellCount; c++) {
        num[c] = den[c] == 0 ? 0 : num[c] / den[c];
      }
      for (int i = 0; i < x.length; i++) {
        int c = cells[i];
        if (c >= 0) {
          x[i] -= num[c] * after[i];
        }
      }
    }
  }

  /** Raking; see {@link Calibration#raked}. */
  final class Raked implements Calibration {
    /** R's {@code svyrecvar} makes exactly this many backfitting sweeps for a raked design. */
    private static final int SWEEPS = RakingResiduals.SWEEPS;
    /** Each row's category per margin; null when the sweeps run on the cells, which do not need them. */
    private final int @Nullable [][] margins;
    private final int[] categoryCounts;
    private final double[] after;
    // the cross-classification of the margins, when it has few enough cells to iterate on
    private final int @Nullable [] cellOfRow;
    private final int @Nullable [][] marginOfCell;
    private final double @Nullable [] cellSize;
    /*
     * For each margin, the weights its step left in the last sweep over the final weights: by cell when the sweeps
     * run on the cells, by row otherwise; null when every ratio is 1 (the final weights for every margin).
     */
    private final double @Nullable [][] ratio;

    /* Takes ownership of the arrays, already validated; margins may be null only when cellOfRow is given. */
    private Raked(int @Nullable [][] margins, int @Nullable [] cellOfRow, int[] categoryCounts, double[] after,
        double @Nullable [][] ratio) {
      this.ratio = ratio;
      this.margins = margins;
      this.cellOfRow = cellOfRow;
      this.categoryCounts = categoryCounts;
      this.after = after;
      if (cellOfRow == null) {
        marginOfCell = null;
        cellSize = null;
        return;
      }
      int cellCount = cellCount(categoryCounts);
      marginOfCell = new int[categoryCounts.length][cellCount];
      cellSize = new double[cellCount];
      for (int c = 0; c < cellCount; c++) {
        int rest = c;
        for (int k = categoryCounts.length - 1; k >= 0; k--) {
          marginOfCell[k][c] = rest % categoryCounts[k];
          rest /= categoryCounts[k];
        }
      }
      for (int cell : cellOfRow) {
        if (cell >= 0) {
          cellSize[cell]++;
        }
      }
    }

    private static long cells(int[] categoryCounts) {
      long cells = 1;
      for (int count : categoryCounts) {
        cells *= Math.max(1, count);
      }
      return cells;
    }

    private static int cellCount(int[] categoryCounts) {
      return (int) cells(categoryCounts);
    }

    /* Whether the sweeps run on the cells: when there are few enough of them. */
    private static boolean onCells(int[] categoryCounts, int rows) {
      long cells = cells(categoryCounts);
      return cells <= Math.max(16, rows / 2) && cells <= 1 << 22;
    }

    static Raked ofMargins(int[][] margins, int[] categoryCounts, double[] after,
        double @Nullable [][] ratioByRow) {
      checkArgument(ratioByRow == null || ratioByRow.length == margins.length, "%s ratios for %s margins",
          ratioByRow == null ? 0 : ratioByRow.length, margins.length);
      checkArgument(margins.length == categoryCounts.length && margins.length > 0,
          "%s margins but %s category counts", margins.length, categoryCounts.length);
      int[][] copies = new int[margins.length][];
      for (int k = 0; k < margins.length; k++) {
        checkCategories(margins[k], categoryCounts[k], after.length, "margin " + k);
        copies[k] = margins[k].clone();
      }
      int[] counts = categoryCounts.clone();
      if (!onCells(counts, after.length)) {
        return new Raked(copies, null, counts, after.clone(), ratioByRow == null ? null : deepCopy(ratioByRow));
      }
      int[] cellOfRow = new int[after.length];
      for (int i = 0; i < after.length; i++) {
        int cell = 0;
        for (int k = 0; k < copies.length; k++) {
          int m = copies[k][i];
          if (m < 0) {
            cell = -1;
            break;
          }
          cell = cell * counts[k] + m;
        }
        cellOfRow[i] = cell;
      }
      double[][] ratioByCell = null;
      if (ratioByRow != null) {
        int cellCount = cellCount(counts);
        ratioByCell = new double[counts.length][cellCount];
        for (double[] r : ratioByCell) {
          Arrays.fill(r, 1);
        }
        for (int i = 0; i < after.length; i++) {
          if (cellOfRow[i] >= 0) {
            for (int k = 0; k < counts.length; k++) {
              ratioByCell[k][cellOfRow[i]] = ratioByRow[k][i];
            }
          }
        }
      }
      return new Raked(copies, cellOfRow, counts, after.clone(), ratioByCell);
    }

    private static double[][] deepCopy(double[][] a) {
      double[][] out = new double[a.length][];
      for (int k = 0; k < a.length; k++) {
        out[k] = a[k].clone();
      }
      return out;
    }

    static Raked ofCells(int[] cells, int[] categoryCounts, double[] after, double @Nullable [][] ratioByCell) {
      checkArgument(ratioByCell == null || ratioByCell.length == categoryCounts.length, "%s ratios for %s margins",
          ratioByCell == null ? 0 : ratioByCell.length, categoryCounts.length);
      checkArgument(categoryCounts.length > 0, "no margins: %s category counts", categoryCounts.length);
      for (int count : categoryCounts) {
        checkArgument(count >= 1, "a margin has %s categories", count);
      }
      long cellCount = cells(categoryCounts);
      checkArgument(cellCount <= 1 << 22, "%s cells, more than %s", cellCount, 1 << 22);
      checkArgument(cells.length == after.length, "cells has %s rows, expected %s", cells.length, after.length);
      int[] counts = categoryCounts.clone();
      if (onCells(counts, after.length)) {
        // copied and checked in one pass (the message as checkCategories')
        int[] copy = new int[cells.length];
        for (int i = 0; i < copy.length; i++) {
          int c = cells[i];
          if (!(c >= -1 && c < cellCount)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                "cells: category %s out of range [-1, %s)", c, cellCount));
          }
          copy[i] = c;
        }
        return new Raked(null, copy, counts, after.clone(), ratioByCell == null ? null : deepCopy(ratioByCell));
      }
      checkCategories(cells, (int) cellCount, after.length, "cells");
      int[][] margins = new int[counts.length][after.length];
      double[][] ratioByRow = ratioByCell == null ? null : new double[counts.length][after.length];
      for (int i = 0; i < cells.length; i++) {
        if (ratioByRow != null) {
          for (int k = 0; k < counts.length; k++) {
            ratioByRow[k][i] = cells[i] < 0 ? 1 : ratioByCell[k][cells[i]];
          }
        }
        int rest = cells[i];
        for (int k = counts.length - 1; k >= 0; k--) {
          if (rest < 0) {
            margins[k][i] = -1;
          } else {
            margins[k][i] = rest % counts[k];
            rest /= counts[k];
          }
        }
      }
      return new Raked(margins, null, counts, after.clone(), ratioByRow);
    }

    @Override
    public void residualise(double[] x) {
      if (cellOfRow != null) {
        residualiseOnCells(x);
      } else {
        residualiseOnRows(x);
      }
    }

    /* The sweeps are linear and act on category means only, so v_i - a[cell(i)] with a per-cell adjustment a. */
    private void residualiseOnCells(double[] x) {
      int cellCount = cellSize.length;
      double[] sum = new double[cellCount];
      for (int i = 0; i < x.length; i++) {
        int c = cellOfRow[i];
        if (c >= 0) {
          sum[c] += x[i] / after[i];
        }
      }
      double[] adjust = RakingResiduals.adjustments(sum, cellSize, marginOfCell, categoryCounts, ratio);
      for (int i = 0; i < x.length; i++) {
        int c = cellOfRow[i];
        if (c >= 0) {
          x[i] -= after[i] * adjust[c];
        }
      }
    }

    private void residualiseOnRows(double[] x) {
      int n = x.length;
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = after[i] == 0 ? 0 : x[i] / after[i];
      }
      for (int sweep = 0; sweep < SWEEPS; sweep++) {
        for (int k = 0; k < margins.length; k++) {
          int[] m = margins[k];
          double[] r = ratio == null ? null : ratio[k];
          double[] catSum = new double[categoryCounts[k]];
          double[] catSize = new double[categoryCounts[k]];
          for (int i = 0; i < n; i++) {
            if (m[i] >= 0) {
              catSum[m[i]] += r == null ? v[i] : v[i] / r[i];
              catSize[m[i]]++;
            }
          }
          for (int j = 0; j < catSum.length; j++) {
            catSum[j] = catSize[j] == 0 ? 0 : catSum[j] / catSize[j];
          }
          for (int i = 0; i < n; i++) {
            if (m[i] >= 0) {
              v[i] -= r == null ? catSum[m[i]] : r[i] * catSum[m[i]];
            }
          }
        }
      }
      for (int i = 0; i < n; i++) {
        if (margins[0][i] >= 0) {
          x[i] = after[i] * v[i];
        }
      }
    }
  }

  /** Calibration to a model's totals; see {@link Calibration#regression}. */
  final class Regression implements Calibration {
    private final ModelMatrix model;
    private final double[] before;
    private final double[] after;
    private final RealMatrix inverse;

    private Regression(ModelMatrix model, double[] before, double[] after, double[][] xtx) {
      checkArgument(before.length == model.rows && after.length == model.rows,
          "weights have %s and %s rows, the model %s", before.length, after.length, model.rows);
      checkArgument(xtx.length == model.columns, "%s cross-products for %s columns", xtx.length, model.columns);
      this.model = model;
      this.before = before.clone();
      this.after = after.clone();
      this.inverse = new SingularValueDecomposition(new Array2DRowRealMatrix(xtx, false)).getSolver().getInverse();
    }

    @Override
    public void residualise(double[] x) {
      int p = model.columns;
      double[] xtv = new double[p];
      int[] cols = new int[model.width()];
      double[] vals = new double[model.width()];
      for (int i = 0; i < x.length; i++) {
        if (!model.in[i] || x[i] == 0) {
          continue;
        }
        double v = before[i] * x[i] / after[i];
        int used = model.row(i, cols, vals);
        for (int a = 0; a < used; a++) {
          xtv[cols[a]] += vals[a] * v;
        }
      }
      double[] beta = inverse.operate(xtv);
      for (int i = 0; i < x.length; i++) {
        if (!model.in[i]) {
          continue;
        }
        int used = model.row(i, cols, vals);
        double fit = 0;
        for (int a = 0; a < used; a++) {
          fit += vals[a] * beta[cols[a]];
        }
        x[i] -= after[i] * fit;
      }
    }

    @Override
    public String toString() {
      return "Regression[" + model.columns + " columns, weights " + Arrays.hashCode(after) + "]";
    }
  }
}
