package dev.insight.examples.casestudy;

import dev.insight.core.evidence.FindingId;
import dev.insight.core.evidence.PriorityId;
import dev.insight.core.evidence.QuoteId;
import dev.insight.core.evidence.RecommendationId;
import dev.insight.core.programme.ActivityId;
import dev.insight.core.programme.AudienceId;
import dev.insight.core.programme.OrganisationId;
import dev.insight.core.programme.ParticipantId;
import java.util.Arrays;
import java.util.List;

/** Short names for the ids used while building the case study. */
final class Build {
  private Build() {}

  static ActivityId activity(String id) {
    return ActivityId.of(id);
  }

  static List<AudienceId> audiences(String... ids) {
    return Arrays.stream(ids).map(AudienceId::of).toList();
  }

  static List<OrganisationId> organisations(String... ids) {
    return Arrays.stream(ids).map(OrganisationId::of).toList();
  }

  static List<ParticipantId> participants(String... ids) {
    return Arrays.stream(ids).map(ParticipantId::of).toList();
  }

  static List<PriorityId> priorities(String... ids) {
    return Arrays.stream(ids).map(PriorityId::of).toList();
  }

  static List<FindingId> findings(String... ids) {
    return Arrays.stream(ids).map(FindingId::of).toList();
  }

  static List<RecommendationId> recommendations(String... ids) {
    return Arrays.stream(ids).map(RecommendationId::of).toList();
  }

  static List<QuoteId> quotes(String... ids) {
    return Arrays.stream(ids).map(QuoteId::of).toList();
  }
}
