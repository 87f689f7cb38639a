package dev.insight.core.programme;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.internal.Check;
import org.jspecify.annotations.Nullable;

/**
 * One of a programme's engagement principles, such as "start early and feed back".
 *
 * @param id its id
 * @param title a short title
 * @param description what it commits to, or null
 */
public record Principle(PrincipleId id, String title, @Nullable String description) {

  /**
   * Validates.
   *
   * @param id its id
   * @param title a short title
   * @param description what it commits to, or null
   */
  public Principle {
    checkNotNull(id, "id");
    Check.text(title, "principle title");
  }
}
