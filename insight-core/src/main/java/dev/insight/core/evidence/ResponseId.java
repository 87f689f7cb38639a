package dev.insight.core.evidence;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The identifier of a response to a recommendation ("you said, we did").
 *
 * @param value the identifier; never blank
 */
public record ResponseId(@JsonValue String value) {

  /**
   * Validates that the value is present and not blank.
   *
   * @param value the identifier; never blank
   */
  public ResponseId {
    dev.insight.core.internal.Check.id(value, "ResponseId");
  }

  /**
   * The id with this value.
   *
   * @param value the identifier
   * @return the id
   */
  @JsonCreator
  public static ResponseId of(String value) {
    return new ResponseId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
