package dev.insight.stats.table;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;

/**
 * The rows of one question, with the bases they are out of.
 *
 * @param variable the question's variable
 * @param label the question's label
 * @param basis what the bases count: {@code "respondents"} who answered, {@code "mentions"}, or
 *     {@code "respondents with a value"} for means
 * @param bases one per column
 * @param rows the rows
 * @param tests Rao-Scott tests with each banner variable (empty when not asked for or not possible)
 */
public record RowBlock(String variable, String label, String basis, List<Base> bases, List<TableRow> rows,
    List<AssociationTest> tests) {
  /**
   * Validates and copies
   *
   * @param variable the question's variable
   * @param label the question's label
   * @param basis what the bases count: {@code "respondents"} who answered, {@code "mentions"}, or {@code "respondents with a value"} for means
   * @param bases one per column
   * @param rows the rows
   * @param tests Rao-Scott tests with each banner variable (empty when not asked for or not possible)
   */
  public RowBlock {
    checkNotNull(variable, "variable");
    checkNotNull(label, "label");
    checkNotNull(basis, "basis");
    bases = List.copyOf(bases);
    rows = List.copyOf(rows);
    tests = List.copyOf(tests);
  }
}
