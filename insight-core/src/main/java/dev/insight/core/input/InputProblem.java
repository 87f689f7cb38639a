package dev.insight.core.input;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with an input file, located precisely enough to find and fix it.
 *
 * @param source the file (or other source) name, as given by the caller
 * @param line the 1-based line number where the problem is, or 0 when it concerns the whole file
 * @param column the column name concerned (a CSV column; an XML element; a JSON path, written from {@code $}), or
 *     null when it concerns a whole line
 * @param value the offending value as read, or null when there is none (a missing column)
 * @param message what is wrong, in plain words
 */
public record InputProblem(String source, long line, @Nullable String column, @Nullable String value,
    String message) {

  /**
   * Validates the location.
   *
   * @param source the file (or other source) name, as given by the caller
   * @param line the 1-based line number where the problem is, or 0 when it concerns the whole file
   * @param column the column name concerned (a CSV column; an XML element; a JSON path, written from {@code $}), or
 *     null when it concerns a whole line
   * @param value the offending value as read, or null when there is none (a missing column)
   * @param message what is wrong, in plain words
   */
  public InputProblem {
    checkNotNull(source, "source");
    checkNotNull(message, "message");
    checkArgument(line >= 0, "line cannot be negative: %s", line);
  }

  /**
   * The column, if the problem has one.
   *
   * @return the column name
   */
  public Optional<String> columnName() {
    return Optional.ofNullable(column);
  }

  /**
   * The problem as one line: {@code file:line: column "col", value "v", message} (a JSON path reads
   * {@code at $.path}).
   *
   * @return a human-readable description
   */
  public String describe() {
    StringBuilder text = new StringBuilder(source);
    if (line > 0) {
      text.append(':').append(line);
    }
    text.append(": ");
    if (column != null && column.startsWith("$")) {
      text.append("at ").append(column).append(", ");
    } else if (column != null) {
      text.append("column \"").append(column).append("\", ");
    }
    if (value != null) {
      text.append("value \"").append(abbreviate(value)).append("\", ");
    }
    return text.append(message).toString();
  }

  private static String abbreviate(String value) {
    return value.length() <= 80 ? value : value.substring(0, 77) + "...";
  }

  @Override
  public String toString() {
    return describe();
  }
}
