package dev.insight.core.question;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.data.Category;
import dev.insight.core.internal.Check;
import java.util.List;

/**
 * A question with one answer from a list.
 *
 * @param id its id
 * @param text the wording
 * @param options the answer options, in order
 */
public record SingleChoice(QuestionId id, String text, List<Category> options) implements Question {

  /**
   * Validates and copies.
   *
   * @param id its id
   * @param text the wording
   * @param options the answer options, in order
   */
  public SingleChoice {
    checkNotNull(id, "id");
    Check.text(text, "question text");
    options = Check.list(options);
    checkArgument(options.size() >= 2, "question %s: a single choice needs at least two options, has %s", id,
        options.size());
  }
}
