package dev.insight.codeframe.framework;

import static com.google.common.base.Preconditions.checkArgument;


/**
 * A row of a framework matrix.
 *
 * @param id its key: a participant id, the activity id of a group, or {@code speaker:<name>} for a speaker not on
 *     the speaker list
 * @param label how it is shown: a pseudonym, a group's activity id, or the name as heard (personal data, replaced
 *     in redacted exports)
 * @param mapped whether the case is a known participant or group (false for a speaker not on the list)
 */
public record FrameworkCase(String id, String label, boolean mapped) {

  /**
   * Validates.
   *
   * @param id its key: a participant id, the activity id of a group, or {@code speaker:<name>} for a speaker not on the speaker list
   * @param label how it is shown: a pseudonym, a group's activity id, or the name as heard (personal data, replaced in redacted exports)
   * @param mapped whether the case is a known participant or group (false for a speaker not on the list)
   */
  public FrameworkCase {
    checkArgument(!id.isBlank(), "case id cannot be blank");
    checkArgument(!label.isBlank(), "case label cannot be blank");
  }
}
