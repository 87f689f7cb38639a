package dev.insight.stats.table;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Disclosure control for published tables.
 *
 * <p>Primary suppression hides every count from 1 to the limit (the NHS rule: 1 to 7; a threshold of N: 1 to
 * N - 1), with the percentages, means and letters on it; a base in that range hides its whole column. Secondary
 * suppression then hides more cells so that no hidden cell can be worked out by subtraction: in every group of
 * cells that add up to a published figure (a row's banner-variable columns and its Total cell; a column's
 * categories of a single-choice question and its base) a group with exactly one hidden cell gets its smallest
 * other non-zero cell hidden too, repeatedly until no group has exactly one. Under the NHS rule the remaining
 * counts and bases are rounded to the nearest 5 and percentages are recomputed from the rounded counts, so a
 * percentage cannot give back an exact count. Nets, boxes and multiple-response options are suppressed on their
 * own counts only: they overlap categories by design and are not part of the recovery groups.
 *
 * @param rule the rule
 * @param limit the largest count hidden (7 for the NHS rule, N - 1 for a threshold of N, 0 for none)
 */
public record Suppression(Rule rule, int limit) {
  /** Which rule. */
  public enum Rule {
    /** Nothing hidden or rounded. */
    NONE,
    /** Counts 1-7 hidden, others rounded to the nearest 5 (NHS hospital statistics). */
    NHS,
    /** Counts below a threshold hidden, others shown exactly. */
    THRESHOLD
  }

  /**
   * Validates the limit against the rule
   *
   * @param rule the rule
   * @param limit the largest count hidden (7 for the NHS rule, N - 1 for a threshold of N, 0 for none)
   */
  public Suppression {
    checkNotNull(rule, "rule");
    checkArgument(rule == Rule.NONE ? limit == 0 : limit >= 1, "limit %s does not fit rule %s", limit, rule);
  }

  /**
   * No suppression.
   *
   * @return the policy
   */
  public static Suppression none() {
    return new Suppression(Rule.NONE, 0);
  }

  /**
   * The NHS rule: counts 1 to 7 hidden, other counts rounded to the nearest 5.
   *
   * @return the policy
   */
  public static Suppression nhs() {
    return new Suppression(Rule.NHS, 7);
  }

  /**
   * Counts from 1 to {@code minimum - 1} hidden.
   *
   * @param minimum the smallest count shown; at least 2
   * @return the policy
   */
  public static Suppression threshold(int minimum) {
    checkArgument(minimum >= 2, "threshold must be at least 2: %s", minimum);
    return new Suppression(Rule.THRESHOLD, minimum - 1);
  }

