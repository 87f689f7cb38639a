package dev.insight.stats.table;

import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.MultiResponseVariable;
import org.jspecify.annotations.Nullable;

/** A banner variable and its columns {@code first .. first + size - 1}. */
record BannerVar(String name, int first, int size, int[] columnOfCategory,
    @Nullable CategoricalVariable categorical,
    @Nullable MultiResponseVariable multi, long @Nullable [][] members) {

  /**
   * The respondents in column {@code x}: of a categorical banner variable those kept whose category falls in the
   * column, of a multiple-response one the column's members.
   */
  boolean[] rows(boolean[] keep, int x) {
    boolean[] in = new boolean[keep.length];
    if (categorical != null) {
      for (int i = 0; i < in.length; i++) {
        int c = categorical.categoryIndex(i);
        in[i] = keep[i] && c >= 0 && columnOfCategory[c] == x;
      }
    } else {
      long[] bits = members[x];
      for (int i = 0; i < in.length; i++) {
        in[i] = (bits[i >>> 6] & (1L << i)) != 0;
      }
    }
    return in;
  }
}
