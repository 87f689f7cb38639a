package dev.insight.core.codebook;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The kind of a survey variable, as a codebook states it. */
public enum VariableType {
  /** One answer from a list of categories, in no natural order. */
  SINGLE,
  /** Any number of answers from a list of options (one 0/1 column per option, or a delimited list in one cell). */
  MULTIPLE,
  /** One answer from categories in a natural order (a satisfaction or agreement scale, 0 to 10). */
  ORDINAL,
  /** A number. */
  NUMERIC,
  /** Free text. */
  TEXT,
  /** A date, or a date and time. */
  DATE,
  /** The respondent's id. */
  ID;

  /**
   * The name in JSON and CSV codebooks: the constant in lower case.
   *
   * @return {@code single}, {@code multiple}, {@code ordinal}, {@code numeric}, {@code text}, {@code date} or
   *     {@code id}
   */
  @JsonValue
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The type of a name.
   *
   * @param name a name as {@link #jsonName()} gives it, in any case
   * @return the type
   * @throws IllegalArgumentException for any other name, listing the names
   */
  @JsonCreator
  public static VariableType parse(String name) {
    for (VariableType type : values()) {
      if (type.jsonName().equalsIgnoreCase(name.strip())) {
        return type;
      }
    }
    throw new IllegalArgumentException("variable type " + name + ": expected single, multiple, ordinal, numeric, "
        + "text, date or id");
  }
}
