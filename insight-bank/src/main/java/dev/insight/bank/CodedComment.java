package dev.insight.bank;

import dev.insight.core.internal.Check;
import java.util.List;

/**
 * An open comment with the themes (code labels) it was coded with.
 *
 * @param unit the comment's id in its coding (a respondent id)
 * @param text the comment as written; the bank stores it only redacted, and only when consent allows
 * @param themes the labels of the codes it received; may be empty (coded with nothing)
 */
public record CodedComment(String unit, String text, List<String> themes) {
  /**
   * Validates and copies.
   *
   * @param unit the comment's id
   * @param text the comment
   * @param themes its themes
   */
  public CodedComment {
    Check.text(unit, "comment unit");
    com.google.common.base.Preconditions.checkNotNull(text, "text of comment %s", unit);
    themes = List.copyOf(themes);
  }
}
