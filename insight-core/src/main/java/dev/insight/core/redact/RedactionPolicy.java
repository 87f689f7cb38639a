package dev.insight.core.redact;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.internal.Check;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Whether text leaving the library in a report or export is redacted. Exports redact by default; the only way
 * not to is {@link #internalUseOnly(String)}, which needs a reason and marks its output as internal.
 */
public final class RedactionPolicy {
  private final @Nullable Redactor redactor;
  private final @Nullable String reason;

  private RedactionPolicy(@Nullable Redactor redactor, @Nullable String reason) {
    this.redactor = redactor;
    this.reason = reason;
  }

  /**
   * Redaction of e-mail addresses, telephone numbers, postcodes and NHS numbers (no names: use
   * {@link #redact(Redactor)} with a speaker list's names for those).
   *
   * @return the default policy
   */
  public static RedactionPolicy standard() {
    return new RedactionPolicy(Redactor.standard(), null);
  }

  /**
   * Redaction with a given redactor.
   *
   * @param redactor the redactor, typically {@code Redactor.of(speakers.names())}
   * @return the policy
   */
  public static RedactionPolicy redact(Redactor redactor) {
    return new RedactionPolicy(checkNotNull(redactor, "redactor"), null);
  }

  /**
   * No redaction, for analysis inside the research team only. Exports made under this policy say so.
   *
   * @param reason why the text is needed unredacted, recorded in the export
   * @return the policy
   * @throws IllegalArgumentException when the reason is blank
   */
  public static RedactionPolicy internalUseOnly(String reason) {
    return new RedactionPolicy(null, Check.text(reason, "the reason for not redacting"));
  }

  /**
   * Whether this policy redacts.
   *
   * @return false only for {@link #internalUseOnly(String)}
   */
  public boolean redacts() {
    return redactor != null;
  }

  /**
   * Why text is not redacted, for an internal-use-only policy.
   *
   * @return the reason, or empty when this policy redacts
   */
  public Optional<String> internalUseReason() {
    return Optional.ofNullable(reason);
  }

  /**
   * Applies the policy to a text.
   *
   * @param text the text
   * @return the redacted text, or the original marked as not redacted
   */
  public RedactedText apply(String text) {
    checkNotNull(text, "text");
    return redactor == null ? new RedactedText(text, List.of(), false) : redactor.redact(text);
  }

  @Override
  public String toString() {
    return redactor == null ? "internal use only, not redacted: " + reason : "redact " + redactor;
  }
}
