package dev.insight.core.evidence;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.internal.Check;
import dev.insight.core.programme.ActivityId;
import java.util.List;

/**
 * Something the programme learned, with the activities it rests on and the quotes that bring it to life.
 *
 * @param id its id
 * @param statement the finding, in one or two sentences
 * @param theme the theme it belongs to, such as "cost of living"
 * @param sources the activities it comes from
 * @param quotes quotes that illustrate it
 * @param priorities the strategy priorities it bears on
 */
public record Finding(FindingId id, String statement, String theme, List<ActivityId> sources, List<QuoteId> quotes,
    List<PriorityId> priorities) {

  /**
   * Validates and copies.
   *
   * @param id its id
   * @param statement the finding, in one or two sentences
   * @param theme the theme it belongs to, such as "cost of living"
   * @param sources the activities it comes from
   * @param quotes quotes that illustrate it
   * @param priorities the strategy priorities it bears on
   */
  public Finding {
    checkNotNull(id, "id");
    Check.text(statement, "finding statement");
    Check.text(theme, "finding theme");
    sources = Check.list(sources);
    quotes = Check.list(quotes);
    priorities = Check.list(priorities);
  }
}
