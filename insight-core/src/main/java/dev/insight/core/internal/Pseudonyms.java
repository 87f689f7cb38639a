package dev.insight.core.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.redact.RedactedText;
import dev.insight.core.redact.RedactionKind;
import dev.insight.core.redact.RedactionPolicy;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The check every redacted export makes before it shows a participant by pseudonym: a pseudonym (or a participant
 * id) that the export's own redaction would remove, such as a real name typed into the pseudonym column of a
 * speaker list, would otherwise be published as it is, since labels are not redacted text. In an unexported
 * package: not part of the API.
 */
public final class Pseudonyms {
  private Pseudonyms() {}

  /**
   * Refuses a label (a participant's pseudonym or id, a case's name) that holds personal data the policy redacts.
   *
   * @param policy the export's policy; nothing is checked when it does not redact
   * @param owner whose label it is, for the message: {@code "participant P01"}, {@code "case fg4"}
   * @param what what the label is, for the message: {@code "pseudonym"}, {@code "id"}
   * @param label the label, as it would be exported
   * @throws IllegalArgumentException naming the owner and what the label holds
   */
  public static void check(RedactionPolicy policy, String owner, String what, String label) {
    checkNotNull(policy, "policy");
    checkNotNull(label, "label");
    if (!policy.redacts()) {
      return;
    }
    RedactedText redacted = policy.apply(label);
    if (redacted.redactions().isEmpty()) {
      return;
    }
    String kinds = redacted.redactions().stream().map(r -> kind(r.kind())).distinct()
        .collect(Collectors.joining(" and "));
    throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: the %s \"%s\" holds %s, which this export "
        + "redacts everywhere else (it reads \"%s\" redacted); a redacted export would publish it as a label. "
        + "Replace the %s with one that is not personal data (such as P01) in the speaker list, or export for "
        + "internal use only",
        owner, what, label, kinds, redacted.text(), what));
  }

  private static String kind(RedactionKind kind) {
    return switch (kind) {
      case NAME -> "a name on the speaker list";
      case EMAIL -> "an e-mail address";
      case PHONE -> "a telephone number";
      case POSTCODE -> "a postcode";
      case NHS_NUMBER -> "an NHS number";
    };
  }
}
