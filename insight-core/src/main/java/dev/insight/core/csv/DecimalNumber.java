package dev.insight.core.csv;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Numbers as people write them in a spreadsheet cell: an optional sign, digits with an optional {@code .} decimal
 * point, and an optional exponent ({@code 1.5e3}). Everything else Java would accept is refused: hexadecimal
 * ({@code 0x1p3}), type suffixes ({@code 40f}, {@code 2d}), {@code NaN}, {@code Infinity}, and numbers beyond the
 * range of a double ({@code 1e400}) or so small they would read as zero ({@code 1e-400}). The same rule for every
 * number insight reads: survey values, weights, margins.
 */
public final class DecimalNumber {
  private DecimalNumber() {}

  /**
   * Parses a number written as the class says.
   *
   * @param text the text, without surrounding white space
   * @return the number, or NaN when the text is not such a number ({@link #why(String)} says why)
   */
  public static double parse(String text) {
    int shape = shape(checkNotNull(text, "text"));
    if (shape == INVALID) {
      return Double.NaN;
    }
    double value = Double.parseDouble(text);
    if (Double.isInfinite(value) || value == 0 && shape == NON_ZERO) {
      return Double.NaN;
    }
    return value;
  }

  /**
   * Why a text is not a number, in words for a message.
   *
   * @param text the text that {@link #parse(String)} refused
   * @return the reason: {@code "not a number"}, {@code "too large a number (beyond 1.8e308)"} or
   *     {@code "too small a number (it would read as 0)"}
   */
  public static String why(String text) {
    int shape = shape(text);
    if (shape == INVALID) {
      return "not a number";
    }
    return Double.isInfinite(Double.parseDouble(text)) ? "too large a number (beyond 1.8e308)"
        : "too small a number (it would read as 0)";
  }

  private static final int INVALID = 0;
  private static final int ZERO = 1;
  private static final int NON_ZERO = 2;

  private static int shape(String text) {
    int n = text.length();
    int i = 0;
    if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    boolean nonZero = false;
    while (i < n && isDigit(text.charAt(i))) {
      nonZero |= text.charAt(i) != '0';
      digits++;
      i++;
    }
    if (i < n && text.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(text.charAt(i))) {
        nonZero |= text.charAt(i) != '0';
        digits++;
        i++;
      }
    }
    if (digits == 0) {
      return INVALID;
    }
    if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
        i++;
      }
      int exponent = 0;
      while (i < n && isDigit(text.charAt(i))) {
        exponent++;
        i++;
      }
      if (exponent == 0) {
        return INVALID;
      }
    }
    if (i != n) {
      return INVALID;
    }
    return nonZero ? NON_ZERO : ZERO;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
