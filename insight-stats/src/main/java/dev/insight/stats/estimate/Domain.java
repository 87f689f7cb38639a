package dev.insight.stats.estimate;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.NumericVariable;
import dev.insight.core.data.Variable;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The respondents an estimate is about: everyone, or those in one category of a variable. A domain keeps the whole
 * design (as R's {@code subset}): respondents outside it still count as members of their strata and PSUs, so the
 * standard error is right.
 *
 * @param variable the variable defining the domain, or null for the whole sample
 * @param category the category code (for a numeric variable, the value, such as {@code "1"}), or null for the whole
 *     sample
 */
public record Domain(@Nullable String variable, @Nullable String category) {
  /**
   * Validates that variable and category are both given or both absent.
   *
   * @param variable the variable defining the domain, or null for the whole sample
   * @param category the category code (for a numeric variable, the value, such as {@code "1"}), or null for the whole sample
   */
  public Domain {
    checkArgument((variable == null) == (category == null), "a domain needs both a variable and a category: %s, %s",
        variable, category);
  }

  private static final Domain ALL = new Domain(null, null);

  /**
   * The whole sample.
   *
   * @return the domain
   */
  public static Domain all() {
    return ALL;
  }

  /**
   * The respondents in one category of a categorical variable, or with one value of a numeric variable.
   *
   * @param variable the variable
   * @param category the category code or value
   * @return the domain
   */
  public static Domain of(String variable, String category) {
    return new Domain(checkNotNull(variable, "variable"), checkNotNull(category, "category"));
  }

  /**
   * The name shown in tables: {@code (all)} or the category's label.
   *
   * @param data the dataset, for labels
   * @return the label
   */
  public String label(Dataset data) {
    if (variable == null || category == null) {
      return "(all)";
    }
    Variable v = data.variable(variable);
    if (v instanceof CategoricalVariable c && c.indexOf(category) >= 0) {
      return c.categories().get(c.indexOf(category)).label();
    }
    return category;
  }

  /**
   * The variable, when the domain is not the whole sample.
   *
   * @return the variable
   */
  public Optional<String> variableName() {
    return Optional.ofNullable(variable);
  }

  /* Whether each row is in the domain. */
  boolean[] rows(Dataset data) {
    boolean[] in = new boolean[data.rowCount()];
    if (variable == null || category == null) {
      java.util.Arrays.fill(in, true);
      return in;
    }
    Variable v = data.variable(variable);
    if (v instanceof CategoricalVariable c) {
      int index = c.indexOf(category);
      checkArgument(index >= 0, "domain variable %s has no category %s; its categories are %s", variable, category,
          c.categories().stream().map(x -> x.code()).toList());
      for (int i = 0; i < in.length; i++) {
        in[i] = c.categoryIndex(i) == index;
      }
    } else if (v instanceof NumericVariable n) {
      double value;
      try {
        value = Double.parseDouble(category);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("domain variable " + variable + " is numeric but the category "
            + category + " is not a number", e);
      }
      for (int i = 0; i < in.length; i++) {
        in[i] = !n.isMissing(i) && n.valueAt(i) == value;
      }
    } else {
      throw new IllegalArgumentException("domain variable " + variable + " must be categorical or numeric");
    }
    return in;
  }

  @Override
  public String toString() {
    return variable == null ? "(all)" : variable + "=" + category;
  }
}
