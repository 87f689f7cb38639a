package dev.insight.core.input;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that cannot be read as it is. The message names the first problem's file, line, column and value; all
 * problems found are in {@link #problems()}.
 */
public final class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int LISTED = 20;

  private final transient List<InputProblem> problems;

  /**
   * An exception for one problem.
   *
   * @param problem the problem
   */
  public InvalidInputException(InputProblem problem) {
    this(List.of(problem));
  }

  /**
   * An exception for several problems.
   *
   * @param problems the problems, at least one
   */
  public InvalidInputException(List<InputProblem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  private static String message(List<InputProblem> problems) {
    checkArgument(!problems.isEmpty(), "an invalid input needs at least one problem");
    if (problems.size() == 1) {
      return problems.get(0).describe();
    }
    String listed = problems.stream().limit(LISTED).map(InputProblem::describe).collect(Collectors.joining("\n  "));
    String more = problems.size() > LISTED ? "\n  ... and " + (problems.size() - LISTED) + " more" : "";
    return problems.size() + " problems:\n  " + listed + more;
  }

  /**
   * Every problem found.
   *
   * @return an immutable list, never empty
   */
  public List<InputProblem> problems() {
    return problems;
  }
}
