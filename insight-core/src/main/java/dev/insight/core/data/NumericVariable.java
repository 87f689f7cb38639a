package dev.insight.core.data;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import org.jspecify.annotations.Nullable;

/**
 * A numeric variable (a count, an amount, a point on a scale), stored as a {@code double[]}.
 *
 * <p>{@code NaN} stands for no answer. Declared missing-value codes (such as {@code -99} or {@code 99} for
 * "Don't know") keep their value in the data but count as missing; infinite values are rejected.
 */
public final class NumericVariable implements Variable {
  private final String name;
  private final String label;
  private final double[] values;
  private final double[] missingCodes;
  private final ImmutableSortedMap<Double, String> valueLabels;

  private NumericVariable(String name, String label, double[] values, int size, double[] missingCodes,
      Map<Double, String> valueLabels) {
    this.name = Names.checkName(name);
    this.label = Names.labelOr(label, name);
    this.values = Arrays.copyOf(values, size);
    for (int row = 0; row < size; row++) {
      checkArgument(!Double.isInfinite(this.values[row]), "variable %s, row %s: value cannot be infinite: %s",
          name, row, this.values[row]);
    }
    this.missingCodes = missingCodes.clone();
    Arrays.sort(this.missingCodes);
    this.valueLabels = ImmutableSortedMap.copyOf(checkNotNull(valueLabels, "valueLabels"));
  }

  /**
   * A variable from an array of values.
   *
   * @param name the variable's name
   * @param label the label shown in tables, or null to use the name
   * @param values the values in row order, {@code NaN} for no answer; copied
   * @return the variable, with no missing-value codes and no value labels
   * @throws IllegalArgumentException when a value is infinite
   */
  public static NumericVariable of(String name, @Nullable String label, double[] values) {
    return new NumericVariable(name, label == null ? name : label, values, values.length, new double[0], Map.of());
  }

  /**
   * A variable with declared missing-value codes and value labels (the points of a labelled scale).
   *
   * @param name the variable's name
   * @param label the label shown in tables, or null to use the name
   * @param values the values in row order, {@code NaN} for no answer; copied
   * @param missingCodes values that mean "no usable answer"
   * @param valueLabels labels of particular values, such as {@code 1 = "Very poor"}
   * @return the variable
   */
  public static NumericVariable of(String name, @Nullable String label, double[] values, double[] missingCodes,
      Map<Double, String> valueLabels) {
    return new NumericVariable(name, label == null ? name : label, values, values.length, missingCodes, valueLabels);
  }

  /**
   * A builder that takes one respondent at a time.
   *
   * @param name the variable's name
   * @param label the label shown in tables, or null to use the name
   * @return a new builder
   */
  public static Builder builder(String name, @Nullable String label) {
    return new Builder(name, label == null ? name : label);
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
    return values.length;
  }

  /**
   * The stored value of this row.
   *
   * @param row the row
   * @return the value, {@code NaN} for no answer; a declared missing code is returned as stored
   */
  public double valueAt(int row) {
    checkElementIndex(row, values.length);
    return values[row];
  }

  @Override
  public boolean isMissing(int row) {
    double value = valueAt(row);
    return Double.isNaN(value) || (missingCodes.length > 0 && Arrays.binarySearch(missingCodes, value) >= 0);
  }

  /**
   * The declared missing-value codes, sorted.
   *
   * @return a copy
   */
  public double[] missingCodes() {
    return missingCodes.clone();
  }

  /**
   * Labels of particular values, such as the points of a scale.
   *
   * @return an immutable map sorted by value
   */
  public SortedMap<Double, String> valueLabels() {
    return valueLabels;
  }

  /**
   * A copy of every row's value with missing values (declared codes included) as {@code NaN}.
   *
   * @return a new array of length {@link #size()}
   */
  public double[] copyValidValues() {
    double[] copy = values.clone();
    if (missingCodes.length > 0) {
      for (int row = 0; row < copy.length; row++) {
        if (Arrays.binarySearch(missingCodes, copy[row]) >= 0) {
          copy[row] = Double.NaN;
        }
      }
    }
    return copy;
  }

  @Override
  public String toString() {
    return "NumericVariable[" + name + ", " + values.length + " rows]";
  }

  /** Collects one respondent at a time into a {@link NumericVariable}. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final String label;
    private double[] values = new double[16];
    private int size;
    private double[] missingCodes = new double[0];
    private Map<Double, String> valueLabels = Map.of();

    private Builder(String name, String label) {
      this.name = Names.checkName(name);
      this.label = label;
    }

    /**
     * Appends a respondent's value.
     *
     * @param value the value, {@code NaN} for no answer
     * @return this builder
     */
    public Builder add(double value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, values.length * 2);
      }
      values[size++] = value;
      return this;
    }

    /**
     * Declares values that mean "no usable answer".
     *
     * @param codes the missing-value codes
     * @return this builder
     */
    public Builder missingCodes(double... codes) {
      this.missingCodes = codes.clone();
      return this;
    }

    /**
     * Labels particular values.
     *
     * @param labels value to label
     * @return this builder
     */
    public Builder valueLabels(Map<Double, String> labels) {
      this.valueLabels = Map.copyOf(labels);
      return this;
    }

    /**
     * The variable built so far.
     *
     * @return a new immutable variable
     */
    public NumericVariable build() {
      return new NumericVariable(name, label, values, size, missingCodes, valueLabels);
    }
  }
}
