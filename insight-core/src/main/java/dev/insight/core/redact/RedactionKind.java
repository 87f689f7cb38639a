package dev.insight.core.redact;

/** What kind of personal data a redaction removed, and the placeholder that replaces it. */
public enum RedactionKind {
  /** An e-mail address. */
  EMAIL("[email]"),
  /** A UK telephone number: mobile, landline or non-geographic, national or with +44. */
  PHONE("[phone]"),
  /** A full UK postcode (outward and inward code), including {@code GIR 0AA}. */
  POSTCODE("[postcode]"),
  /** A 10-digit NHS number whose modulus-11 check digit is right. */
  NHS_NUMBER("[NHS number]"),
  /** The name, or part of the name, of a known participant or member of staff. */
  NAME("[name]");

  private final String placeholder;

  RedactionKind(String placeholder) {
    this.placeholder = placeholder;
  }

  /**
   * The text that replaces what was redacted.
   *
   * @return a placeholder such as {@code [email]}
   */
  public String placeholder() {
    return placeholder;
  }
}
