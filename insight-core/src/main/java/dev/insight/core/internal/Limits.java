package dev.insight.core.internal;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;

/**
 * Reads the system properties that raise or lower insight's limits on hostile input ({@code insight.zip.*},
 * {@code insight.json.*}, {@code insight.parse.*}). In an unexported package: not part of the API.
 */
public final class Limits {
  /** System property for the deepest nesting the expression parsers (coding rules, filters) accept. */
  public static final String MAX_PARSE_DEPTH = "insight.parse.maxDepth";
  /** Default deepest nesting of a rule or filter: far beyond what a person writes, far short of the stack. */
  public static final int DEFAULT_MAX_PARSE_DEPTH = 100;

  private Limits() {}

  /**
   * The deepest nesting a rule or filter may have (parentheses, NOT and chained operators), from
   * {@value #MAX_PARSE_DEPTH} or the default of {@value #DEFAULT_MAX_PARSE_DEPTH}.
   *
   * @return the limit
   */
  public static int maxParseDepth() {
    return intProperty(MAX_PARSE_DEPTH, DEFAULT_MAX_PARSE_DEPTH);
  }

  /**
   * A limit: the system property's value when it is set, else the default.
   *
   * @param name the property
   * @param fallback the default
   * @param max the largest value the limit can take
   * @return the limit
   * @throws IllegalArgumentException when the property is set to something other than a whole number from 1 to
   *     {@code max}
   */
  public static long property(String name, long fallback, long max) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    long parsed;
    try {
      parsed = Long.parseLong(value.strip().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "system property %s must be a positive whole number, not \"%s\"", name, value), e);
    }
    checkArgument(parsed > 0 && parsed <= max, "system property %s must be a whole number from 1 to %s, not \"%s\"",
        name, max, value);
    return parsed;
  }

  /**
   * An {@code int} limit, as {@link #property(String, long, long)}.
   *
   * @param name the property
   * @param fallback the default
   * @return the limit
   */
  public static int intProperty(String name, int fallback) {
    return (int) property(name, fallback, Integer.MAX_VALUE);
  }
}
