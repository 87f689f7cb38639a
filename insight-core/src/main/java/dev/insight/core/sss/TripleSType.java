package dev.insight.core.sss;

import java.util.Locale;
import java.util.Optional;

/** The type of a Triple-S variable, as its {@code type} attribute names it. */
public enum TripleSType {
  /** One code from the declared values. */
  SINGLE,
  /** Any number of codes from the declared values, as a bitstring or spread over subfields. */
  MULTIPLE,
  /** A number, within the declared ranges or one of the declared values. */
  QUANTITY,
  /** Text. */
  CHARACTER,
  /** 0 (false) or 1 (true). */
  LOGICAL,
  /** A date written {@code YYYYMMDD}. */
  DATE,
  /** A time written {@code HHMMSS}. */
  TIME;

  /**
   * The name in the {@code type} attribute.
   *
   * @return the constant in lower case
   */
  public String attribute() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The type of an attribute value.
   *
   * @param attribute the {@code type} attribute as written
   * @return the type, or empty when Triple-S has no such type
   */
  static Optional<TripleSType> of(String attribute) {
    for (TripleSType type : values()) {
      if (type.attribute().equals(attribute.strip())) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
