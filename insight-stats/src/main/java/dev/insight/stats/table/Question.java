package dev.insight.stats.table;

/** How one question turns a respondent into a base and items; one implementation per kind of question. */
sealed interface Question permits Question.Single, Question.Multi, Question.Mean {

  int items();

  /** Adds row i (kept and in the column) to the sums. */
  void addRow(ColumnSums acc, int i);

  /** Fills per-column sums for every column of an atom group, in one pass. */
  void accumulate(AtomGroup group, ColumnSums[] byColumn);

  /**
   * A respondent's value for one item: 1 or 0 for a category, option, net or box, the value itself for the mean
   * ({@code item} -1) of a numeric question; NaN when the respondent has no answer (outside the base).
   */
  double valueAt(int i, int item);

  static void spread(AtomGroup group, ColumnSums[] atoms, ColumnSums[] byColumn) {
    for (int a = 0; a < group.atomCount(); a++) {
      for (int c : group.columnsOfAtom()[a]) {
        byColumn[c].add(atoms[a]);
      }
    }
  }

  static ColumnSums[] newAccs(int count, int items) {
    ColumnSums[] accs = new ColumnSums[count];
    for (int i = 0; i < count; i++) {
      accs[i] = new ColumnSums(items);
    }
    return accs;
  }

  /** A single-choice question: valid categories, then nets and boxes as sums of categories. */
  final class Single implements Question {
    final int[] cat;
    final int categories;
    final int[][] itemsOfCategory;
    final int items;

    private final double[] w;

    Single(double[] w, int[] cat, int categories, int[][] itemsOfCategory, int items) {
      this.w = w;
      this.cat = cat;
      this.categories = categories;
      this.itemsOfCategory = itemsOfCategory;
      this.items = items;
    }

    @Override
    public int items() {
      return items;
    }

    @Override
    public double valueAt(int i, int item) {
      int c = cat[i];
      if (c < 0) {
        return Double.NaN;
      }
      for (int j : itemsOfCategory[c]) {
        if (j == item) {
          return 1;
        }
      }
      return 0;
    }

    @Override
    public void addRow(ColumnSums acc, int i) {
      int c = cat[i];
      if (c < 0) {
        return;
      }
      double wi = w[i];
      acc.n++;
      acc.w += wi;
      acc.q += wi * wi;
      for (int item : itemsOfCategory[c]) {
        acc.itemN[item]++;
        acc.itemW[item] += wi;
        acc.itemQ[item] += wi * wi;
      }
    }

    @Override
    public void accumulate(AtomGroup group, ColumnSums[] byColumn) {
      int atoms = group.atomCount();
      int k = categories;
      double[] cnt = new double[atoms * k];
      double[] sw = new double[atoms * k];
      double[] sq = new double[atoms * k];
      int[] atomOf = group.atomOf();
      for (int i = 0; i < atomOf.length; i++) {
        int a = atomOf[i];
        int c = cat[i];
        if (a < 0 || c < 0) {
          continue;
        }
        double wi = w[i];
        int cell = a * k + c;
        cnt[cell]++;
        sw[cell] += wi;
        sq[cell] += wi * wi;
      }
      ColumnSums[] atomAcc = newAccs(atoms, items);
      for (int a = 0; a < atoms; a++) {
        ColumnSums acc = atomAcc[a];
        for (int c = 0; c < k; c++) {
          double n = cnt[a * k + c];
          double wc = sw[a * k + c];
          double qc = sq[a * k + c];
          acc.n += n;
          acc.w += wc;
          acc.q += qc;
          for (int item : itemsOfCategory[c]) {
            acc.itemN[item] += n;
            acc.itemW[item] += wc;
            acc.itemQ[item] += qc;
          }
        }
      }
      spread(group, atomAcc, byColumn);
    }
  }

  /** A multiple-response question: options and nets are bit columns of the rows that chose them. */
  final class Multi implements Question {
    final long[] answered;
    final long[][] itemBits;

    private final double[] w;

    /** Whether per-option squared weights are summed: they only feed the Rao-Scott tests. */
    private final boolean squares;

    Multi(double[] w, long[] answered, long[][] itemBits, boolean squares) {
      this.w = w;
      this.squares = squares;
      this.answered = answered;
      this.itemBits = itemBits;
    }

    @Override
    public int items() {
      return itemBits.length;
    }

    @Override
    public double valueAt(int i, int item) {
      if ((answered[i >>> 6] & (1L << i)) == 0) {
        return Double.NaN;
      }
      return (itemBits[item][i >>> 6] & (1L << i)) != 0 ? 1 : 0;
    }

