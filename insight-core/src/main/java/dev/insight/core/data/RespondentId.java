package dev.insight.core.data;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The identifier of one respondent in a survey export.
 *
 * @param value the identifier as it appears in the data; never blank
 */
public record RespondentId(@JsonValue String value) {

  /**
   * Validates that the value is present and not blank.
   *
   * @param value the identifier as it appears in the data; never blank
   */
  public RespondentId {
    checkNotNull(value, "value");
    checkArgument(!value.isBlank(), "respondent id cannot be blank");
  }

  /**
   * The id with this value.
   *
   * @param value the identifier as it appears in the data
   * @return the id
   */
  @JsonCreator
  public static RespondentId of(String value) {
    return new RespondentId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
