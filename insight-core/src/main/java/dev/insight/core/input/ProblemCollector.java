package dev.insight.core.input;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Routes problems by {@link ReadMode}: throws the first in strict mode, collects them all in lenient mode. For
 * readers in any module.
 */
public final class ProblemCollector {
  private final String source;
  private final ReadMode mode;
  private final List<InputProblem> problems;
  private final List<InputProblem> notes;

  private ProblemCollector(String source, ReadMode mode, List<InputProblem> problems, List<InputProblem> notes) {
    this.source = checkNotNull(source, "source");
    this.mode = checkNotNull(mode, "mode");
    this.problems = problems;
    this.notes = notes;
  }

  /**
   * A collector for one source.
   *
   * @param source the file name used in messages
   * @param mode strict or lenient
   * @return a new collector
   */
  public static ProblemCollector of(String source, ReadMode mode) {
    return new ProblemCollector(source, mode, new ArrayList<>(), new ArrayList<>());
  }

  /**
   * A collector for another file read with this one (the data file a metadata file names), in the same mode and
   * recording into the same problems and notes, so one report lists both files' problems each under its own name.
   *
   * @param otherSource the other file's name used in messages
   * @return a collector sharing this one's problems and notes
   */
  public ProblemCollector about(String otherSource) {
    return new ProblemCollector(otherSource, mode, problems, notes);
  }

  /**
   * The source name.
   *
   * @return the file name used in messages
   */
  public String source() {
    return source;
  }

  /**
   * The mode.
   *
   * @return strict or lenient
   */
  public ReadMode mode() {
    return mode;
  }

  /**
   * Records a problem; in strict mode, throws it.
   *
   * @param line the 1-based line, or 0 for the whole file
   * @param column the column concerned, or null
   * @param value the offending value, or null
   * @param message what is wrong
   * @throws InvalidInputException in strict mode
   */
  public void report(long line, @Nullable String column, @Nullable String value, String message) {
    InputProblem problem = new InputProblem(source, line, column, value, message);
    if (mode == ReadMode.STRICT) {
      throw new InvalidInputException(problem);
    }
    problems.add(problem);
  }

  /**
   * Records a problem that no mode can read past (a file with no header, say): throws in either mode, with every
   * problem collected so far.
   *
   * @param line the 1-based line, or 0 for the whole file
   * @param column the column concerned, or null
   * @param value the offending value, or null
   * @param message what is wrong
   * @return never returns; declared so callers can write {@code throw collector.fatal(...)}
   * @throws InvalidInputException always
   */
  public InvalidInputException fatal(long line, @Nullable String column, @Nullable String value, String message) {
    problems.add(new InputProblem(source, line, column, value, message));
    throw new InvalidInputException(problems);
  }

  /**
   * Records something the reader did that the user should know about but that loses and misreads nothing (a
   * column renamed, a delimiter detected, a quoted field over many lines): never throws, in either mode.
   *
   * @param line the 1-based line, or 0 for the whole file
   * @param column the column concerned, or null
   * @param value the value concerned, or null
   * @param message what was done
   */
  public void note(long line, @Nullable String column, @Nullable String value, String message) {
    notes.add(new InputProblem(source, line, column, value, message));
  }

  /**
   * The notes recorded so far.
   *
   * @return an immutable copy
   */
  public List<InputProblem> notes() {
    return List.copyOf(notes);
  }

  /**
   * The problems collected so far.
   *
   * @return an immutable copy
   */
  public List<InputProblem> problems() {
    return List.copyOf(problems);
  }

  /**
   * A result carrying the problems collected.
   *
   * @param value what was read
   * @param <T> its type
   * @return the result
   */
  public <T> ReadResult<T> result(T value) {
    return new ReadResult<>(value, problems, notes);
  }
}
