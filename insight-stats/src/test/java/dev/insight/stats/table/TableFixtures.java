package dev.insight.stats.table;

import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Category;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.MultiResponseVariable;
import dev.insight.core.data.NumericVariable;
import java.util.ArrayList;
import java.util.List;

/** Small hand-made datasets whose table figures can be worked out on paper. */
final class TableFixtures {
  private TableFixtures() {}

  static List<String> ids(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add("R" + i);
    }
    return ids;
  }

  /**
   * 200 respondents: group A (rows 0-99) and B (100-199); "yes" for 60 of A and 30 of B; an empty group C;
   * score = row % 5 + 1; media: option tv for even rows, radio for rows divisible by 3.
   */
  static Dataset twoGroups() {
    int n = 200;
    int[] group = new int[n];
    int[] answer = new int[n];
    double[] score = new double[n];
    MultiResponseVariable.Builder media = MultiResponseVariable.builder("media", "Media seen",
        List.of(Category.of("tv"), Category.of("radio"), Category.of("web")));
    for (int i = 0; i < n; i++) {
      group[i] = i < 100 ? 0 : 1;
      answer[i] = (i < 100 ? i < 60 : i < 130) ? 0 : 1;
      score[i] = i % 5 + 1;
      List<Integer> chosen = new ArrayList<>();
      if (i % 2 == 0) {
        chosen.add(0);
      }
      if (i % 3 == 0) {
        chosen.add(1);
      }
      media.add(chosen.stream().mapToInt(Integer::intValue).toArray());
    }
    return Dataset.builder(ids(n))
        .add(CategoricalVariable.of("group", "Group", List.of(Category.of("A"), Category.of("B"), Category.of("C")),
            group))
        .add(CategoricalVariable.of("answer", "Answer", List.of(Category.of("yes"), Category.of("no")), answer))
        .add(NumericVariable.of("score", "Score", score))
        .add(media.build())
        .build();
  }
}
