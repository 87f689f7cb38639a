package dev.insight.stats.inference;

import java.util.Arrays;

/** How p-values of a family of comparisons (the column pairs of one banner variable in one row) are adjusted. */
public enum Correction {
  /** No adjustment: each comparison at the nominal level. */
  NONE,
  /** Bonferroni: each p-value times the number of comparisons, capped at 1. */
  BONFERRONI,
  /** Benjamini and Hochberg's (1995) step-up adjustment, controlling the false discovery rate. */
  BENJAMINI_HOCHBERG;

  /**
   * Adjusts a family of p-values; NaN entries (comparisons not done) are left NaN and do not count.
   *
   * @param pValues the raw p-values
   * @return adjusted p-values in the same order (R's {@code p.adjust} with {@code "bonferroni"} or {@code "BH"})
   */
  public double[] adjust(double[] pValues) {
    double[] adjusted = pValues.clone();
    int m = 0;
    for (double p : pValues) {
      if (!Double.isNaN(p)) {
        m++;
      }
    }
    if (this == NONE || m == 0) {
      return adjusted;
    }
    if (this == BONFERRONI) {
      for (int i = 0; i < adjusted.length; i++) {
        adjusted[i] = Math.min(1, adjusted[i] * m);
      }
      return adjusted;
    }
    Integer[] order = new Integer[m];
    int next = 0;
    for (int i = 0; i < pValues.length; i++) {
      if (!Double.isNaN(pValues[i])) {
        order[next++] = i;
      }
    }
    Arrays.sort(order, (a, b) -> Double.compare(pValues[b], pValues[a]));
    double running = 1;
    for (int rank = 0; rank < m; rank++) {
      int i = order[rank];
      running = Math.min(running, pValues[i] * m / (m - rank));
      adjusted[i] = running;
    }
    return adjusted;
  }
}
