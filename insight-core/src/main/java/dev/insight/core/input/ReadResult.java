package dev.insight.core.input;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;

/**
 * What a reader produced, with every problem it met on the way (always empty in {@link ReadMode#STRICT} mode,
 * which throws instead).
 *
 * @param value what was read
 * @param problems the problems, in the order met
 * @param notes what the reader did that loses nothing but the user should know (a column renamed, a delimiter
 *     detected), in the order met; kept in either mode
 * @param <T> the type read
 */
public record ReadResult<T>(T value, List<InputProblem> problems, List<InputProblem> notes) {

  /**
   * Copies the problems and notes.
   *
   * @param value what was read
   * @param problems the problems, in the order met
   * @param notes what the reader did that the user should know, in the order met
   */
  public ReadResult {
    checkNotNull(value, "value");
    problems = List.copyOf(problems);
    notes = List.copyOf(notes);
  }

  /**
   * A result without notes.
   *
   * @param value what was read
   * @param problems the problems, in the order met
   */
  public ReadResult(T value, List<InputProblem> problems) {
    this(value, problems, List.of());
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
