package dev.insight.core.csv;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.data.Category;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which column of a survey export is which question. Columns not named are ignored; every column named must exist.
 *
 * <p>Build one in code with {@link #builder(String)}, or read one from JSON (a record with {@code idColumn} and a
 * list of {@link ColumnSpec}s).
 *
 * <p>A file without a respondent id column (a Google Forms download has none) is read with the id column
 * {@link #LINE_ID}: each respondent's id is then the line of the file their record starts on ({@code 2} for the
 * first record after a one-row header; the sheet's row number in a workbook), stable for as long as the file is
 * not re-sorted.
 *
 * @param idColumn the column holding the respondent id (unique, not blank), or {@link #LINE_ID}
 * @param variables how each variable is read, in the order they appear in the dataset
 */
public record SurveyMapping(String idColumn, List<ColumnSpec> variables) {
  /** The id "column" of a file without one: respondents are identified by the line their record starts on. */
  public static final String LINE_ID = "#line";

  /**
   * Validates: an id column, and variable names unique.
   *
   * @param idColumn the column holding the respondent id (unique, not blank)
   * @param variables how each variable is read, in the order they appear in the dataset
   */
  public SurveyMapping {
    checkNotNull(idColumn, "idColumn");
    checkArgument(!idColumn.isBlank(), "the id column cannot be blank");
    variables = List.copyOf(variables);
    Set<String> names = new HashSet<>();
    for (ColumnSpec spec : variables) {
      checkArgument(names.add(spec.name()), "variable %s is mapped twice", spec.name());
    }
  }

  /**
   * A builder for a mapping.
   *
   * @param idColumn the column holding the respondent id
   * @return a new builder
   */
  public static Builder builder(String idColumn) {
    return new Builder(idColumn);
  }

  /**
   * This mapping with categories taken from a codebook for every categorical or list variable that has none yet.
   *
   * @param codebook categories by variable name
   * @return a new mapping
   */
  public SurveyMapping withCodebook(Codebook codebook) {
    List<ColumnSpec> specs = new ArrayList<>();
    for (ColumnSpec spec : variables) {
      if (spec instanceof ColumnSpec.Categorical c && c.categories().isEmpty()
          && codebook.categories(c.name()).isPresent()) {
        specs.add(new ColumnSpec.Categorical(c.name(), c.column(), c.label(), codebook.categories(c.name()).get()));
      } else {
        specs.add(spec);
      }
    }
    return new SurveyMapping(idColumn, specs);
  }

  /** Builds a {@link SurveyMapping} one variable at a time. Not thread-safe. */
  public static final class Builder {
    private final String idColumn;
    private final List<ColumnSpec> specs = new ArrayList<>();

    private Builder(String idColumn) {
      this.idColumn = idColumn;
    }

    /**
     * A single-choice variable whose categories are taken from the data.
     *
     * @param column the column, also used as the variable name
     * @return this builder
     */
    public Builder categorical(String column) {
      specs.add(new ColumnSpec.Categorical(column, column, null, List.of()));
      return this;
    }

    /**
     * A single-choice variable with a codebook: any other value is an unknown category.
     *
     * @param column the column, also used as the variable name
     * @param label the label, or null
     * @param categories the categories, codes as in the data
     * @return this builder
     */
    public Builder categorical(String column, @Nullable String label, List<Category> categories) {
      specs.add(new ColumnSpec.Categorical(column, column, label, categories));
      return this;
    }

    /**
     * A multiple-response variable from one 0/1 column per option; each option's code and label is its column.
     *
     * @param name the variable name
     * @param label the label, or null
     * @param columns the option columns in display order
     * @return this builder
     */
    public Builder multiColumns(String name, @Nullable String label, List<String> columns) {
      specs.add(new ColumnSpec.MultiColumns(name, label,
          columns.stream().map(c -> new ColumnSpec.OptionColumn(c, c, c)).toList()));
      return this;
    }

    /**
     * A multiple-response variable from one 0/1 column per option, with codes and labels.
     *
     * @param name the variable name
     * @param label the label, or null
     * @param options column, code and label of each option
     * @return this builder
     */
    public Builder multiColumns(String name, @Nullable String label, Map<String, Category> options) {
      specs.add(new ColumnSpec.MultiColumns(name, label, options.entrySet().stream()
          .map(e -> new ColumnSpec.OptionColumn(e.getKey(), e.getValue().code(), e.getValue().label())).toList()));
      return this;
    }

    /**
     * A multiple-response variable from a delimited list of codes in one column.
     *
     * @param column the column, also used as the variable name
     * @param label the label, or null
     * @param delimiter the separator, such as {@code ";"}
     * @param options the options, codes as in the data
     * @return this builder
     */
    public Builder multiList(String column, @Nullable String label, String delimiter, List<Category> options) {
      specs.add(new ColumnSpec.MultiList(column, column, label, delimiter, options));
      return this;
    }

    /**
     * A numeric variable.
     *
     * @param column the column, also used as the variable name
     * @param missingCodes values that mean "no usable answer"
     * @return this builder
     */
    public Builder numeric(String column, double... missingCodes) {
      List<Double> codes = new ArrayList<>();
      for (double code : missingCodes) {
        codes.add(code);
      }
      specs.add(new ColumnSpec.Numeric(column, column, null, codes));
      return this;
    }

    /**
     * An open-text variable.
     *
     * @param column the column, also used as the variable name
     * @return this builder
     */
    public Builder text(String column) {
      specs.add(new ColumnSpec.Text(column, column, null));
      return this;
    }

    /**
     * Any variable spec.
     *
     * @param spec the spec
     * @return this builder
     */
    public Builder add(ColumnSpec spec) {
      specs.add(checkNotNull(spec, "spec"));
      return this;
    }

    /**
     * The mapping.
     *
     * @return a new immutable mapping
     */
    public SurveyMapping build() {
      return new SurveyMapping(idColumn, specs);
    }
  }
}
