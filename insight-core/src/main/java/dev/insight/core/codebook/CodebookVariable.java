package dev.insight.core.codebook;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.insight.core.data.Category;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One variable of a codebook.
 *
 * @param name a short stable name
 * @param label the question text, or the name when there is none
 * @param type what kind of variable it is
 * @param categories the categories (options, for a multiple-response variable) in display order, each with its
 *     code as in the data, its label and whether it is a missing code; for a numeric variable, its missing codes
 *     ({@code 99} "Don't know", {@code -1} "Refused"), which are left out of means, totals and bases; empty for
 *     text, date and id
 * @param columns the source columns: one, or one per option of a multiple-response variable
 * @param delimiter for a multiple-response variable in one column, what separates the options in a cell; else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CodebookVariable(String name, String label, VariableType type, List<Category> categories,
    List<String> columns, @Nullable String delimiter) {

  /**
   * Validates and copies.
   *
   * @param name a short stable name
   * @param label the question text, or the name when there is none
   * @param type what kind of variable it is
   * @param categories the categories in display order
   * @param columns the source columns
   * @param delimiter the separator of options in one cell, or null
   */
  public CodebookVariable {
    checkNotNull(name, "name");
    checkArgument(!name.isBlank(), "a variable name cannot be blank");
    label = label == null || label.isBlank() ? name : label;
    checkNotNull(type, "type");
    categories = List.copyOf(categories == null ? List.of() : categories);
    columns = List.copyOf(columns == null ? List.of(name) : columns);
    checkArgument(!columns.isEmpty(), "variable %s has no source column", name);
    Set<String> codes = new HashSet<>();
    for (Category category : categories) {
      checkArgument(codes.add(category.code()), "variable %s lists category %s twice", name, category.code());
    }
    checkArgument(delimiter == null || type == VariableType.MULTIPLE && columns.size() == 1,
        "variable %s: a delimiter applies to a multiple-response variable in one column", name);
    checkArgument(type != VariableType.MULTIPLE || columns.size() == 1 && delimiter != null
        || columns.size() == categories.size(), "multiple-response variable %s needs a delimiter or one column "
        + "per option (%s columns, %s options)", name, columns.size(), categories.size());
  }

  /**
   * The missing codes: categories that mean "no usable answer".
   *
   * @return their codes, in order
   */
  public List<String> missingCodes() {
    return categories.stream().filter(Category::missing).map(Category::code).toList();
  }

  /**
   * Whether the categories are in a known order (an ordinal scale, or numeric codes).
   *
   * @return true for an ordinal variable
   */
  public boolean isOrdered() {
    return type == VariableType.ORDINAL;
  }
}
