package dev.insight.core.programme;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.internal.Check;
import org.jspecify.annotations.Nullable;

/**
 * A group of people a programme means to hear, such as "unpaid carers" or "NHS staff".
 *
 * @param id its id
 * @param name its name
 * @param description what it covers, or null
 * @param reference whether it is on the programme's reference list of groups that must be reached (for example the
 *     groups most affected by health inequalities; see {@link ReferenceAudiences}), so that coverage can report who
 *     was not heard
 */
public record Audience(AudienceId id, String name, @Nullable String description, boolean reference) {

  /**
   * Validates.
   *
   * @param id its id
   * @param name its name
   * @param description what it covers, or null
   * @param reference whether it is on the programme's reference list of groups that must be reached (for example the groups most affected by health inequalities; see {@link ReferenceAudiences}), so that coverage can report who was not heard
   */
  public Audience {
    checkNotNull(id, "id");
    Check.text(name, "audience name");
  }
}
