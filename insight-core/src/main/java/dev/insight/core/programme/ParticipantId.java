package dev.insight.core.programme;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The identifier of a pseudonymous participant.
 *
 * @param value the identifier; never blank
 */
public record ParticipantId(@JsonValue String value) {

  /**
   * Validates that the value is present and not blank.
   *
   * @param value the identifier; never blank
   */
  public ParticipantId {
    dev.insight.core.internal.Check.id(value, "ParticipantId");
  }

  /**
   * The id with this value.
   *
   * @param value the identifier
   * @return the id
   */
  @JsonCreator
  public static ParticipantId of(String value) {
    return new ParticipantId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
