package dev.insight.core.evidence;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The identifier of a verbatim quote.
 *
 * @param value the identifier; never blank
 */
public record QuoteId(@JsonValue String value) {

  /**
   * Validates that the value is present and not blank.
   *
   * @param value the identifier; never blank
   */
  public QuoteId {
    dev.insight.core.internal.Check.id(value, "QuoteId");
  }

  /**
   * The id with this value.
   *
   * @param value the identifier
   * @return the id
   */
  @JsonCreator
  public static QuoteId of(String value) {
    return new QuoteId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
