package dev.insight.core.data;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Survey data: respondents (rows) by variables (columns), immutable once built.
 *
 * <p>Storage is columnar and primitive: each {@link Variable} keeps its values in one array ({@code byte[]} or
 * {@code int[]} category indices, bit columns for multiple response, {@code double[]} for numbers), and the
 * respondent ids in one {@code String[]}. Nothing is allocated per cell, so a million respondents with twenty
 * variables take tens of megabytes (see {@code docs/BENCHMARKS.md}).
 *
 * <p>Adding a variable returns a new dataset that shares the existing columns, which is cheap because
 * columns never change.
 */
public final class Dataset {
  private final String[] ids;
  private final Map<String, Variable> variables;
  // built on first lookup by id: most analyses never look a respondent up, and the map is a third of the footprint
  private volatile @Nullable Map<String, Integer> rowById;

  private Dataset(String[] ids, @Nullable Map<String, Integer> rowById, Map<String, Variable> variables) {
    this.ids = ids;
    this.rowById = rowById;
    this.variables = variables;
  }

  /**
   * A builder for a dataset with these respondent ids, in row order.
   *
   * @param ids the respondent ids; unique and not blank
   * @return a new builder
   * @throws IllegalArgumentException when an id is blank or repeated (the message names the id and both rows)
   */
  public static Builder builder(List<String> ids) {
    return new Builder(ids);
  }

  /**
   * The number of respondents.
   *
   * @return the number of rows
   */
  public int rowCount() {
    return ids.length;
  }

  /**
   * The id of the respondent in this row.
   *
   * @param row the row
   * @return the id
   */
  public RespondentId id(int row) {
    checkElementIndex(row, ids.length);
    return new RespondentId(ids[row]);
  }

  /**
   * The row of the respondent with this id.
   *
   * @param id a respondent id
   * @return the row, or empty when no respondent has this id
   */
  public Optional<Integer> rowOf(RespondentId id) {
    Map<String, Integer> index = rowById;
    if (index == null) {
      index = indexIds(ids);
      rowById = index;
    }
    return Optional.ofNullable(index.get(id.value()));
  }

  private static Map<String, Integer> indexIds(String[] ids) {
    Map<String, Integer> index = new HashMap<>(Math.max(16, (int) (ids.length / 0.75f) + 1));
    for (int row = 0; row < ids.length; row++) {
      Integer previous = index.putIfAbsent(ids[row], row);
      checkArgument(previous == null, "duplicate respondent id %s in rows %s and %s", ids[row], previous, row);
    }
    return index;
  }

  /**
   * The variables in the order they were added.
   *
   * @return an immutable collection
   */
  public Collection<Variable> variables() {
    return variables.values();
  }

  /**
   * Whether a variable of this name exists.
   *
   * @param name a variable name
   * @return true when present
   */
  public boolean has(String name) {
    return variables.containsKey(name);
  }

  /**
   * The variable of this name.
   *
   * @param name a variable name
   * @return the variable
   * @throws IllegalArgumentException naming the variable and the ones that exist, when there is none
   */
  public Variable variable(String name) {
    Variable variable = variables.get(name);
    checkArgument(variable != null, "no variable named %s; the dataset has %s", name, variables.keySet());
    return variable;
  }

  /**
   * The categorical variable of this name.
   *
   * @param name a variable name
   * @return the variable
   * @throws IllegalArgumentException when there is none, or it is not categorical
   */
  public CategoricalVariable categorical(String name) {
    return as(name, CategoricalVariable.class, "categorical");
  }

  /**
   * The multiple-response variable of this name.
   *
   * @param name a variable name
   * @return the variable
   * @throws IllegalArgumentException when there is none, or it is not multiple response
   */
  public MultiResponseVariable multiResponse(String name) {
    return as(name, MultiResponseVariable.class, "multiple response");
  }

