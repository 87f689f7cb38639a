package dev.insight.stats.table;

import static com.google.common.base.Preconditions.checkArgument;

import dev.insight.core.data.Category;
import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.MultiResponseVariable;
import dev.insight.core.data.NumericVariable;
import dev.insight.core.data.Variable;
import dev.insight.stats.design.SurveyDesign;
import dev.insight.stats.inference.RaoScott;
import dev.insight.stats.inference.RaoScott;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Computes one banner table.
 *
 * <p>Implementation note: single-choice banner variables are combined into "atoms" (the cross-classification of
 * their columns, at most {@link #MAX_ATOMS} per group of variables), so each question is one pass over the
 * respondents accumulating count, weight and squared weight per (atom, category); column figures are then sums
 * over atoms. A multiple-response banner variable's columns overlap, so each is accumulated over its own rows
 * (bit columns), and so is the overlap of each pair for the overlap-corrected tests.
 */
final class TableEngine {
  private static final int MAX_ATOMS = 4096;

  private final Dataset data;
  private final SurveyDesign design;
  private final ColumnLetters letters;
  private final double[] w;
  private final TableSpec spec;
  private final TableOptions options;
  private final boolean[] keep;
  private final int kept;
  private final List<BannerColumn> columns = new ArrayList<>();
  private final List<BannerVar> bannerVars = new ArrayList<>();
  private final List<AtomGroup> groups = new ArrayList<>();
  /** Kept respondents with no valid category of each single-choice banner variable. */
  private final java.util.Map<String, Integer> withoutBanner = new java.util.HashMap<>();
  private final long[] keepWords;
  /** The cells' standard errors, made when the first is asked for. */
  private @org.jspecify.annotations.Nullable CellErrors cellErrors;



  TableEngine(SurveyDesign design, TableSpec spec) {
    this.design = design;
    this.data = design.data();
    this.w = design.weights();
    this.spec = spec;
    this.options = spec.options();
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
    buildBanner();
    this.letters = new ColumnLetters(design, options, columns, bannerVars, keep, this::accumulateOver);
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

  private void buildBanner() {
    columns.add(new BannerColumn(null, "Total", "Total", ""));
    int letter = 0;
    for (String name : spec.banner()) {
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
    buildAtomGroups();
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

  BannerTable compute() {
    List<RowBlock> blocks = new ArrayList<>();
    for (RowSpec row : spec.rows()) {
      blocks.add(block(row));
    }
    return new BannerTable(columns, blocks, notes());
  }

  private List<String> notes() {
    List<String> notes = new ArrayList<>();
    notes.add(String.format(Locale.ROOT, "Respondents: %d of %d (filter: %s)", kept, data.rowCount(),
        spec.filter()));
    notes.add(String.format(Locale.ROOT,
        "Letters: the column is significantly higher than the lettered column, upper case at p < %s, lower case "
            + "at p < %s (%s; correction: %s)",
        trim(options.upperAlpha()), trim(options.lowerAlpha()), letters.method(),
        options.correction().name().toLowerCase(Locale.ROOT).replace('_', '-')));
    notes.add(String.format(Locale.ROOT,
        "Columns with fewer than %d respondents are not tested; fewer than %d are flagged as small bases",
        options.minimumBase(), options.smallBase()));
    if (spec.rows().stream().anyMatch(r -> r instanceof RowSpec.Quantiles)) {
      notes.add("Quantiles: the smallest value with at least that share of the column's weight at or below it, "
          + "with its 95% Woodruff confidence interval and standard error (R's svyquantile defaults); quantile rows "
          + "are not lettered");
    }
    for (BannerVar b : bannerVars) {
      int without = 0;
      if (b.categorical() != null) {
        without = withoutBanner.get(b.name());
      } else {
        for (int i = 0; i < keep.length; i++) {
          if (keep[i] && b.multi().isMissing(i)) {
            without++;
          }
        }
      }
      if (without > 0) {
        notes.add(String.format(Locale.ROOT, "%d respondents did not answer banner variable %s: they count in "
            + "Total only", without, b.name()));
      }
    }
    return notes;
  }

  private static String trim(double value) {
    return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  // ---------------------------------------------------------------- accumulation

  // ---------------------------------------------------------------- one question

  private record Item(String code, String label, RowKind kind) {}

  private RowBlock block(RowSpec row) {
    String name = row.variable();
    checkArgument(data.has(name), "row variable %s does not exist; the dataset has %s", name,
        data.variableNames());
    if (row instanceof RowSpec.Quantiles quantiles) {
      return QuantileRows.block(design, quantiles, spec.filter(), columns, (e, total) -> base(e.unweightedN(),
          e.weightedBase(), e.effectiveBase(), total));
    }
    Variable v = data.variable(name);
    List<Item> items = new ArrayList<>();
    Question question;
    String basis = "respondents";
    boolean mentions = false;
    int[] rowCodes = null;
    int rowCategories = 0;
    List<Category> multiOptions = null;
    if (row instanceof RowSpec.Categories spec) {
      checkArgument(v instanceof CategoricalVariable, "row variable %s is %s; categories need a single-choice "
          + "variable", name, kind(v));
      CategoricalVariable c = (CategoricalVariable) v;
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
      question = new Question.Single(w, cat, valid.size(), itemsOfCategory, items.size());
      rowCodes = cat;
      rowCategories = valid.size();
    } else if (row instanceof RowSpec.Options spec) {
      checkArgument(v instanceof MultiResponseVariable, "row variable %s is %s; options need a multiple-response "
          + "variable", name, kind(v));
      MultiResponseVariable m = (MultiResponseVariable) v;
      int words = keepWords.length;
      List<long[]> bits = new ArrayList<>();
      multiOptions = m.options();
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
      question = new Question.Multi(w, answered, bits.toArray(long[][]::new), options.raoScott());
      mentions = spec.percentBase() == PercentBase.MENTIONS;
      if (mentions) {
        basis = "mentions";
      }
    } else {
      RowSpec.Mean spec = (RowSpec.Mean) row;
      checkArgument(v instanceof NumericVariable, "row variable %s is %s; a mean needs a numeric variable", name,
          kind(v));
      NumericVariable numeric = (NumericVariable) v;
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
      question = new Question.Mean(w, x, shift, spec.boxes(), top, bottom);
      basis = "respondents with a value";
    }

    ColumnSums[] acc = accumulate(question);
    int columnCount = columns.size();
    if (mentions) {
      int options = multiOptions.size();
      for (ColumnSums a : acc) {
        a.w = 0;
        a.n = 0;
        for (int j = 0; j < options; j++) {
          a.w += a.itemW[j];
          a.n += a.itemN[j];
        }
      }
    }
    List<Base> bases = new ArrayList<>();
    for (int c = 0; c < columnCount; c++) {
      bases.add(base(acc[c], c == 0));
    }
    boolean meanRow = question instanceof Question.Mean;
    List<List<Cell>> cells = new ArrayList<>();
    int rowCount = items.size() + (meanRow ? 1 : 0);
    for (int r = 0; r < rowCount; r++) {
      List<Cell> rowCells = new ArrayList<>();
      for (int c = 0; c < columnCount; c++) {
        rowCells.add(meanRow && r == 0 ? meanCell(acc[c], ((Question.Mean) question).shift)
            : countCell(acc[c], meanRow ? r - 1 : r, acc[0]));
      }
      cells.add(rowCells);
    }
    if (!mentions) {
      letters.mark(question, acc, cells, meanRow);
      if (options.standardErrors()) {
        if (cellErrors == null) {
          cellErrors = new CellErrors(design, keep, columns, bannerVars);
        }
        for (int r = 0; r < rowCount; r++) {
          boolean isMean = meanRow && r == 0;
          int item = isMean ? -1 : meanRow ? r - 1 : r;
          for (int c = 0; c < columnCount; c++) {
            double se = cellErrors.standardError(question, item, c);
            cells.get(r).set(c, cells.get(r).get(c).withStandardError(isMean ? se : 100 * se));
          }
        }
      }
    }
    List<TableRow> rows = new ArrayList<>();
    if (meanRow) {
      rows.add(new TableRow("mean", "Mean", RowKind.MEAN, cells.get(0)));
    }
    for (int r = 0; r < items.size(); r++) {
      Item item = items.get(r);
      rows.add(new TableRow(item.code(), item.label(), item.kind(), cells.get(meanRow ? r + 1 : r)));
    }
    List<AssociationTest> tests = options.raoScott()
        ? associations(name, rowCodes, rowCategories, question instanceof Question.Multi mq ? mq : null,
            multiOptions, mentions ? null : acc)
        : List.of();
    return new RowBlock(name, v.label(), basis, bases, rows, tests);
  }

  private ColumnSums[] accumulate(Question question) {
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

  private Base base(ColumnSums acc, boolean total) {
    return base(acc.n, acc.w, acc.q > 0 ? acc.w * acc.w / acc.q : 0, total);
  }

  private Base base(double n, double weighted, double effective, boolean total) {
    BaseFlag flag;
    if (n == 0) {
      flag = BaseFlag.EMPTY;
    } else if (n < options.minimumBase()) {
      flag = BaseFlag.NOT_TESTED;
    } else if (n < options.smallBase()) {
      flag = BaseFlag.SMALL;
    } else {
      flag = BaseFlag.OK;
    }
    return new Base(n, weighted, effective, total && flag == BaseFlag.NOT_TESTED ? BaseFlag.SMALL : flag);
  }

  private Cell countCell(ColumnSums acc, int item, ColumnSums total) {
    double percent = acc.w > 0 ? 100 * acc.itemW[item] / acc.w : Double.NaN;
    double rowPercent = options.rowPercents() && total.itemW[item] > 0
        ? 100 * acc.itemW[item] / total.itemW[item] : Double.NaN;
    return new Cell(acc.itemN[item], acc.itemW[item], percent, rowPercent, Double.NaN, Double.NaN, "",
        Comparison.NOT_TESTED, false);
  }

  private static Cell meanCell(ColumnSums acc, double shift) {
    double mean = acc.w > 0 ? shift + acc.sx / acc.w : Double.NaN;
    return new Cell(acc.n, acc.w, Double.NaN, Double.NaN, mean, Math.sqrt(acc.variance()), "",
        Comparison.NOT_TESTED, false);
  }

  private List<AssociationTest> associations(String name, int @org.jspecify.annotations.Nullable [] rowCodes,
      int rowCategories, Question.@org.jspecify.annotations.Nullable Multi multi,
      @org.jspecify.annotations.Nullable List<Category> multiOptions, ColumnSums @org.jspecify.annotations.Nullable [] acc) {
    List<AssociationTest> tests = new ArrayList<>();
    for (BannerVar b : bannerVars) {
      if (b.categorical() == null) {
        continue;
      }
      if (acc != null && design.isWeightsOnly() && (rowCodes != null || multi != null)
          && everyoneHasABannerCategory(acc, b)) {
        fromCellSums(name, rowCategories, multiOptions, acc, b, tests);
        continue;
      }
      int[] bannerCodes = b.categorical().copyIndices();
      for (int i = 0; i < bannerCodes.length; i++) {
        bannerCodes[i] = bannerCodes[i] < 0 ? -1 : b.columnOfCategory()[bannerCodes[i]];
      }
      if (rowCodes != null) {
        RaoScott.test(design, name, rowCodes, rowCategories, b.name(), bannerCodes, b.size(), keep)
            .ifPresent(r -> tests.add(new AssociationTest(b.name(), name, r)));
      } else if (multi != null && multiOptions != null) {
        int[] codes = new int[keep.length];
        for (int j = 0; j < multiOptions.size(); j++) {
          long[] bits = multi.itemBits[j];
          for (int i = 0; i < codes.length; i++) {
            codes[i] = (multi.answered[i >>> 6] & (1L << i)) == 0 ? -1
                : ((bits[i >>> 6] >>> i) & 1L) == 0 ? 0 : 1;
          }
          String option = multiOptions.get(j).code();
          RaoScott.test(design, option, codes, 2, b.name(), bannerCodes, b.size(), keep)
              .ifPresent(r -> tests.add(new AssociationTest(b.name(), option, r)));
        }
      }
    }
    return tests;
  }

  private static boolean everyoneHasABannerCategory(ColumnSums[] acc, BannerVar b) {
    double inColumns = 0;
    for (int j = 0; j < b.size(); j++) {
      inColumns += acc[b.first() + j].n;
    }
    return inColumns == acc[0].n;
  }

  /** Rao-Scott from the accumulated cell sums: weights-only designs, no pass over the respondents. */
  private void fromCellSums(String name, int rowCategories,
      @org.jspecify.annotations.Nullable List<Category> multiOptions, ColumnSums[] acc, BannerVar b,
      List<AssociationTest> tests) {
    int columnsOfBanner = b.size();
    if (multiOptions == null) {
      double[] s1 = new double[rowCategories * columnsOfBanner];
      double[] s2 = new double[s1.length];
      for (int c = 0; c < columnsOfBanner; c++) {
        ColumnSums column = acc[b.first() + c];
        for (int r = 0; r < rowCategories; r++) {
          s1[r + rowCategories * c] = column.itemW[r];
          s2[r + rowCategories * c] = column.itemQ[r];
        }
      }
      RaoScott.fromCellSums(design, name, b.name(), s1, s2, rowCategories, columnsOfBanner, kept)
          .ifPresent(r -> tests.add(new AssociationTest(b.name(), name, r)));
      return;
    }
    for (int j = 0; j < multiOptions.size(); j++) {
      double[] s1 = new double[2 * columnsOfBanner];
      double[] s2 = new double[s1.length];
      for (int c = 0; c < columnsOfBanner; c++) {
        ColumnSums column = acc[b.first() + c];
        s1[2 * c] = column.w - column.itemW[j];
        s2[2 * c] = column.q - column.itemQ[j];
        s1[2 * c + 1] = column.itemW[j];
        s2[2 * c + 1] = column.itemQ[j];
      }
      String option = multiOptions.get(j).code();
      RaoScott.fromCellSums(design, option, b.name(), s1, s2, 2, columnsOfBanner, kept)
          .ifPresent(r -> tests.add(new AssociationTest(b.name(), option, r)));
    }
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
