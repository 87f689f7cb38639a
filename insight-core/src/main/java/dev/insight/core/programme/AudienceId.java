package dev.insight.core.programme;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The identifier of an audience: a group of people a programme means to hear.
 *
 * @param value the identifier; never blank
 */
public record AudienceId(@JsonValue String value) {

  /**
   * Validates that the value is present and not blank.
   *
   * @param value the identifier; never blank
   */
  public AudienceId {
    dev.insight.core.internal.Check.id(value, "AudienceId");
  }

  /**
   * The id with this value.
   *
   * @param value the identifier
   * @return the id
   */
  @JsonCreator
  public static AudienceId of(String value) {
    return new AudienceId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
