package dev.insight.core.evidence;

/** Whether the speaker of a quote agreed to it being published. */
public enum Consent {
  /** Consent given to publish the quote with its attribution label. */
  GIVEN,
  /** Consent refused: the quote may be used in internal analysis only. */
  REFUSED,
  /** Consent not (yet) asked or recorded: treated as refused for publication. */
  NOT_RECORDED;

  /**
   * Whether a quote with this consent may appear in a report.
   *
   * @return true only for {@link #GIVEN}
   */
  public boolean allowsPublication() {
    return this == GIVEN;
  }
}
