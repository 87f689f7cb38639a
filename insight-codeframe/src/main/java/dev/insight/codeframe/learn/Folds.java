package dev.insight.codeframe.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fold assignment for cross-validation, stratified so every fold gets its share of each code.
 *
 * <p>Each comment's stratum is its rarest code (by frequency in the whole set; comments without a code form their
 * own stratum), a common approximation to multi-label stratification (Sechidis, Tsoumakas and Vlahavas 2011
 * balance the rarest label first for the same reason). Within a stratum comments are shuffled with the seed and
 * dealt to folds in turn, the dealing continuing across strata so fold sizes differ by at most one.
 */
final class Folds {
  private Folds() {}

  static int[] stratified(int[][] labels, int codes, int k, long seed) {
    int n = labels.length;
    int[] frequency = new int[codes];
    for (int[] row : labels) {
      for (int c : row) {
        frequency[c]++;
      }
    }
    List<List<Integer>> strata = new ArrayList<>();
    for (int c = 0; c <= codes; c++) {
      strata.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      int rarest = codes;
      for (int c : labels[i]) {
        if (rarest == codes || frequency[c] < frequency[rarest] || (frequency[c] == frequency[rarest] && c < rarest)) {
          rarest = c;
        }
      }
      strata.get(rarest).add(i);
    }
    SplittableRandom random = new SplittableRandom(seed);
    int[] fold = new int[n];
    int next = 0;
    for (List<Integer> stratum : strata) {
      for (int i = stratum.size() - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        Integer t = stratum.get(i);
        stratum.set(i, stratum.get(j));
        stratum.set(j, t);
      }
      for (int row : stratum) {
        fold[row] = next;
        next = (next + 1) % k;
      }
    }
    return fold;
  }

  static int[] rowsWhere(int[] fold, int k, boolean in) {
    int count = 0;
    for (int f : fold) {
      if ((f == k) == in) {
        count++;
      }
    }
    int[] rows = new int[count];
    int at = 0;
    for (int i = 0; i < fold.length; i++) {
      if ((fold[i] == k) == in) {
        rows[at++] = i;
      }
    }
    return rows;
  }
}
