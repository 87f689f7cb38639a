package dev.insight.stats.table;

import static com.google.common.base.Preconditions.checkArgument;

import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Category;
import dev.insight.core.data.MultiResponseVariable;
import dev.insight.core.data.NumericVariable;
import dev.insight.core.data.Variable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A percentage or mean row specification made ready to accumulate: its rows (categories or options, nets, boxes)
 * and the {@link Question} that sums them per column.
 *
 * @param items the rows after the mean, in order
 * @param question the sums per column
 * @param basis what the percentages are of, for the block
 * @param mentions whether the percentages are of mentions (the column tests and standard errors do not apply)
 * @param rowCodes the single-choice row's valid category of each respondent (-1 without), for its Rao-Scott test
 * @param rowCategories the number of valid categories of a single-choice row
 * @param multiOptions a multiple-response row's options, for its Rao-Scott tests
 */
record RowQuestion(List<Item> items, Question question, String basis, boolean mentions,
    int @Nullable [] rowCodes, int rowCategories, @Nullable List<Category> multiOptions) {

  /** One row of the block after the mean. */
  record Item(String code, String label, RowKind kind) {}

  /**
   * The row's question.
   *
   * @param row the row specification: categories, options or a mean
   * @param v the row variable
   * @param w the design's weights
   * @param words the number of 64-bit words of a row set over every respondent
   * @param raoScott whether the table has Rao-Scott tests (multiple-response rows then keep their per-respondent
   *     sums)
   */
  static RowQuestion of(RowSpec row, Variable v, double[] w, int words, boolean raoScott) {
    if (row instanceof RowSpec.Categories spec) {
      return categories(spec, v, w);
    } else if (row instanceof RowSpec.Options spec) {
      return options(spec, v, w, words, raoScott);
    }
    return mean((RowSpec.Mean) row, v, w);
  }

  private static RowQuestion categories(RowSpec.Categories spec, Variable v, double[] w) {
    String name = spec.variable();
    checkArgument(v instanceof CategoricalVariable, "row variable %s is %s; categories need a single-choice "
        + "variable", name, kind(v));
    CategoricalVariable c = (CategoricalVariable) v;
    List<Item> items = new ArrayList<>();
    List<Category> valid = new ArrayList<>();
    int[] validIndex = new int[c.categories().size()];
    for (int j = 0; j < c.categories().size(); j++) {
      Category category = c.categories().get(j);
      validIndex[j] = category.missing() ? -1 : valid.size();
      if (!category.missing()) {
        valid.add(category);
        items.add(new Item(category.code(), category.label(), RowKind.CATEGORY));
      }
    }
    List<List<Integer>> itemsOf = new ArrayList<>();
    for (int j = 0; j < valid.size(); j++) {
      itemsOf.add(new ArrayList<>(List.of(j)));
    }
    for (Net net : spec.nets()) {
      int item = items.size();
      items.add(new Item(net.label(), net.label(), RowKind.NET));
      for (String code : net.codes()) {
        int j = c.indexOf(code);
        checkArgument(j >= 0 && validIndex[j] >= 0, "net %s of %s: %s is not a valid category; it has %s",
            net.label(), name, code, codes(valid));
        itemsOf.get(validIndex[j]).add(item);
      }
    }
    if (spec.boxes()) {
      checkArgument(valid.size() >= 4, "top-2/bottom-2 boxes of %s need a scale of at least 4 categories; it "
          + "has %s", name, valid.size());
      int top = items.size();
      items.add(new Item("top2", "Top 2 box", RowKind.BOX));
      items.add(new Item("bottom2", "Bottom 2 box", RowKind.BOX));
      itemsOf.get(valid.size() - 1).add(top);
      itemsOf.get(valid.size() - 2).add(top);
      itemsOf.get(0).add(top + 1);
      itemsOf.get(1).add(top + 1);
    }
    int[] cat = c.copyIndices();
    if (valid.size() < c.categories().size()) {
      for (int i = 0; i < cat.length; i++) {
        cat[i] = cat[i] < 0 ? -1 : validIndex[cat[i]];
      }
    }
    int[][] itemsOfCategory = itemsOf.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
        .toArray(int[][]::new);
    Question question = new Question.Single(w, cat, valid.size(), itemsOfCategory, items.size());
    return new RowQuestion(items, question, "respondents", false, cat, valid.size(), null);
  }

  private static RowQuestion options(RowSpec.Options spec, Variable v, double[] w, int words, boolean raoScott) {
    String name = spec.variable();
    checkArgument(v instanceof MultiResponseVariable, "row variable %s is %s; options need a multiple-response "
        + "variable", name, kind(v));
    MultiResponseVariable m = (MultiResponseVariable) v;
    List<Item> items = new ArrayList<>();
    List<long[]> bits = new ArrayList<>();
    for (int j = 0; j < m.options().size(); j++) {
      Category option = m.options().get(j);
      items.add(new Item(option.code(), option.label(), RowKind.CATEGORY));
      bits.add(Arrays.copyOf(m.selectedRows(j).toLongArray(), words));
    }
    for (Net net : spec.nets()) {
      long[] union = new long[words];
      for (String code : net.codes()) {
        int j = m.indexOf(code);
        checkArgument(j >= 0, "net %s of %s: %s is not an option; it has %s", net.label(), name, code,
            codes(m.options()));
        long[] option = bits.get(j);
        for (int k = 0; k < words; k++) {
          union[k] |= option[k];
        }
      }
      items.add(new Item(net.label(), net.label(), RowKind.NET));
      bits.add(union);
    }
    long[] answered = Arrays.copyOf(m.answeredRows().toLongArray(), words);
    Question question = new Question.Multi(w, answered, bits.toArray(long[][]::new), raoScott);
    boolean mentions = spec.percentBase() == PercentBase.MENTIONS;
    return new RowQuestion(items, question, mentions ? "mentions" : "respondents", mentions, null, 0,
        m.options());
  }

  private static RowQuestion mean(RowSpec.Mean spec, Variable v, double[] w) {
    String name = spec.variable();
    checkArgument(v instanceof NumericVariable, "row variable %s is %s; a mean needs a numeric variable", name,
        kind(v));
    NumericVariable numeric = (NumericVariable) v;
    List<Item> items = new ArrayList<>();
    double[] x = numeric.copyValidValues();
    double shift = 0;
    for (double value : x) {
      if (!Double.isNaN(value)) {
        shift = value;
        break;
      }
    }
    double top = Double.NaN;
    double bottom = Double.NaN;
    if (spec.boxes()) {
      TreeSet<Double> points = new TreeSet<>(numeric.valueLabels().keySet());
      for (double code : numeric.missingCodes()) {
        points.remove(code);
      }
      if (points.isEmpty()) {
        for (double value : x) {
          if (!Double.isNaN(value)) {
            points.add(value);
          }
        }
      }
      checkArgument(points.size() >= 4, "top-2/bottom-2 boxes of %s need a scale of at least 4 points; it has "
          + "%s", name, points);
      top = points.lower(points.last());
      bottom = points.higher(points.first());
      items.add(new Item("top2", "Top 2 box", RowKind.BOX));
      items.add(new Item("bottom2", "Bottom 2 box", RowKind.BOX));
    }
    Question question = new Question.Mean(w, x, shift, spec.boxes(), top, bottom);
    return new RowQuestion(items, question, "respondents with a value", false, null, 0, null);
  }

  private static String kind(Variable v) {
    if (v instanceof CategoricalVariable) {
      return "single-choice";
    } else if (v instanceof MultiResponseVariable) {
      return "multiple response";
    } else if (v instanceof NumericVariable) {
      return "numeric";
    }
    return "open text";
  }

  private static String codes(List<Category> categories) {
    return categories.stream().map(Category::code).toList().toString();
  }
}
