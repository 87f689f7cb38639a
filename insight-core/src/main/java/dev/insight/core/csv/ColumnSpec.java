package dev.insight.core.csv;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.insight.core.data.Category;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How one variable is read from a survey export. In JSON, each spec names its kind in a {@code "type"} property
 * ({@code categorical}, {@code multi-columns}, {@code multi-list}, {@code numeric}, {@code text}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ColumnSpec.Categorical.class, name = "categorical"),
    @JsonSubTypes.Type(value = ColumnSpec.MultiColumns.class, name = "multi-columns"),
    @JsonSubTypes.Type(value = ColumnSpec.MultiList.class, name = "multi-list"),
    @JsonSubTypes.Type(value = ColumnSpec.Numeric.class, name = "numeric"),
    @JsonSubTypes.Type(value = ColumnSpec.Text.class, name = "text")})
public sealed interface ColumnSpec {

  /**
   * The name of the variable this spec produces.
   *
   * @return the variable name
   */
  String name();

  /**
   * A single-choice question in one column.
   *
   * @param name the variable name
   * @param column the CSV column
   * @param label the label, or null for the name
   * @param categories the categories (codes as they appear in the column); empty to take them from the data, sorted
   *     (numbers numerically), in which case no value is unknown
   */
  record Categorical(String name, String column, @Nullable String label, List<Category> categories)
      implements ColumnSpec {
    /**
     * Validates and copies.
     *
     * @param name the variable name
     * @param column the CSV column
     * @param label the label, or null for the name
     * @param categories the categories (codes as they appear in the column); empty to take them from the data, sorted (numbers numerically), in which case no value is unknown
     */
    public Categorical {
      checkNotNull(name, "name");
      checkNotNull(column, "column");
      categories = List.copyOf(categories == null ? List.of() : categories);
    }
  }

  /**
   * A multiple-response question stored as one 0/1 column per option (blank in every option column means the
   * respondent did not answer).
   *
   * @param name the variable name
   * @param label the label, or null for the name
   * @param options one per option, in display order
   */
  record MultiColumns(String name, @Nullable String label, List<OptionColumn> options) implements ColumnSpec {
    /**
     * Validates and copies.
     *
     * @param name the variable name
     * @param label the label, or null for the name
     * @param options one per option, in display order
     */
    public MultiColumns {
      checkNotNull(name, "name");
      options = List.copyOf(options);
      checkArgument(!options.isEmpty(), "multiple-response variable %s needs at least one option column", name);
    }
  }

  /**
   * One option of a {@link MultiColumns} question.
   *
   * @param column the CSV column holding 0/1 for this option
   * @param code the option's code
   * @param label the option's label, or null for the code
   */
  record OptionColumn(String column, String code, @Nullable String label) {
    /**
     * Validates.
     *
     * @param column the CSV column holding 0/1 for this option
     * @param code the option's code
     * @param label the option's label, or null for the code
     */
    public OptionColumn {
      checkNotNull(column, "column");
      checkNotNull(code, "code");
    }

    /**
     * The option as a category.
     *
     * @return the category
     */
    public Category category() {
      return Category.of(code, label == null || label.isBlank() ? code : label);
    }
  }

  /**
   * A multiple-response question stored as a delimited list of option codes in one column (blank means no answer).
   *
   * @param name the variable name
   * @param column the CSV column
   * @param label the label, or null for the name
   * @param delimiter the separator between codes, such as {@code ";"}
   * @param options the options (codes as they appear in the list)
   */
  record MultiList(String name, String column, @Nullable String label, String delimiter, List<Category> options)
      implements ColumnSpec {
    /**
     * Validates and copies.
     *
     * @param name the variable name
     * @param column the CSV column
     * @param label the label, or null for the name
     * @param delimiter the separator between codes, such as {@code ";"}
     * @param options the options (codes as they appear in the list)
     */
    public MultiList {
      checkNotNull(name, "name");
      checkNotNull(column, "column");
      checkArgument(delimiter != null && !delimiter.isEmpty(), "variable %s: the delimiter cannot be empty", name);
      options = List.copyOf(options);
      checkArgument(!options.isEmpty(), "multiple-response variable %s needs at least one option", name);
    }
  }

  /**
   * A numeric question in one column, with a {@code .} as decimal separator whatever the locale.
   *
   * @param name the variable name
   * @param column the CSV column
   * @param label the label, or null for the name
   * @param missingCodes values that mean "no usable answer"
   */
  record Numeric(String name, String column, @Nullable String label, List<Double> missingCodes)
      implements ColumnSpec {
    /**
     * Validates and copies.
     *
     * @param name the variable name
     * @param column the CSV column
     * @param label the label, or null for the name
     * @param missingCodes values that mean "no usable answer"
     */
    public Numeric {
      checkNotNull(name, "name");
      checkNotNull(column, "column");
      missingCodes = List.copyOf(missingCodes == null ? List.of() : missingCodes);
    }
  }

  /**
   * An open-text question in one column.
   *
   * @param name the variable name
   * @param column the CSV column
   * @param label the label, or null for the name
   */
  record Text(String name, String column, @Nullable String label) implements ColumnSpec {
    /**
     * Validates.
     *
     * @param name the variable name
     * @param column the CSV column
     * @param label the label, or null for the name
     */
    public Text {
      checkNotNull(name, "name");
      checkNotNull(column, "column");
    }
  }
}
