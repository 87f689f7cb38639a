package dev.insight.codeframe.agreement;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;

/**
 * Krippendorff's alpha for nominal data.
 *
 * <p>Implementation note: Krippendorff, K. (2011), "Computing Krippendorff's alpha-reliability", sections on nominal
 * data with any number of observers and missing values. Units with fewer than two values are not pairable and are
 * left out. Each unit u with m_u values adds 1 / (m_u - 1) to the coincidence matrix cell o_ck for every ordered pair
 * of its values (c, k) from different observers; n_c are the matrix margins and n their total. Then
 * {@code alpha = 1 - (n - 1) * sum_{c != k} o_ck / sum_{c != k} n_c n_k}. When every pairable value is the same
 * category the expected disagreement is 0 and alpha is undefined: {@code NaN}.
 */
public final class Krippendorff {
  /** The value marking a missing observation in the data arrays. */
  public static final int MISSING = -1;

  private Krippendorff() {}

  /**
   * Alpha for nominal data.
   *
   * @param data {@code data[unit][observer]}: a category as a non-negative int, or {@link #MISSING}; rows may have
   *     different lengths
   * @return alpha in (-1, 1]; 1 for perfect agreement; {@code NaN} when there is no pairable value or no variation
   * @throws IllegalArgumentException when a value is negative other than {@link #MISSING}
   */
  public static double nominalAlpha(int[][] data) {
    int categories = 0;
    for (int[] unit : data) {
      for (int value : unit) {
        checkArgument(value >= MISSING, "category values must be non-negative (or -1 for missing), not %s", value);
        categories = Math.max(categories, value + 1);
      }
    }
    double[][] coincidence = new double[categories][categories];
    int[] counts = new int[categories];
    for (int[] unit : data) {
      Arrays.fill(counts, 0);
      int m = 0;
      for (int value : unit) {
        if (value != MISSING) {
          counts[value]++;
          m++;
        }
      }
      if (m < 2) {
        continue;
      }
      // ordered pairs of values from different observers: c != k gives counts[c] * counts[k], c == k gives
      // counts[c] * (counts[c] - 1)
      for (int c = 0; c < categories; c++) {
        if (counts[c] == 0) {
          continue;
        }
        for (int k = 0; k < categories; k++) {
          double pairs = c == k ? counts[c] * (counts[c] - 1.0) : (double) counts[c] * counts[k];
          coincidence[c][k] += pairs / (m - 1);
        }
      }
    }
    double[] margins = new double[categories];
    double n = 0;
    double observed = 0;
    for (int c = 0; c < categories; c++) {
      for (int k = 0; k < categories; k++) {
        margins[c] += coincidence[c][k];
        if (c != k) {
          observed += coincidence[c][k];
        }
      }
      n += margins[c];
    }
    double expected = 0;
    for (int c = 0; c < categories; c++) {
      for (int k = 0; k < categories; k++) {
        if (c != k) {
          expected += margins[c] * margins[k];
        }
      }
    }
    if (n < 2 || expected == 0) {
      return Double.NaN;
    }
    return 1 - (n - 1) * observed / expected;
  }
}
