package dev.insight.core.question;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.internal.Check;

/**
 * An open question answered in the respondent's own words, to be coded with a codeframe.
 *
 * @param id its id
 * @param text the wording
 */
public record OpenText(QuestionId id, String text) implements Question {

  /**
   * Validates.
   *
   * @param id its id
   * @param text the wording
   */
  public OpenText {
    checkNotNull(id, "id");
    Check.text(text, "question text");
  }
}
