package dev.insight.core.redact;

/**
 * The NHS number check (NHS Data Dictionary): ten digits, the last a modulus-11 check digit over the first nine.
 */
public final class NhsNumber {
  private NhsNumber() {}

  /**
   * Whether ten digits form a valid NHS number: multiply the first nine by 10, 9, ..., 2, sum, take the remainder
   * on division by 11 and subtract it from 11; 11 means a check digit of 0, 10 means the number is not valid; the
   * result must equal the tenth digit.
   *
   * @param digits the number, digits only (no spaces)
   * @return true when it has ten digits and its check digit is right
   */
  public static boolean isValid(CharSequence digits) {
    if (digits.length() != 10) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      if (i < 9) {
        sum += (c - '0') * (10 - i);
      }
    }
    int check = 11 - sum % 11;
    if (check == 11) {
      check = 0;
    }
    return check != 10 && check == digits.charAt(9) - '0';
  }
}