  /**
   * Parses {@code none}, {@code nhs} or {@code threshold:N}.
   *
   * @param text the policy as written on the command line
   * @return the policy
   * @throws IllegalArgumentException when the text is none of those
   */
  public static Suppression parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("none")) {
      return none();
    } else if (t.equals("nhs")) {
      return nhs();
    } else if (t.startsWith("threshold:")) {
      try {
        return threshold(Integer.parseInt(t.substring("threshold:".length()).trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("suppression " + text + ": threshold:N needs a whole number", e);
      }
    }
    throw new IllegalArgumentException("suppression " + text + ": expected none, nhs or threshold:N");
  }

  private boolean hides(double count) {
    return count >= 1 && count <= limit;
  }

  /**
   * Applies the policy.
   *
   * @param table a computed table
   * @return a new table with hidden values set to NaN and marked suppressed; the same table for {@link Rule#NONE}
   */
  public BannerTable apply(BannerTable table) {
    if (rule == Rule.NONE) {
      return table;
    }
    List<RowBlock> blocks = new ArrayList<>();
    for (RowBlock block : table.blocks()) {
      blocks.add(apply(table.columns(), block));
    }
    List<String> notes = new ArrayList<>(table.notes());
    notes.add(rule == Rule.NHS
        ? "Suppression: counts of 1 to 7 hidden (*) with secondary suppression; other counts rounded to the "
            + "nearest 5 and percentages computed from the rounded counts"
        : "Suppression: counts of 1 to " + limit + " hidden (*) with secondary suppression");
    return new BannerTable(table.columns(), blocks, notes);
  }

  private RowBlock apply(List<BannerColumn> columns, RowBlock block) {
    int rows = block.rows().size();
    int cols = columns.size();
    boolean[][] hidden = new boolean[rows][cols];
    boolean[] baseHidden = new boolean[cols];
    for (int c = 0; c < cols; c++) {
      baseHidden[c] = hides(block.bases().get(c).unweighted());
    }
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        hidden[r][c] = baseHidden[c] || hides(block.rows().get(r).cells().get(c).unweightedCount());
      }
    }
    List<int[][]> groups = groups(columns, block);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int[][] group : groups) {
        int hiddenCount = 0;
        for (int[] cell : group) {
          if (hidden[cell[0]][cell[1]]) {
            hiddenCount++;
          }
        }
        if (hiddenCount != 1) {
          continue;
        }
        int[] pick = null;
        double smallest = Double.POSITIVE_INFINITY;
        for (int[] cell : group) {
          double count = block.rows().get(cell[0]).cells().get(cell[1]).unweightedCount();
          if (!hidden[cell[0]][cell[1]] && count > 0 && count < smallest) {
            smallest = count;
            pick = cell;
          }
        }
        if (pick != null) {
          hidden[pick[0]][pick[1]] = true;
          changed = true;
        }
      }
    }
    List<Base> bases = new ArrayList<>();
    for (int c = 0; c < cols; c++) {
      Base base = block.bases().get(c);
      bases.add(baseHidden[c] ? new Base(Double.NaN, Double.NaN, Double.NaN, base.flag())
          : new Base(round(base.unweighted()), round(base.weighted()), base.effective(), base.flag()));
    }
    List<TableRow> newRows = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      TableRow row = block.rows().get(r);
      List<Cell> cells = new ArrayList<>();
      for (int c = 0; c < cols; c++) {
        Cell cell = row.cells().get(c);
        if (hidden[r][c]) {
          cells.add(new Cell(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, "",
              Comparison.NOT_TESTED, true));
        } else if (rule == Rule.NHS && !row.kind().numeric()) {
          double weighted = round(cell.weightedCount());
          double base = bases.get(c).weighted();
          double totalWeighted = round(row.cells().get(0).weightedCount());
          cells.add(new Cell(round(cell.unweightedCount()), weighted, base > 0 ? 100 * weighted / base : Double.NaN,
              Double.isNaN(cell.rowPercent()) || totalWeighted <= 0 ? Double.NaN : 100 * weighted / totalWeighted,
              cell.mean(), cell.standardDeviation(), cell.quantile(), cell.standardError(), cell.ciLow(),
              cell.ciHigh(), cell.letters(), cell.versusRest(), false));
        } else {
          cells.add(cell);
        }
      }
      newRows.add(new TableRow(row.code(), row.label(), row.kind(), cells));
    }
    return new RowBlock(block.variable(), block.label(), block.basis(), bases, newRows, block.tests());
  }

  private double round(double count) {
    return rule == Rule.NHS && !Double.isNaN(count) ? 5 * Math.rint(count / 5) : count;
  }

  /** Groups of cells that add up to a published figure. */
  private static List<int[][]> groups(List<BannerColumn> columns, RowBlock block) {
    List<int[][]> groups = new ArrayList<>();
    int rows = block.rows().size();
    // a row's single-choice banner columns add up (with non-answers) to its Total cell
    List<String> variables = columns.stream().filter(c -> !c.isTotal()).map(c -> c.variable()).distinct()
        .toList();
    for (int r = 0; r < rows; r++) {
      if (block.rows().get(r).kind().numeric()) {
        continue;
      }
      for (String variable : variables) {
        List<int[]> group = new ArrayList<>();
        group.add(new int[] {r, 0});
        double sum = 0;
        for (int c = 0; c < columns.size(); c++) {
          if (variable.equals(columns.get(c).variable())) {
            group.add(new int[] {r, c});
            sum += block.bases().get(c).unweighted();
          }
        }
        // overlapping (multiple-response) banner columns do not add up to the Total: no group
        if (sum <= block.bases().get(0).unweighted()) {
          groups.add(group.toArray(int[][]::new));
        }
      }
    }
    // a column's categories of a single-choice question add up to its base
    double categorySum = 0;
    List<Integer> categoryRows = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      if (block.rows().get(r).kind() == RowKind.CATEGORY) {
        categoryRows.add(r);
        categorySum += block.rows().get(r).cells().get(0).unweightedCount();
      }
    }
    if (!categoryRows.isEmpty() && categorySum == block.bases().get(0).unweighted()) {
      for (int c = 0; c < columns.size(); c++) {
        int[][] group = new int[categoryRows.size()][];
        for (int k = 0; k < group.length; k++) {
          group[k] = new int[] {categoryRows.get(k), c};
        }
        groups.add(group);
      }
    }
    return groups;
  }
}
