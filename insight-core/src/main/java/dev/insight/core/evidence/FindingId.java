package dev.insight.core.evidence;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The identifier of a finding.
 *
 * @param value the identifier; never blank
 */
public record FindingId(@JsonValue String value) {

  /**
   * Validates that the value is present and not blank.
   *
   * @param value the identifier; never blank
   */
  public FindingId {
    dev.insight.core.internal.Check.id(value, "FindingId");
  }

  /**
   * The id with this value.
   *
   * @param value the identifier
   * @return the id
   */
  @JsonCreator
  public static FindingId of(String value) {
    return new FindingId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
