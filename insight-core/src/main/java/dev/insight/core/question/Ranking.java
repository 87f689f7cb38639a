package dev.insight.core.question;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.data.Category;
import dev.insight.core.internal.Check;
import java.util.List;

/**
 * A question asking to put items in order of preference.
 *
 * @param id its id
 * @param text the wording
 * @param items the items to rank
 * @param ranks how many ranks are asked for (rank the top 3 of 10, say); at most the number of items
 */
public record Ranking(QuestionId id, String text, List<Category> items, int ranks) implements Question {

  /**
   * Validates and copies.
   *
   * @param id its id
   * @param text the wording
   * @param items the items to rank
   * @param ranks how many ranks are asked for (rank the top 3 of 10, say); at most the number of items
   */
  public Ranking {
    checkNotNull(id, "id");
    Check.text(text, "question text");
    items = Check.list(items);
    checkArgument(items.size() >= 2, "question %s: a ranking needs at least two items", id);
    checkArgument(ranks >= 1 && ranks <= items.size(), "question %s: ranks must be between 1 and %s: %s", id,
        items.size(), ranks);
  }
}
