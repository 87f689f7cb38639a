package dev.insight.codeframe;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The stable identifier of a code in a codeframe: a number such as {@code "12"} or a short code such as
 * {@code "sa"}. It stays the same when the code is relabelled, so codings from earlier waves still read.
 *
 * @param value the identifier; not blank, no surrounding spaces
 */
public record CodeId(@JsonValue String value) {

  /**
   * Validates the value.
   *
   * @param value the identifier; not blank, no surrounding spaces
   */
  public CodeId {
    checkNotNull(value, "value");
    checkArgument(!value.isBlank(), "code id cannot be blank");
    checkArgument(value.strip().equals(value), "code id cannot start or end with spaces: '%s'", value);
  }

  /**
   * The id with this value.
   *
   * @param value the identifier
   * @return the id
   */
  @JsonCreator
  public static CodeId of(String value) {
    return new CodeId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
