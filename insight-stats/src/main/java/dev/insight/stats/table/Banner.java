package dev.insight.stats.table;

import static com.google.common.base.Preconditions.checkArgument;

import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Category;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.MultiResponseVariable;
import dev.insight.core.data.NumericVariable;
import dev.insight.core.data.Variable;
import dev.insight.stats.design.SurveyDesign;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The banner of one table: the respondents it covers, its columns (Total first) and which respondents fall in
 * which column, and the sums of a question per column.
 *
 * <p>Single-choice banner variables are combined into "atoms" (the cross-classification of their columns, at most
 * {@link #MAX_ATOMS} per group of variables), so each question is one pass over the respondents accumulating
 * count, weight and squared weight per (atom, category); column figures are then sums over atoms. A
 * multiple-response banner variable's columns overlap, so each is accumulated over its own rows (bit columns),
 * and so is the overlap of each pair for the overlap-corrected tests.
 */
final class Banner {
  private static final int MAX_ATOMS = 4096;

  private final Dataset data;
  private final boolean[] keep;
  private final int kept;
  private final long[] keepWords;
  private final List<BannerColumn> columns = new ArrayList<>();
  private final List<BannerVar> bannerVars = new ArrayList<>();
  private final List<AtomGroup> groups = new ArrayList<>();
  /** Kept respondents with no valid category of each single-choice banner variable. */
  private final Map<String, Integer> withoutBanner = new HashMap<>();

  Banner(SurveyDesign design, TableSpec spec) {
    this.data = design.data();
    this.keep = spec.filter().select(data);
    for (int i = 0; i < keep.length; i++) {
      keep[i] &= design.inSample(i);
    }
    int count = 0;
    for (boolean k : keep) {
      if (k) {
        count++;
      }
    }
    this.kept = count;
    checkArgument(kept > 0, "filter %s keeps no respondent (of %s)", spec.filter(), data.rowCount());
    this.keepWords = words(keep);
    buildColumns(spec.banner());
    buildAtomGroups();
  }

  /** The respondents the table covers: the filter's, with a weight above 0. */
  boolean[] keep() {
    return keep;
  }

  /** How many respondents the table covers. */
  int kept() {
    return kept;
  }

  /** The number of 64-bit words of a row set over every respondent. */
  int words() {
    return keepWords.length;
  }

  List<BannerColumn> columns() {
    return columns;
  }

  List<BannerVar> bannerVars() {
    return bannerVars;
  }

  /** The kept respondents who did not answer banner variable {@code b}: they count in Total only. */
  int withoutAnswer(BannerVar b) {
    if (b.categorical() != null) {
      return withoutBanner.get(b.name());
    }
    int without = 0;
    for (int i = 0; i < keep.length; i++) {
      if (keep[i] && b.multi().isMissing(i)) {
        without++;
      }
    }
    return without;
  }

  private static long[] words(boolean[] flags) {
    long[] words = new long[(flags.length + 63) >>> 6];
    for (int i = 0; i < flags.length; i++) {
      if (flags[i]) {
        words[i >>> 6] |= 1L << i;
      }
    }
    return words;
  }

  private void buildColumns(List<String> banner) {
    columns.add(new BannerColumn(null, "Total", "Total", ""));
    int letter = 0;
    for (String name : banner) {
      checkArgument(data.has(name), "banner variable %s does not exist; the dataset has %s", name,
          data.variableNames());
      Variable v = data.variable(name);
      List<Category> categories;
      CategoricalVariable categorical = null;
      MultiResponseVariable multi = null;
      if (v instanceof CategoricalVariable c) {
        categorical = c;
        categories = c.categories();
      } else if (v instanceof MultiResponseVariable m) {
        multi = m;
        categories = m.options();
      } else {
        throw new IllegalArgumentException("banner variable " + name + " is "
            + (v instanceof NumericVariable ? "numeric" : "open text")
            + "; banner variables must be single-choice or multiple response");
      }
      int first = columns.size();
      int[] columnOfCategory = new int[categories.size()];
      int size = 0;
      for (int j = 0; j < categories.size(); j++) {
        Category category = categories.get(j);
        if (category.missing()) {
          columnOfCategory[j] = -1;
          continue;
        }
        columnOfCategory[j] = size++;
        columns.add(new BannerColumn(name, category.code(), category.label(), letterOf(letter++)));
      }
      long[][] members = null;
      if (multi != null) {
        members = new long[size][];
        for (int j = 0; j < categories.size(); j++) {
          if (columnOfCategory[j] >= 0) {
            long[] bits = Arrays.copyOf(multi.selectedRows(j).toLongArray(), keepWords.length);
            for (int k = 0; k < bits.length; k++) {
              bits[k] &= keepWords[k];
            }
            members[columnOfCategory[j]] = bits;
          }
        }
      }
      bannerVars.add(new BannerVar(name, first, size, columnOfCategory, categorical, multi, members));
    }
  }

  static String letterOf(int index) {
    StringBuilder s = new StringBuilder();
    int i = index;
    do {
      s.insert(0, (char) ('A' + i % 26));
      i = i / 26 - 1;
    } while (i >= 0);
    return s.toString();
  }

  private void buildAtomGroups() {
    List<List<BannerVar>> chunks = new ArrayList<>();
    List<BannerVar> current = new ArrayList<>();
    long product = 1;
    for (BannerVar b : bannerVars) {
      if (b.categorical() == null) {
        continue;
      }
      if (product * (b.size() + 1) > MAX_ATOMS && !current.isEmpty()) {
        chunks.add(current);
        current = new ArrayList<>();
        product = 1;
      }
      current.add(b);
      product *= b.size() + 1;
    }
    if (!current.isEmpty() || chunks.isEmpty()) {
      chunks.add(current);
    }
    int n = data.rowCount();
    for (int g = 0; g < chunks.size(); g++) {
      List<BannerVar> chunk = chunks.get(g);
      int[] atomOf = new int[n];
      int atomCount = 1;
      int[] strides = new int[chunk.size()];
      for (int b = 0; b < chunk.size(); b++) {
        strides[b] = atomCount;
        atomCount *= chunk.get(b).size() + 1;
      }
      for (int i = 0; i < n; i++) {
        atomOf[i] = keep[i] ? 0 : -1;
      }
      for (int b = 0; b < chunk.size(); b++) {
        BannerVar bv = chunk.get(b);
        CategoricalVariable c = bv.categorical();
        int without = 0;
        for (int i = 0; i < n; i++) {
          if (atomOf[i] >= 0) {
            int index = c.categoryIndex(i);
            int digit = index < 0 || bv.columnOfCategory()[index] < 0 ? bv.size() : bv.columnOfCategory()[index];
            if (digit == bv.size()) {
              without++;
            }
            atomOf[i] += digit * strides[b];
          }
        }
        withoutBanner.put(bv.name(), without);
      }
      int[][] columnsOfAtom = new int[atomCount][];
      for (int a = 0; a < atomCount; a++) {
        List<Integer> cols = new ArrayList<>();
        if (g == 0) {
          cols.add(0);
        }
        for (int b = 0; b < chunk.size(); b++) {
          int digit = (a / strides[b]) % (chunk.get(b).size() + 1);
          if (digit < chunk.get(b).size()) {
            cols.add(chunk.get(b).first() + digit);
          }
        }
        columnsOfAtom[a] = cols.stream().mapToInt(Integer::intValue).toArray();
      }
      groups.add(new AtomGroup(atomOf, atomCount, columnsOfAtom));
    }
  }

  /** The question's sums in every column: one pass per atom group, one per multiple-response banner column. */
  ColumnSums[] accumulate(Question question) {
    ColumnSums[] acc = Question.newAccs(columns.size(), question.items());
    for (AtomGroup group : groups) {
      question.accumulate(group, acc);
    }
    for (BannerVar b : bannerVars) {
      if (b.multi() == null) {
        continue;
      }
      for (int j = 0; j < b.size(); j++) {
        acc[b.first() + j] = accumulateOver(question, b.members()[j]);
      }
    }
    return acc;
  }

  /** The question's sums over the respondents whose bits are set in {@code rows}. */
  ColumnSums accumulateOver(Question question, long[] rows) {
    ColumnSums acc = new ColumnSums(question.items());
    for (int word = 0; word < rows.length; word++) {
      long bits = rows[word];
      while (bits != 0) {
        int i = (word << 6) + Long.numberOfTrailingZeros(bits);
        bits &= bits - 1;
        question.addRow(acc, i);
      }
    }
    return acc;
  }
}
