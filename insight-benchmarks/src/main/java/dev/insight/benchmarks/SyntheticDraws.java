package dev.insight.benchmarks;

import dev.insight.core.data.Category;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Drawing synthetic respondents' categories, shared by the weighting and calibration benchmarks. */
final class SyntheticDraws {
  private SyntheticDraws() {}

  /** The index of the category drawn, from the cumulative shares of the categories (the last one is 1). */
  static int draw(SplittableRandom random, double[] cumulative) {
    double u = random.nextDouble();
    for (int i = 0; i < cumulative.length - 1; i++) {
      if (u < cumulative[i]) {
        return i;
      }
    }
    return cumulative.length - 1;
  }

  /** Categories with these codes, in order. */
  static List<Category> categories(String... codes) {
    List<Category> out = new ArrayList<>();
    for (String code : codes) {
      out.add(Category.of(code));
    }
    return out;
  }
}
