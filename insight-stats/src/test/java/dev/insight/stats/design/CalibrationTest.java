package dev.insight.stats.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CalibrationTest {
  /*
   * Raking given each row's cell must be the same calibration as raking given a category per margin, both when the
   * sweeps run on the cells (few cells) and on the rows (more cells than half the rows). Identical arithmetic in the
   * same order, so the residuals are compared exactly.
   */
  @ParameterizedTest
  @ValueSource(ints = {400, 30})
  void rakedByCell_givesTheResidualsOfRakedPerMargin(int rows) {
    int[] counts = {5, 3, 4};
    SplittableRandom random = new SplittableRandom(7);
    int[][] margins = new int[counts.length][rows];
    int[] cells = new int[rows];
    double[] after = new double[rows];
    double[] x = new double[rows];
    for (int i = 0; i < rows; i++) {
      boolean out = i % 11 == 3;
      int cell = 0;
      for (int k = 0; k < counts.length; k++) {
        margins[k][i] = out ? -1 : random.nextInt(counts[k]);
        cell = cell * counts[k] + margins[k][i];
      }
      cells[i] = out ? -1 : cell;
      after[i] = out ? 0 : 0.5 + random.nextDouble();
      x[i] = out ? 0 : after[i] * random.nextDouble();
    }
    double[] perMargin = x.clone();
    Calibration.raked(margins, counts, after).residualise(perMargin);
    double[] byCell = x.clone();
    Calibration.rakedByCell(cells, counts, after).residualise(byCell);

    assertThat(byCell).containsExactly(perMargin);
  }

  @ParameterizedTest
  @ValueSource(ints = {60, -2})
  void rakedByCell_cellOutOfRange_failsNamingIt(int cell) {
    assertThatThrownBy(() -> Calibration.rakedByCell(new int[] {0, cell}, new int[] {5, 3, 4}, new double[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cells: category " + cell + " out of range [-1, 60)");
  }
}
