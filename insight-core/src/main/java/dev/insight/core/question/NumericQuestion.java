package dev.insight.core.question;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.internal.Check;
import org.jspecify.annotations.Nullable;

/**
 * A question answered with a number.
 *
 * @param id its id
 * @param text the wording
 * @param min the smallest valid answer, or null
 * @param max the largest valid answer, or null
 * @param unit the unit, such as "years", or null
 */
public record NumericQuestion(QuestionId id, String text, @Nullable Double min, @Nullable Double max,
    @Nullable String unit) implements Question {

  /**
   * Validates.
   *
   * @param id its id
   * @param text the wording
   * @param min the smallest valid answer, or null
   * @param max the largest valid answer, or null
   * @param unit the unit, such as "years", or null
   */
  public NumericQuestion {
    checkNotNull(id, "id");
    Check.text(text, "question text");
    checkArgument(min == null || max == null || min <= max, "question %s: min %s is above max %s", id, min, max);
  }
}
