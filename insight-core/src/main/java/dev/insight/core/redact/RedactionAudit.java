package dev.insight.core.redact;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an export redacted, for a reviewer: every redaction with its place, or the reason it was not redacted.
 *
 * @param redacted whether the export was redacted
 * @param internalUseReason the reason given for an internal-use-only export, or null when redacted
 * @param entries the redactions, in the order made
 */
public record RedactionAudit(boolean redacted, @Nullable String internalUseReason, List<AuditEntry> entries) {

  /**
   * Validates and copies.
   *
   * @param redacted whether the export was redacted
   * @param internalUseReason the reason given for an internal-use-only export, or null when redacted
   * @param entries the redactions, in the order made
   */
  public RedactionAudit {
    checkArgument(redacted == (internalUseReason == null), "an audit has a reason exactly when it was not redacted");
    entries = List.copyOf(entries);
  }

  /**
   * The number of redactions of each kind.
   *
   * @return counts by kind, kinds with none left out
   */
  public Map<RedactionKind, Integer> counts() {
    Map<RedactionKind, Integer> counts = new EnumMap<>(RedactionKind.class);
    for (AuditEntry entry : entries) {
      counts.merge(entry.kind(), 1, Integer::sum);
    }
    return counts;
  }

  /** Collects the audit of one export. */
  public static final class Recorder {
    private final RedactionPolicy policy;
    private final List<AuditEntry> entries = new ArrayList<>();

    /**
     * A recorder applying a policy.
     *
     * @param policy the policy
     */
    public Recorder(RedactionPolicy policy) {
      this.policy = policy;
    }

    /**
     * Applies the policy to one field and records what it removed.
     *
     * @param where the field, for the audit
     * @param text the field's text
     * @return the text as it may leave the library
     */
    public String apply(String where, String text) {
      RedactedText result = policy.apply(text);
      for (Redaction redaction : result.redactions()) {
        entries.add(AuditEntry.of(where, redaction));
      }
      return result.text();
    }

    /**
     * Applies the policy to one field, keeping the offsets.
     *
     * @param where the field, for the audit
     * @param text the field's text
     * @return the redacted text with its redactions
     */
    public RedactedText applyWithOffsets(String where, String text) {
      RedactedText result = policy.apply(text);
      for (Redaction redaction : result.redactions()) {
        entries.add(AuditEntry.of(where, redaction));
      }
      return result;
    }

    /**
     * The policy applied.
     *
     * @return the policy
     */
    public RedactionPolicy policy() {
      return policy;
    }

    /**
     * The audit so far.
     *
     * @return the audit
     */
    public RedactionAudit audit() {
      return new RedactionAudit(policy.redacts(), policy.internalUseReason().orElse(null), entries);
    }
  }
}
