package dev.insight.core.programme;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The identifier of an engagement programme.
 *
 * @param value the identifier; never blank
 */
public record ProgrammeId(@JsonValue String value) {

  /**
   * Validates that the value is present and not blank.
   *
   * @param value the identifier; never blank
   */
  public ProgrammeId {
    dev.insight.core.internal.Check.id(value, "ProgrammeId");
  }

  /**
   * The id with this value.
   *
   * @param value the identifier
   * @return the id
   */
  @JsonCreator
  public static ProgrammeId of(String value) {
    return new ProgrammeId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