  /**
   * The numeric variable of this name.
   *
   * @param name a variable name
   * @return the variable
   * @throws IllegalArgumentException when there is none, or it is not numeric
   */
  public NumericVariable numeric(String name) {
    return as(name, NumericVariable.class, "numeric");
  }

  /**
   * The text variable of this name.
   *
   * @param name a variable name
   * @return the variable
   * @throws IllegalArgumentException when there is none, or it is not text
   */
  public TextVariable text(String name) {
    return as(name, TextVariable.class, "text");
  }

  private <V extends Variable> V as(String name, Class<V> type, String kind) {
    Variable variable = variable(name);
    checkArgument(type.isInstance(variable), "variable %s is %s, not %s", name, describe(variable), kind);
    return type.cast(variable);
  }

  private static String describe(Variable variable) {
    if (variable instanceof CategoricalVariable) {
      return "categorical";
    } else if (variable instanceof MultiResponseVariable) {
      return "multiple response";
    } else if (variable instanceof NumericVariable) {
      return "numeric";
    }
    return "text";
  }

  /**
   * This dataset with one more variable, or with a variable replaced by a new one of the same name.
   *
   * @param variable the variable; its size must equal {@link #rowCount()}
   * @return a new dataset sharing this one's columns
   */
  public Dataset with(Variable variable) {
    checkSize(variable, ids.length);
    Map<String, Variable> copy = new LinkedHashMap<>(variables);
    copy.put(variable.name(), variable);
    return new Dataset(ids, rowById, java.util.Collections.unmodifiableMap(copy));
  }

  /**
   * This dataset without the named variable.
   *
   * @param name the variable to drop
   * @return a new dataset sharing this one's other columns
   * @throws IllegalArgumentException when there is no such variable
   */
  public Dataset without(String name) {
    variable(name);
    Map<String, Variable> copy = new LinkedHashMap<>(variables);
    copy.remove(name);
    return new Dataset(ids, rowById, java.util.Collections.unmodifiableMap(copy));
  }

  private static void checkSize(Variable variable, int rows) {
    checkArgument(variable.size() == rows, "variable %s has %s rows but the dataset has %s", variable.name(),
        variable.size(), rows);
  }

  @Override
  public String toString() {
    return "Dataset[" + ids.length + " respondents, variables " + variables.keySet() + "]";
  }

  /** Collects variables into a {@link Dataset}. Not thread-safe. */
  public static final class Builder {
    private final String[] ids;
    private final Map<String, Variable> variables = new LinkedHashMap<>();

    private Builder(List<String> ids) {
      this.ids = ids.toArray(new String[0]);
      for (int row = 0; row < this.ids.length; row++) {
        String id = checkNotNull(this.ids[row], "id of row %s", row);
        checkArgument(!id.isBlank(), "respondent id of row %s is blank", row);
      }
      indexIds(this.ids); // fails on the first duplicate, naming both rows
    }

    /**
     * Adds a variable.
     *
     * @param variable the variable; its size must equal the number of ids and its name must be new
     * @return this builder
     */
    public Builder add(Variable variable) {
      checkSize(variable, ids.length);
      checkArgument(!variables.containsKey(variable.name()), "variable %s is added twice", variable.name());
      variables.put(variable.name(), variable);
      return this;
    }

    /**
     * Adds several variables.
     *
     * @param more the variables
     * @return this builder
     */
    public Builder addAll(Iterable<? extends Variable> more) {
      for (Variable variable : more) {
        add(variable);
      }
      return this;
    }

    /**
     * The dataset.
     *
     * @return a new immutable dataset
     */
    public Dataset build() {
      // the index checked uniqueness; it is not kept, so that a dataset retains only its columns
      return new Dataset(ids, null, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables)));
    }
  }

  /**
   * The names of the variables, in order.
   *
   * @return a new list
   */
  public List<String> variableNames() {
    return new ArrayList<>(variables.keySet());
  }
}
