package dev.insight.core.evidence;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The identifier of a theme's prevalence estimate.
 *
 * @param value the identifier; never blank
 */
public record PrevalenceId(@JsonValue String value) {

  /**
   * Validates that the value is present and not blank.
   *
   * @param value the identifier; never blank
   */
  public PrevalenceId {
    dev.insight.core.internal.Check.id(value, "PrevalenceId");
  }

  /**
   * The id with this value.
   *
   * @param value the identifier
   * @return the id
   */
  @JsonCreator
  public static PrevalenceId of(String value) {
    return new PrevalenceId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
