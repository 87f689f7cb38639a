package dev.insight.core.data;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A single-choice variable: each respondent has at most one category.
 *
 * <p>Each row holds the index of its category in {@link #categories()}, or {@link #NO_ANSWER}. Indices are stored
 * in a {@code byte[]} when there are at most 127 categories (one byte a respondent) and an {@code int[]} otherwise.
 */
public final class CategoricalVariable implements Variable {
  /** The index stored for a respondent with no answer. */
  public static final int NO_ANSWER = -1;

  private final String name;
  private final String label;
  private final List<Category> categories;
  private final byte @Nullable [] smallIndices;
  private final int @Nullable [] indices;
  private final int size;

  private CategoricalVariable(String name, String label, List<Category> categories, int[] values, int size) {
    this.name = Names.checkName(name);
    this.label = Names.labelOr(label, name);
    this.categories = Names.checkCategories(name, categories);
    this.size = size;
    for (int row = 0; row < size; row++) {
      int index = values[row];
      checkArgument(index >= NO_ANSWER && index < this.categories.size(),
          "variable %s, row %s: category index %s is out of range [-1, %s)", name, row, index,
          this.categories.size());
    }
    if (this.categories.size() <= Byte.MAX_VALUE) {
      byte[] small = new byte[size];
      for (int row = 0; row < size; row++) {
        small[row] = (byte) values[row];
      }
      this.smallIndices = small;
      this.indices = null;
    } else {
      this.smallIndices = null;
      this.indices = Arrays.copyOf(values, size);
    }
  }

  /**
   * A variable from an array of category indices.
   *
   * @param name the variable's name
   * @param label the label shown in tables, or null to use the name
   * @param categories the categories in display order; codes unique
   * @param indices for each row the index into {@code categories}, or {@link #NO_ANSWER}; copied
   * @return the variable
   * @throws IllegalArgumentException when an index is out of range or a category code repeats
   */
  public static CategoricalVariable of(String name, @Nullable String label, List<Category> categories, int[] indices) {
    return new CategoricalVariable(name, label == null ? name : label, categories, indices, indices.length);
  }

  /**
   * A builder that takes one respondent at a time.
   *
   * @param name the variable's name
   * @param label the label shown in tables, or null to use the name
   * @param categories the categories in display order
   * @return a new builder
   */
  public static Builder builder(String name, @Nullable String label, List<Category> categories) {
    return new Builder(name, label == null ? name : label, categories);
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
   * The categories in display order.
   *
   * @return an immutable list
   */
  public List<Category> categories() {
    return categories;
  }

  /**
   * The index into {@link #categories()} of this row's answer.
   *
   * @param row the row
   * @return the category index, or {@link #NO_ANSWER}
   */
  public int categoryIndex(int row) {
    checkElementIndex(row, size);
    return smallIndices != null ? smallIndices[row] : indices[row];
  }

  /**
   * This row's category, if it has one.
   *
   * @param row the row
   * @return the category, or empty for no answer
   */
  public Optional<Category> categoryAt(int row) {
    int index = categoryIndex(row);
    return index == NO_ANSWER ? Optional.empty() : Optional.of(categories.get(index));
  }

  /**
   * The position of the category with this code.
   *
   * @param code a category code
   * @return its index in {@link #categories()}, or -1 when there is no such category
   */
  public int indexOf(String code) {
    return Names.indexOfCode(categories, code);
  }

  @Override
  public boolean isMissing(int row) {
    int index = categoryIndex(row);
    return index == NO_ANSWER || categories.get(index).missing();
  }

  /**
   * A copy of every row's category index, for algorithms that make many passes.
   *
   * @return a new array of length {@link #size()}
   */
  public int[] copyIndices() {
    int[] copy = new int[size];
    if (smallIndices != null) {
      for (int row = 0; row < size; row++) {
        copy[row] = smallIndices[row];
      }
    } else {
      System.arraycopy(indices, 0, copy, 0, size);
    }
    return copy;
  }

  /**
   * The unweighted count of each category.
   *
   * @return counts in the order of {@link #categories()}; rows with no answer are not counted
   */
  public int[] counts() {
    int[] counts = new int[categories.size()];
    for (int row = 0; row < size; row++) {
      int index = smallIndices != null ? smallIndices[row] : indices[row];
      if (index >= 0) {
        counts[index]++;
      }
    }
    return counts;
  }

  @Override
  public String toString() {
    return "CategoricalVariable[" + name + ", " + categories.size() + " categories, " + size + " rows]";
  }

  /** Collects one respondent at a time into a {@link CategoricalVariable}. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final String label;
    private final List<Category> categories;
    private int[] values = new int[16];
    private int size;

    private Builder(String name, String label, List<Category> categories) {
      this.name = Names.checkName(name);
      this.label = label;
      this.categories = Names.checkCategories(name, categories);
    }

    /**
     * Appends a respondent's answer by category index.
     *
     * @param index the index into the categories, or {@link #NO_ANSWER}
     * @return this builder
     */
    public Builder add(int index) {
      checkArgument(index >= NO_ANSWER && index < categories.size(),
          "variable %s: category index %s is out of range [-1, %s)", name, index, categories.size());
      if (size == values.length) {
        values = Arrays.copyOf(values, values.length * 2);
      }
      values[size++] = index;
      return this;
    }

    /**
     * Appends a respondent's answer by category code.
     *
     * @param code a category code
     * @return this builder
     * @throws IllegalArgumentException when there is no category with this code
     */
    public Builder addCode(String code) {
      int index = Names.indexOfCode(categories, code);
      checkArgument(index >= 0, "variable %s: unknown category %s (known: %s)", name, code,
          categories.stream().map(Category::code).toList());
      return add(index);
    }

    /**
     * Appends a respondent with no answer.
     *
     * @return this builder
     */
    public Builder addMissing() {
      return add(NO_ANSWER);
    }

    /**
     * The variable built so far.
     *
     * @return a new immutable variable
     */
    public CategoricalVariable build() {
      return new CategoricalVariable(name, label, categories, values, size);
    }
  }
}
