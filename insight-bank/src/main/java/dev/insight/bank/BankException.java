package dev.insight.bank;

/**
 * The bank cannot be used: it is locked by another writer, corrupted, written by a newer version, or not a bank.
 * The bank on disk is left as it was.
 */
public final class BankException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** Why the bank cannot be used. */
  public enum Reason {
    /** Another process is writing to it. */
    LOCKED,
    /** Its files are damaged. */
    CORRUPTED,
    /** A newer version of insight wrote it. */
    NEWER_VERSION,
    /** The directory holds something else. */
    NOT_A_BANK
  }

  /** Why the bank cannot be used (part of the serialised form). */
  private final Reason reason;

  BankException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  BankException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /**
   * Why the bank cannot be used.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
