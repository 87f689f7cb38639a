package dev.insight.core.data;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * One answer category of a categorical or multiple-response variable.
 *
 * @param code the value as it is stored in the data (for example {@code "1"} or {@code "NHS"}); never blank
 * @param label the label shown in tables; never blank (defaults to the code through {@link #of(String)})
 * @param missing whether this category is a declared missing-value code (for example "Refused" or "Don't know"),
 *     which estimates leave out of their base
 */
public record Category(String code, String label, boolean missing) {

  /**
   * Validates that code and label are present and not blank.
   *
   * @param code the value as it is stored in the data (for example {@code "1"} or {@code "NHS"}); never blank
   * @param label the label shown in tables; never blank (defaults to the code through {@link #of(String)})
   * @param missing whether this category is a declared missing-value code (for example "Refused" or "Don't know"), which estimates leave out of their base
   */
  public Category {
    checkNotNull(code, "code");
    checkNotNull(label, "label");
    checkArgument(!code.isBlank(), "category code cannot be blank");
    checkArgument(!label.isBlank(), "category label cannot be blank for code %s", code);
  }

  /**
   * A valid (not missing) category whose label is its code.
   *
   * @param code the value as it is stored in the data
   * @return the category
   */
  public static Category of(String code) {
    return new Category(code, code, false);
  }

  /**
   * A valid (not missing) category with a label.
   *
   * @param code the value as it is stored in the data
   * @param label the label shown in tables
   * @return the category
   */
  public static Category of(String code, String label) {
    return new Category(code, label, false);
  }

  /**
   * A declared missing-value category, such as "Don't know" or "Refused".
   *
   * @param code the value as it is stored in the data
   * @param label the label shown in tables
   * @return the category
   */
  public static Category missing(String code, String label) {
    return new Category(code, label, true);
  }
}
