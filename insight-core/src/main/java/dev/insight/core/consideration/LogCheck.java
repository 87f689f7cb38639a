package dev.insight.core.consideration;

import static com.google.common.base.Preconditions.checkArgument;

import org.jspecify.annotations.Nullable;

/**
 * The result of checking a {@link ConsiderationLog}'s hash chain.
 *
 * @param entries how many entries the log holds
 * @param brokenAt the sequence number (from 1) of the first entry that does not fit the chain, or null when the
 *     chain is intact
 * @param reason why that entry does not fit, or null when the chain is intact
 * @param head the hash of the last entry of the intact chain (all zeros for an empty log), to be kept elsewhere so
 *     that removing entries from the end can be noticed too
 */
public record LogCheck(int entries, @Nullable Integer brokenAt, @Nullable String reason, String head) {

  /**
   * Validates: a broken chain says where and why.
   *
   * @param entries how many entries the log holds
   * @param brokenAt the first broken entry, or null
   * @param reason why, or null
   * @param head the hash of the last intact entry
   */
  public LogCheck {
    checkArgument(entries >= 0, "entries cannot be negative: %s", entries);
    checkArgument((brokenAt == null) == (reason == null), "a broken chain needs both where and why: %s, %s",
        brokenAt, reason);
  }

  /**
   * Whether every entry fits the chain.
   *
   * @return true when nothing was changed after it was written
   */
  public boolean intact() {
    return brokenAt == null;
  }
}
