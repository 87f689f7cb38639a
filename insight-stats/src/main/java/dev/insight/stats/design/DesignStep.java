package dev.insight.stats.design;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * One step in the making of a {@link SurveyDesign}, so a design remembers how it was made (as R's {@code call}).
 *
 * @param operation what was done, for example {@code "rake"} or {@code "design"}
 * @param detail the settings, for example {@code "margins sector, area, age; tolerance 1.0E-9"}
 */
public record DesignStep(String operation, String detail) {
  /**
   * Validates that the operation is present and not blank.
   *
   * @param operation what was done, for example {@code "rake"} or {@code "design"}
   * @param detail the settings, for example {@code "margins sector, area, age; tolerance 1.0E-9"}
   */
  public DesignStep {
    checkNotNull(operation, "operation");
    checkNotNull(detail, "detail");
    checkArgument(!operation.isBlank(), "operation cannot be blank");
  }

  @Override
  public String toString() {
    return operation + "(" + detail + ")";
  }
}
