package dev.insight.core.programme;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The identifier of an activity of a programme (a survey, a focus group, a meeting...).
 *
 * @param value the identifier; never blank
 */
public record ActivityId(@JsonValue String value) {

  /**
   * Validates that the value is present and not blank.
   *
   * @param value the identifier; never blank
   */
  public ActivityId {
    dev.insight.core.internal.Check.id(value, "ActivityId");
  }

  /**
   * The id with this value.
   *
   * @param value the identifier
   * @return the id
   */
  @JsonCreator
  public static ActivityId of(String value) {
    return new ActivityId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
