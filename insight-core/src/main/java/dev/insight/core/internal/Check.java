package dev.insight.core.internal;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Validation shared by the domain records of every core package: ids, required text and lists that JSON may omit.
 * In an unexported package: not part of the API.
 */
public final class Check {
  private Check() {}

  /**
   * Checks an identifier's value.
   *
   * @param value the value
   * @param kind the id type, for the message
   * @return the value
   */
  public static String id(String value, String kind) {
    checkNotNull(value, "%s value", kind);
    checkArgument(!value.isBlank(), "%s cannot be blank", kind);
    return value;
  }

  /**
   * Checks a required piece of text.
   *
   * @param value the text
   * @param what what it is, for the message
   * @return the text
   */
  public static String text(@Nullable String value, String what) {
    checkArgument(value != null && !value.isBlank(), "%s is required and cannot be blank", what);
    return value;
  }

  /**
   * An immutable copy of a list that JSON may leave out (null reads as empty).
   *
   * @param list the list or null
   * @param <T> the element type
   * @return an immutable list
   */
  public static <T> List<T> list(@Nullable List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
