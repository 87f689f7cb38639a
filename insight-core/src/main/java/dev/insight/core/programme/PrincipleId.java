package dev.insight.core.programme;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The identifier of an engagement principle.
 *
 * @param value the identifier; never blank
 */
public record PrincipleId(@JsonValue String value) {

  /**
   * Validates that the value is present and not blank.
   *
   * @param value the identifier; never blank
   */
  public PrincipleId {
    dev.insight.core.internal.Check.id(value, "PrincipleId");
  }

  /**
   * The id with this value.
   *
   * @param value the identifier
   * @return the id
   */
  @JsonCreator
  public static PrincipleId of(String value) {
    return new PrincipleId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
