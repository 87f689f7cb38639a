package dev.insight.core.evidence;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.internal.Check;
import org.jspecify.annotations.Nullable;

/**
 * A priority of the strategy being consulted on, which evidence is cross-referenced to.
 *
 * @param id its id
 * @param title its title, such as "Workforce"
 * @param description what it covers, or null
 * @param draft whether it is a priority of the draft (true) or of the final strategy (false)
 */
public record Priority(PriorityId id, String title, @Nullable String description, boolean draft) {

  /**
   * Validates.
   *
   * @param id its id
   * @param title its title, such as "Workforce"
   * @param description what it covers, or null
   * @param draft whether it is a priority of the draft (true) or of the final strategy (false)
   */
  public Priority {
    checkNotNull(id, "id");
    Check.text(title, "priority title");
  }
}
