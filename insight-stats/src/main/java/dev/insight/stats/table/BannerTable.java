package dev.insight.stats.table;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;

/**
 * A computed banner table: columns (Total first), one block of rows per question, and notes for the reader
 * (filter, weighting, test levels, suppression).
 *
 * @param columns the columns
 * @param blocks one per question, in the specification's order
 * @param notes lines explaining the table
 */
public record BannerTable(List<BannerColumn> columns, List<RowBlock> blocks, List<String> notes) {
  /**
   * Copies the lists
   *
   * @param columns the columns
   * @param blocks one per question, in the specification's order
   * @param notes lines explaining the table
   */
  public BannerTable {
    columns = List.copyOf(columns);
    blocks = List.copyOf(blocks);
    notes = List.copyOf(notes);
    checkNotNull(columns, "columns");
  }
}
