package dev.insight.core.redact;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * One redaction, for audit: what kind of data was removed and where. The removed text itself is not kept, so an
 * audit trail does not become a second copy of the personal data.
 *
 * @param kind what was removed
 * @param start the 0-based offset of the first character removed, in the original text
 * @param end the offset just after the last character removed, in the original text
 * @param redactedStart the offset of the placeholder in the redacted text
 */
public record Redaction(RedactionKind kind, int start, int end, int redactedStart) {

  /**
   * Validates the offsets.
   *
   * @param kind what was removed
   * @param start the 0-based offset of the first character removed, in the original text
   * @param end the offset just after the last character removed, in the original text
   * @param redactedStart the offset of the placeholder in the redacted text
   */
  public Redaction {
    checkNotNull(kind, "kind");
    checkArgument(start >= 0 && end > start, "a redaction must cover at least one character: [%s, %s)", start, end);
    checkArgument(redactedStart >= 0, "redactedStart cannot be negative: %s", redactedStart);
  }

  /**
   * The offset just after the placeholder in the redacted text.
   *
   * @return the end of the placeholder
   */
  public int redactedEnd() {
    return redactedStart + kind.placeholder().length();
  }
}
