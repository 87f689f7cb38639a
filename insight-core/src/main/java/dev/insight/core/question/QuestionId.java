package dev.insight.core.question;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The identifier of a question.
 *
 * @param value the identifier; never blank
 */
public record QuestionId(@JsonValue String value) {

  /**
   * Validates that the value is present and not blank.
   *
   * @param value the identifier; never blank
   */
  public QuestionId {
    dev.insight.core.internal.Check.id(value, "QuestionId");
  }

  /**
   * The id with this value.
   *
   * @param value the identifier
   * @return the id
   */
  @JsonCreator
  public static QuestionId of(String value) {
    return new QuestionId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
