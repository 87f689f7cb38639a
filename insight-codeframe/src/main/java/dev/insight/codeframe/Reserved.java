package dev.insight.codeframe;

/**
 * The reserved codes every codeframe may carry besides its substantive codes. The {@linkplain #isExclusive()
 * exclusive} ones ("none-codes") say the comment has no codable content, so they cannot be combined with any other
 * code for the same comment.
 */
public enum Reserved {
  /** The respondent left the question blank or wrote "n/a". Exclusive. */
  NO_ANSWER(true),
  /** The respondent said they do not know or have no view. Exclusive. */
  DONT_KNOW(true),
  /** Codable content that fits no code of the frame; may be combined with other codes. */
  OTHER(false),
  /** Text that cannot be read as an answer (keyboard mashing, another language not covered). Exclusive. */
  GIBBERISH(true);

  private final boolean exclusive;

  Reserved(boolean exclusive) {
    this.exclusive = exclusive;
  }

  /**
   * Whether a comment with this code can have no other code.
   *
   * @return true for the none-codes (no answer, don't know, gibberish)
   */
  public boolean isExclusive() {
    return exclusive;
  }
}
