package dev.insight.core.redact;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;

/**
 * Text after redaction, with the record of what was removed.
 *
 * @param text the text with each piece of personal data replaced by its placeholder
 * @param redactions what was removed and where, in order
 * @param redacted whether redaction was applied at all: false only under
 *     {@link RedactionPolicy#internalUseOnly(String)}, when {@code text} is the original
 */
public record RedactedText(String text, List<Redaction> redactions, boolean redacted) {

  /**
   * Validates and copies the redactions.
   *
   * @param text the text with each piece of personal data replaced by its placeholder
   * @param redactions what was removed and where, in order
   * @param redacted whether redaction was applied at all: false only under {@link RedactionPolicy#internalUseOnly(String)}, when {@code text} is the original
   */
  public RedactedText {
    checkNotNull(text, "text");
    redactions = List.copyOf(redactions);
  }

  /**
   * The number of redactions of one kind.
   *
   * @param kind the kind
   * @return how many
   */
  public long count(RedactionKind kind) {
    return redactions.stream().filter(r -> r.kind() == kind).count();
  }

  /**
   * Where an offset of the original text falls in the redacted text, for a range that starts there: an offset
   * inside a redacted stretch moves to the start of its placeholder.
   *
   * @param original an offset in the original text
   * @return the offset in {@link #text()}
   */
  public int startInRedacted(int original) {
    return map(original, false);
  }

  /**
   * Where an offset of the original text falls in the redacted text, for a range that ends there: an offset inside
   * a redacted stretch moves to the end of its placeholder.
   *
   * @param original an offset in the original text
   * @return the offset in {@link #text()}
   */
  public int endInRedacted(int original) {
    return map(original, true);
  }

  private int map(int original, boolean end) {
    int shift = 0;
    for (Redaction r : redactions) {
      if (original <= r.start()) {
        break;
      }
      if (original < r.end()) {
        return end ? r.redactedEnd() : r.redactedStart();
      }
      shift = r.redactedEnd() - r.end();
    }
    return original + shift;
  }

  @Override
  public String toString() {
    return text;
  }
}
