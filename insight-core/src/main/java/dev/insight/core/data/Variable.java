package dev.insight.core.data;

/**
 * One column of a {@link Dataset}: a question's answers for every respondent, in row order.
 *
 * <p>Implementations are immutable and store their values in primitive arrays; reading a value allocates
 * nothing.
 */
public sealed interface Variable
    permits CategoricalVariable, MultiResponseVariable, NumericVariable, TextVariable {

  /**
   * The variable's name, unique within a dataset (for example {@code "sector"}).
   *
   * @return the name
   */
  String name();

  /**
   * The label shown in tables (for example {@code "Which sector do you work in?"}).
   *
   * @return the label; the name where none was given
   */
  String label();

  /**
   * The number of respondents (rows).
   *
   * @return the number of rows
   */
  int size();

  /**
   * Whether the respondent in this row gave no usable answer: no value at all, or a declared missing-value code.
   *
   * @param row the row, from 0 to {@code size() - 1}
   * @return true when missing
   * @throws IndexOutOfBoundsException when the row is out of range
   */
  boolean isMissing(int row);

  /**
   * The number of rows with no usable answer.
   *
   * @return the count of missing rows
   */
  default int missingCount() {
    int count = 0;
    for (int row = 0; row < size(); row++) {
      if (isMissing(row)) {
        count++;
      }
    }
    return count;
  }
}
