package dev.insight.core.programme;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.internal.Check;
import dev.insight.core.question.Question;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A focus group: a facilitated discussion with a few people, following a discussion guide.
 *
 * @param id its id
 * @param title a short title, such as "Representatives of people living with poverty"
 * @param period the day it was held, or null
 * @param mode how it was held, such as "online (Microsoft Teams), recorded and transcribed"
 * @param audiences the audiences represented
 * @param organisations the organisations represented
 * @param principle the principle it is reported under, or null
 * @param participants the participants
 * @param guide the discussion guide's questions, in order
 */
public record FocusGroup(ActivityId id, String title, @Nullable Period period, String mode,
    List<AudienceId> audiences, List<OrganisationId> organisations, @Nullable PrincipleId principle,
    List<ParticipantId> participants, List<Question> guide) implements Activity {

  /**
   * Validates and copies.
   *
   * @param id its id
   * @param title a short title, such as "Representatives of people living with poverty"
   * @param period the day it was held, or null
   * @param mode how it was held, such as "online (Microsoft Teams), recorded and transcribed"
   * @param audiences the audiences represented
   * @param organisations the organisations represented
   * @param principle the principle it is reported under, or null
   * @param participants the participants
   * @param guide the discussion guide's questions, in order
   */
  public FocusGroup {
    checkNotNull(id, "id");
    Check.text(title, "focus group title");
    Check.text(mode, "focus group mode");
    audiences = Check.list(audiences);
    organisations = Check.list(organisations);
    participants = Check.list(participants);
    guide = Check.list(guide);
  }

  @Override
  public String kindLabel() {
    return "focus group";
  }
}
