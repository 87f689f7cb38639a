package dev.insight.codeframe.coding;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.data.RespondentId;

/**
 * What was coded: a respondent's comment (the respondent id) or a segment of a transcript (an id the transcript
 * coder chooses, such as {@code "fg1#42"}).
 *
 * @param value the id; not blank
 */
public record UnitId(String value) {

  /**
   * Validates that the value is not blank.
   *
   * @param value the id; not blank
   */
  public UnitId {
    checkNotNull(value, "value");
    checkArgument(!value.isBlank(), "unit id cannot be blank");
  }

  /**
   * The unit with this id.
   *
   * @param value the id
   * @return the unit id
   */
  public static UnitId of(String value) {
    return new UnitId(value);
  }

  /**
   * The unit of a respondent's comment.
   *
   * @param respondent the respondent
   * @return the unit id with the respondent's id
   */
  public static UnitId of(RespondentId respondent) {
    return new UnitId(respondent.value());
  }

  @Override
  public String toString() {
    return value;
  }
}
