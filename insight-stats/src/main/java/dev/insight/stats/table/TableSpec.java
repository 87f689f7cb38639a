package dev.insight.stats.table;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.stats.design.Filter;
import java.util.List;

/**
 * What a banner table shows: questions down the side, banner variables across the top (after a Total column), a
 * filter for the whole table, and how it is tested.
 *
 * @param rows the questions, in order; at least one
 * @param banner the banner variables (single-choice or multiple-response), in order; may be empty (Total only)
 * @param filter which respondents the table covers
 * @param options tests and display options
 */
public record TableSpec(List<RowSpec> rows, List<String> banner, Filter filter, TableOptions options) {
  /**
   * Validates that there is a row and that no banner variable repeats
   *
   * @param rows the questions, in order; at least one
   * @param banner the banner variables (single-choice or multiple-response), in order; may be empty (Total only)
   * @param filter which respondents the table covers
   * @param options tests and display options
   */
  public TableSpec {
    rows = List.copyOf(rows);
    banner = List.copyOf(banner);
    checkNotNull(filter, "filter");
    checkNotNull(options, "options");
    checkArgument(!rows.isEmpty(), "a table needs at least one row question");
    checkArgument(banner.stream().distinct().count() == banner.size(), "banner repeats a variable: %s", banner);
  }

  /**
   * A table of these rows by these banner variables, everyone, default options.
   *
   * @param rows the questions
   * @param banner the banner variables
   * @return the specification
   */
  public static TableSpec of(List<RowSpec> rows, List<String> banner) {
    return new TableSpec(rows, banner, Filter.all(), TableOptions.defaults());
  }

  /**
   * This table restricted by a filter.
   *
   * @param value the filter
   * @return a new specification
   */
  public TableSpec withFilter(Filter value) {
    return new TableSpec(rows, banner, value, options);
  }

  /**
   * This table with other options.
   *
   * @param value the options
   * @return a new specification
   */
  public TableSpec withOptions(TableOptions value) {
    return new TableSpec(rows, banner, filter, value);
  }
}
