package dev.insight.codeframe;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * One thing wrong with a list of codes that was meant to become a {@link Codeframe}, located by the position of the
 * offending code in the list so that a file reader can turn it into a line number.
 *
 * @param index the position of the offending code in the list given to {@link Codeframe#validate}
 * @param code the offending code's id
 * @param related the position of another code the problem involves (the first of a duplicate id), or -1
 * @param message what is wrong, naming the code
 */
public record CodeframeProblem(int index, CodeId code, int related, String message) {

  /**
   * Validates that the code and message are present.
   *
   * @param index the position of the offending code in the list given to {@link Codeframe#validate}
   * @param code the offending code's id
   * @param related the position of another code the problem involves (the first of a duplicate id), or -1
   * @param message what is wrong, naming the code
   */
  public CodeframeProblem {
    checkNotNull(code, "code");
    checkNotNull(message, "message");
  }
}
