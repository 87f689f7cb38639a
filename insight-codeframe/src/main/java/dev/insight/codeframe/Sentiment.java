package dev.insight.codeframe;

/**
 * The sentiment of a sentiment variant of a code, such as "Staff (positive)" and "Staff (negative)": the variants are
 * codes of their own under a net for the theme (see {@link Codeframe.Builder#sentimentVariants}).
 */
public enum Sentiment {
  /** Praise, satisfaction. */
  POSITIVE,
  /** Neither positive nor negative. */
  NEUTRAL,
  /** Complaint, dissatisfaction. */
  NEGATIVE,
  /** Both in the same remark. */
  MIXED;

  /**
   * The suffix used in generated labels and ids: {@code "positive"}, {@code "negative"}...
   *
   * @return the lower-case name
   */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
