package dev.insight.core.data;

import static com.google.common.base.Preconditions.checkElementIndex;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** An open-text variable: each respondent's comment, or none. */
public final class TextVariable implements Variable {
  private final String name;
  private final String label;
  private final @Nullable String[] values;

  private TextVariable(String name, String label, @Nullable String[] values, int size) {
    this.name = Names.checkName(name);
    this.label = Names.labelOr(label, name);
    this.values = Arrays.copyOf(values, size);
  }

  /**
   * A variable from a list of texts.
   *
   * @param name the variable's name
   * @param label the label shown in tables, or null to use the name
   * @param values the texts in row order; null or blank for no answer
   * @return the variable
   */
  public static TextVariable of(String name, @Nullable String label, List<@Nullable String> values) {
    @Nullable String[] array = values.toArray(new String[0]);
    for (int i = 0; i < array.length; i++) {
      if (array[i] != null && array[i].isBlank()) {
        array[i] = null;
      }
    }
    return new TextVariable(name, label == null ? name : label, array, array.length);
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
   * This row's text.
   *
   * @param row the row
   * @return the text, or empty for no answer
   */
  public Optional<String> textAt(int row) {
    checkElementIndex(row, values.length);
    return Optional.ofNullable(values[row]);
  }

  @Override
  public boolean isMissing(int row) {
    checkElementIndex(row, values.length);
    return values[row] == null;
  }

  @Override
  public String toString() {
    return "TextVariable[" + name + ", " + values.length + " rows]";
  }
}
