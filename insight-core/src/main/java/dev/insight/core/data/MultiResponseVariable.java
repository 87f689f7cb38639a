package dev.insight.core.data;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A multiple-response variable: each respondent may choose any number of options (the priorities they commented
 * on, the codes given to their comment).
 *
 * <p>Stored as one bit column per option plus one bit column saying who answered the question at all, so a million
 * respondents with ten options take about 1.4 MB. A respondent who answered but chose nothing is valid (all options
 * 0); a respondent who did not answer is {@linkplain #isMissing(int) missing} and has no option selected.
 */
public final class MultiResponseVariable implements Variable {
  private final String name;
  private final String label;
  private final List<Category> options;
  private final long[][] selected;
  private final long[] answered;
  private final int size;

  private MultiResponseVariable(String name, String label, List<Category> options, long[][] selected,
      long[] answered, int size) {
    this.name = Names.checkName(name);
    this.label = Names.labelOr(label, name);
    this.options = Names.checkCategories(name, options);
    checkArgument(!this.options.isEmpty(), "variable %s: a multiple-response variable needs at least one option",
        name);
    this.size = size;
    this.answered = answered;
    this.selected = selected;
  }

  /**
   * A variable from one bit set per option.
   *
   * @param name the variable's name
   * @param label the label shown in tables, or null to use the name
   * @param options the options in display order
   * @param selected for each option, the rows that chose it; copied
   * @param answered the rows that answered the question (chose something or explicitly nothing); copied
   * @param size the number of rows
   * @return the variable
   * @throws IllegalArgumentException when a row chose an option but did not answer, or a bit lies beyond {@code size}
   */
  public static MultiResponseVariable of(String name, @Nullable String label, List<Category> options,
      List<BitSet> selected, BitSet answered, int size) {
    checkArgument(selected.size() == options.size(), "variable %s: %s options but %s selection columns", name,
        options.size(), selected.size());
    checkArgument(size >= 0, "size cannot be negative: %s", size);
    checkArgument(answered.length() <= size, "variable %s: answered row %s is beyond size %s", name,
        answered.length() - 1, size);
    long[][] bits = new long[selected.size()][];
    for (int option = 0; option < bits.length; option++) {
      BitSet column = checkNotNull(selected.get(option), "selected column");
      checkArgument(column.length() <= size, "variable %s: option %s selected in row %s, beyond size %s", name,
          options.get(option).code(), column.length() - 1, size);
      BitSet orphan = (BitSet) column.clone();
      orphan.andNot(answered);
      checkArgument(orphan.isEmpty(), "variable %s: row %s chose option %s but is marked as not answering", name,
          orphan.nextSetBit(0), options.get(option).code());
      bits[option] = Arrays.copyOf(column.toLongArray(), words(size));
    }
    return new MultiResponseVariable(name, label == null ? name : label, options, bits,
        Arrays.copyOf(answered.toLongArray(), words(size)), size);
  }

  /**
   * A builder that takes one respondent at a time.
   *
   * @param name the variable's name
   * @param label the label shown in tables, or null to use the name
   * @param options the options in display order
   * @return a new builder
   */
  public static Builder builder(String name, @Nullable String label, List<Category> options) {
    return new Builder(name, label == null ? name : label, options);
  }

  private static int words(int size) {
    return (size + 63) >>> 6;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public int size() {
    return size;
  }

  /**
   * The options in display order.
   *
   * @return an immutable list
   */
  public List<Category> options() {
    return options;
  }

  /**
   * Whether this row chose this option.
   *
   * @param row the row
   * @param option the index into {@link #options()}
   * @return true when chosen; false for a row that did not answer
   */
  public boolean isSelected(int row, int option) {
    checkElementIndex(row, size);
    return (selected[option][row >>> 6] & (1L << row)) != 0;
  }

  @Override
  public boolean isMissing(int row) {
    checkElementIndex(row, size);
    return (answered[row >>> 6] & (1L << row)) == 0;
  }

  /**
   * How many options this row chose.
   *
   * @param row the row
   * @return the number of mentions, 0 for a row that did not answer
   */
  public int mentions(int row) {
    checkElementIndex(row, size);
    int count = 0;
    for (long[] column : selected) {
      if ((column[row >>> 6] & (1L << row)) != 0) {
        count++;
      }
    }
    return count;
  }

  /**
   * The position of the option with this code.
   *
   * @param code an option code
   * @return its index in {@link #options()}, or -1 when there is no such option
   */
  public int indexOf(String code) {
    return Names.indexOfCode(options, code);
  }

  /**
   * The rows that chose this option.
   *
   * @param option the index into {@link #options()}
   * @return a new bit set
   */
  public BitSet selectedRows(int option) {
    checkElementIndex(option, options.size());
    return BitSet.valueOf(selected[option]);
  }

  /**
   * The rows that answered the question.
   *
   * @return a new bit set
   */
  public BitSet answeredRows() {
    return BitSet.valueOf(answered);
  }

  /**
   * The unweighted number of respondents choosing each option.
   *
   * @return counts in the order of {@link #options()}
   */
  public int[] counts() {
    int[] counts = new int[options.size()];
    for (int option = 0; option < counts.length; option++) {
      int count = 0;
      for (long word : selected[option]) {
        count += Long.bitCount(word);
      }
      counts[option] = count;
    }
    return counts;
  }

  @Override
  public int missingCount() {
    int answeredCount = 0;
    for (long word : answered) {
      answeredCount += Long.bitCount(word);
    }
    return size - answeredCount;
  }

  @Override
  public String toString() {
    return "MultiResponseVariable[" + name + ", " + options.size() + " options, " + size + " rows]";
  }

  /** Collects one respondent at a time into a {@link MultiResponseVariable}. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final String label;
    private final List<Category> options;
    private final List<long[]> columns;
    private long[] answered = new long[1];
    private int size;

    private Builder(String name, String label, List<Category> options) {
      this.name = Names.checkName(name);
      this.label = label;
      this.options = Names.checkCategories(name, options);
      this.columns = new ArrayList<>(this.options.size());
      for (int i = 0; i < this.options.size(); i++) {
        columns.add(new long[1]);
      }
    }

    private void grow() {
      if ((size >>> 6) >= answered.length) {
        int length = answered.length * 2;
        answered = Arrays.copyOf(answered, length);
        for (int i = 0; i < columns.size(); i++) {
          columns.set(i, Arrays.copyOf(columns.get(i), length));
        }
      }
    }

    /**
     * Appends a respondent who answered, with the indices of the options chosen (none is valid).
     *
     * @param chosen indices into the options
     * @return this builder
     */
    public Builder add(int... chosen) {
      grow();
      for (int option : chosen) {
        checkElementIndex(option, options.size(), "option index");
        columns.get(option)[size >>> 6] |= 1L << size;
      }
      answered[size >>> 6] |= 1L << size;
      size++;
      return this;
    }

    /**
     * Appends a respondent who answered, with one flag per option.
     *
     * @param chosen for each option whether it was chosen; length must equal the number of options
     * @return this builder
     */
    public Builder add(boolean[] chosen) {
      checkArgument(chosen.length == options.size(), "variable %s: %s flags for %s options", name, chosen.length,
          options.size());
      grow();
      for (int option = 0; option < chosen.length; option++) {
        if (chosen[option]) {
          columns.get(option)[size >>> 6] |= 1L << size;
        }
      }
      answered[size >>> 6] |= 1L << size;
      size++;
      return this;
    }

    /**
     * Appends a respondent who did not answer the question.
     *
     * @return this builder
     */
    public Builder addMissing() {
      grow();
      size++;
      return this;
    }

    /**
     * The variable built so far.
     *
     * @return a new immutable variable
     */
    public MultiResponseVariable build() {
      int words = words(size);
      long[][] bits = new long[columns.size()][];
      for (int i = 0; i < bits.length; i++) {
        bits[i] = Arrays.copyOf(columns.get(i), words);
      }
      return new MultiResponseVariable(name, label, options, bits, Arrays.copyOf(answered, words), size);
    }
  }
}
