package dev.insight.core.redact;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * One redaction in an export, located for a reviewer.
 *
 * @param where the field the text was in, such as {@code "row 12, column comment"} or
 *     {@code "case P01, theme waiting, excerpt fg4:3:0-42"}
 * @param kind what was removed
 * @param start the offset of the first character removed, in the field's original text
 * @param end the offset just after the last character removed
 */
public record AuditEntry(String where, RedactionKind kind, int start, int end) {

  /**
   * Validates.
   *
   * @param where the field the text was in, such as {@code "row 12, column comment"} or {@code "case P01, theme waiting, excerpt fg4:3:0-42"}
   * @param kind what was removed
   * @param start the offset of the first character removed, in the field's original text
   * @param end the offset just after the last character removed
   */
  public AuditEntry {
    checkNotNull(where, "where");
    checkNotNull(kind, "kind");
    checkArgument(start >= 0 && end > start, "an audit entry must cover at least one character: [%s, %s)", start,
        end);
  }

  /**
   * The entry for a redaction.
   *
   * @param where the field
   * @param redaction the redaction
   * @return the entry
   */
  public static AuditEntry of(String where, Redaction redaction) {
    return new AuditEntry(where, redaction.kind(), redaction.start(), redaction.end());
  }
}
