package dev.insight.bank;

import java.util.Locale;

/** What a search hit is. */
public enum ItemKind {
  /** A source study of a literature review. */
  STUDY,
  /** A finding. */
  FINDING,
  /** A recommendation. */
  RECOMMENDATION,
  /** A verbatim quote (only consented ones are in the bank, always redacted). */
  QUOTE,
  /** A coded open comment. */
  COMMENT,
  /** A theme's weighted prevalence with its interval. */
  PREVALENCE,
  /** A "you said, we did" response. */
  RESPONSE;

  /**
   * The name used on the command line and in JSON, such as {@code "finding"}.
   *
   * @return the lower-case name
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The kind with this label.
   *
   * @param label a label such as {@code "quote"}
   * @return the kind
   * @throws IllegalArgumentException naming the labels when it is not one
   */
  public static ItemKind of(String label) {
    for (ItemKind kind : values()) {
      if (kind.label().equals(label.strip().toLowerCase(Locale.ROOT))) {
        return kind;
      }
    }
    throw new IllegalArgumentException("no kind of item \"" + label + "\": use study, finding, recommendation, "
        + "quote, comment, prevalence or response");
  }
}