    @Override
    public void addRow(ColumnSums acc, int i) {
      if ((answered[i >>> 6] & (1L << i)) == 0) {
        return;
      }
      double wi = w[i];
      acc.n++;
      acc.w += wi;
      acc.q += wi * wi;
      for (int j = 0; j < itemBits.length; j++) {
        if ((itemBits[j][i >>> 6] & (1L << i)) != 0) {
          acc.itemN[j]++;
          acc.itemW[j] += wi;
          acc.itemQ[j] += wi * wi;
        }
      }
    }

    @Override
    public void accumulate(AtomGroup group, ColumnSums[] byColumn) {
      int atoms = group.atomCount();
      int[] atomOf = group.atomOf();
      int items = itemBits.length;
      // flat per-atom sums, so the inner loops touch primitive arrays only
      double[] baseN = new double[atoms];
      double[] baseW = new double[atoms];
      double[] baseQ = new double[atoms];
      double[] cnt = new double[atoms * items];
      double[] sw = new double[atoms * items];
      double[] sq = new double[atoms * items];
      // word by word, so the 64 respondents' atoms and weights stay in L1 while every option's bits are read:
      // one stream over the arrays instead of one per option
      for (int word = 0; word < answered.length; word++) {
        long bits = answered[word];
        if (bits == 0) {
          continue;
        }
        int first = word << 6;
        while (bits != 0) {
          int i = first + Long.numberOfTrailingZeros(bits);
          bits &= bits - 1;
          int a = atomOf[i];
          if (a < 0) {
            continue;
          }
          double wi = w[i];
          baseN[a]++;
          baseW[a] += wi;
          baseQ[a] += wi * wi;
        }
        for (int j = 0; j < items; j++) {
          long chosen = itemBits[j][word];
          while (chosen != 0) {
            int i = first + Long.numberOfTrailingZeros(chosen);
            chosen &= chosen - 1;
            int a = atomOf[i];
            if (a >= 0) {
              double wi = w[i];
              int cell = a * items + j;
              cnt[cell]++;
              sw[cell] += wi;
              if (squares) {
                sq[cell] += wi * wi;
              }
            }
          }
        }
      }
      ColumnSums[] atomAcc = newAccs(atoms, items);
      for (int a = 0; a < atoms; a++) {
        ColumnSums acc = atomAcc[a];
        acc.n = baseN[a];
        acc.w = baseW[a];
        acc.q = baseQ[a];
        System.arraycopy(cnt, a * items, acc.itemN, 0, items);
        System.arraycopy(sw, a * items, acc.itemW, 0, items);
        System.arraycopy(sq, a * items, acc.itemQ, 0, items);
      }
      spread(group, atomAcc, byColumn);
    }
  }

  /** A numeric question: sums of x and x^2 (shifted by the first value, for accuracy), and optional boxes. */
  final class Mean implements Question {
    final double[] x;
    final double shift;
    final double top;
    final double bottom;
    final boolean boxes;

    private final double[] w;

    Mean(double[] w, double[] x, double shift, boolean boxes, double top, double bottom) {
      this.w = w;
      this.x = x;
      this.shift = shift;
      this.boxes = boxes;
      this.top = top;
      this.bottom = bottom;
    }

    @Override
    public int items() {
      return boxes ? 2 : 0;
    }

    @Override
    public double valueAt(int i, int item) {
      double v = x[i];
      if (item < 0 || Double.isNaN(v)) {
        return v;
      }
      return item == 0 ? (v >= top ? 1 : 0) : (v <= bottom ? 1 : 0);
    }

    @Override
    public void addRow(ColumnSums acc, int i) {
      double v = x[i];
      if (w[i] > 0) {
        acc.respondents++;
      }
      if (Double.isNaN(v)) {
        return;
      }
      double wi = w[i];
      double d = v - shift;
      acc.n++;
      acc.w += wi;
      acc.q += wi * wi;
      acc.sx += wi * d;
      acc.sxx += wi * d * d;
      if (boxes) {
        if (v >= top) {
          acc.itemN[0]++;
          acc.itemW[0] += wi;
        }
        if (v <= bottom) {
          acc.itemN[1]++;
          acc.itemW[1] += wi;
        }
      }
    }

    @Override
    public void accumulate(AtomGroup group, ColumnSums[] byColumn) {
      ColumnSums[] atomAcc = newAccs(group.atomCount(), items());
      int[] atomOf = group.atomOf();
      for (int i = 0; i < atomOf.length; i++) {
        int a = atomOf[i];
        if (a >= 0) {
          addRow(atomAcc[a], i);
        }
      }
      spread(group, atomAcc, byColumn);
    }
  }
}
