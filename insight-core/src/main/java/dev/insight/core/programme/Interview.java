package dev.insight.core.programme;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.internal.Check;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A depth interview with one or a few people (for example those who could not attend a focus group).
 *
 * @param id its id
 * @param title a short title
 * @param period when it was held, or null
 * @param audiences the audiences represented
 * @param organisations the organisations represented
 * @param principle the principle it is reported under, or null
 * @param participants the interviewees
 */
public record Interview(ActivityId id, String title, @Nullable Period period, List<AudienceId> audiences,
    List<OrganisationId> organisations, @Nullable PrincipleId principle, List<ParticipantId> participants)
    implements Activity {

  /**
   * Validates and copies.
   *
   * @param id its id
   * @param title a short title
   * @param period when it was held, or null
   * @param audiences the audiences represented
   * @param organisations the organisations represented
   * @param principle the principle it is reported under, or null
   * @param participants the interviewees
   */
  public Interview {
    checkNotNull(id, "id");
    Check.text(title, "interview title");
    audiences = Check.list(audiences);
    organisations = Check.list(organisations);
    participants = Check.list(participants);
  }

  @Override
  public String kindLabel() {
    return "depth interview";
  }
}
