package dev.insight.stats.table;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;

/**
 * A row of a banner table: one cell per column, Total first.
 *
 * @param code the category or option code, the net's label, or {@code "top2"}, {@code "bottom2"}, {@code "mean"}
 * @param label the row label
 * @param kind what the row counts
 * @param cells one per column of the table
 */
public record TableRow(String code, String label, RowKind kind, List<Cell> cells) {
  /**
   * Validates and copies
   *
   * @param code the category or option code, the net's label, or {@code "top2"}, {@code "bottom2"}, {@code "mean"}
   * @param label the row label
   * @param kind what the row counts
   * @param cells one per column of the table
   */
  public TableRow {
    checkNotNull(code, "code");
    checkNotNull(label, "label");
    checkNotNull(kind, "kind");
    cells = List.copyOf(cells);
  }
}
