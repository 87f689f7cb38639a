package dev.insight.core.evidence;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.internal.Check;
import dev.insight.core.programme.ActivityId;
import java.util.List;

/**
 * What participants (or a source study) recommended, and the findings behind it.
 *
 * @param id its id
 * @param text the recommendation
 * @param sources the activities it came from
 * @param findings the findings that support it
 * @param priorities the strategy priorities it bears on
 */
public record Recommendation(RecommendationId id, String text, List<ActivityId> sources, List<FindingId> findings,
    List<PriorityId> priorities) {

  /**
   * Validates and copies.
   *
   * @param id its id
   * @param text the recommendation
   * @param sources the activities it came from
   * @param findings the findings that support it
   * @param priorities the strategy priorities it bears on
   */
  public Recommendation {
    checkNotNull(id, "id");
    Check.text(text, "recommendation text");
    sources = Check.list(sources);
    findings = Check.list(findings);
    priorities = Check.list(priorities);
  }
}
