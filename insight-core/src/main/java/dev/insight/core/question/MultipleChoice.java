package dev.insight.core.question;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.data.Category;
import dev.insight.core.internal.Check;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A question where any number of options may be chosen ("tick all that apply").
 *
 * @param id its id
 * @param text the wording
 * @param options the options, in order
 * @param maxChoices the most options one may choose, or null for no limit
 */
public record MultipleChoice(QuestionId id, String text, List<Category> options, @Nullable Integer maxChoices)
    implements Question {

  /**
   * Validates and copies.
   *
   * @param id its id
   * @param text the wording
   * @param options the options, in order
   * @param maxChoices the most options one may choose, or null for no limit
   */
  public MultipleChoice {
    checkNotNull(id, "id");
    Check.text(text, "question text");
    options = Check.list(options);
    checkArgument(!options.isEmpty(), "question %s: a multiple choice needs options", id);
    checkArgument(maxChoices == null || (maxChoices >= 1 && maxChoices <= options.size()),
        "question %s: maxChoices must be between 1 and %s: %s", id, options.size(), maxChoices);
  }
}
