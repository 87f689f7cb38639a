package dev.insight.core.programme;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.internal.Check;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A workshop with representatives of partner organisations, such as a strategy workshop.
 *
 * @param id its id
 * @param title a short title
 * @param period when it was held, or null
 * @param audiences the audiences represented
 * @param organisations the organisations represented
 * @param principle the principle it is reported under, or null
 * @param attendees the number of people attending, or 0 when not recorded
 */
public record Workshop(ActivityId id, String title, @Nullable Period period, List<AudienceId> audiences,
    List<OrganisationId> organisations, @Nullable PrincipleId principle, int attendees) implements Activity {

  /**
   * Validates and copies.
   *
   * @param id its id
   * @param title a short title
   * @param period when it was held, or null
   * @param audiences the audiences represented
   * @param organisations the organisations represented
   * @param principle the principle it is reported under, or null
   * @param attendees the number of people attending, or 0 when not recorded
   */
  public Workshop {
    checkNotNull(id, "id");
    Check.text(title, "workshop title");
    checkArgument(attendees >= 0, "workshop %s: attendees cannot be negative: %s", id, attendees);
    audiences = Check.list(audiences);
    organisations = Check.list(organisations);
  }

  @Override
  public String kindLabel() {
    return "workshop";
  }
}
