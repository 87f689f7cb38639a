package dev.insight.core.programme;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.internal.Check;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A meeting with a named board or committee, where the draft was presented and discussed.
 *
 * @param id its id
 * @param title a short title
 * @param period the day, or null
 * @param board the board or committee, such as "Health and Wellbeing Board"
 * @param audiences the audiences represented
 * @param organisations the organisations represented
 * @param principle the principle it is reported under, or null
 */
public record Meeting(ActivityId id, String title, @Nullable Period period, String board,
    List<AudienceId> audiences, List<OrganisationId> organisations, @Nullable PrincipleId principle)
    implements Activity {

  /**
   * Validates and copies.
   *
   * @param id its id
   * @param title a short title
   * @param period the day, or null
   * @param board the board or committee, such as "Health and Wellbeing Board"
   * @param audiences the audiences represented
   * @param organisations the organisations represented
   * @param principle the principle it is reported under, or null
   */
  public Meeting {
    checkNotNull(id, "id");
    Check.text(title, "meeting title");
    Check.text(board, "meeting board");
    audiences = Check.list(audiences);
    organisations = Check.list(organisations);
  }

  @Override
  public String kindLabel() {
    return "board meeting";
  }
}
