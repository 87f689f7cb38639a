package dev.insight.core.input;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;

/**
 * What a reader produced, with every problem it met on the way (always empty in {@link ReadMode#STRICT} mode,
 * which throws instead).
 *
 * @param value what was read
 * @param problems the problems, in the order met
 * @param <T> the type read
 */
public record ReadResult<T>(T value, List<InputProblem> problems) {

  /**
   * Copies the problems.
   *
   * @param value what was read
   * @param problems the problems, in the order met
   */
  public ReadResult {
    checkNotNull(value, "value");
    problems = List.copyOf(problems);
  }

  /**
   * Whether the input was read without any problem.
   *
   * @return true when there were no problems
   */
  public boolean isClean() {
    return problems.isEmpty();
  }

  /**
   * The value, or an exception listing every problem when there were any.
   *
   * @return the value
   * @throws InvalidInputException when there were problems
   */
  public T orThrow() {
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return value;
  }
}
