package dev.insight.core.evidence;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The identifier of a strategy priority.
 *
 * @param value the identifier; never blank
 */
public record PriorityId(@JsonValue String value) {

  /**
   * Validates that the value is present and not blank.
   *
   * @param value the identifier; never blank
   */
  public PriorityId {
    dev.insight.core.internal.Check.id(value, "PriorityId");
  }

  /**
   * The id with this value.
   *
   * @param value the identifier
   * @return the id
   */
  @JsonCreator
  public static PriorityId of(String value) {
    return new PriorityId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
