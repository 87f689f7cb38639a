package dev.insight.stats.disclosure;

import static com.google.common.base.Preconditions.checkElementIndex;

import java.util.OptionalLong;

/**
 * Counts at every level of a {@link Hierarchy} with the outcome of {@link HierarchicalSuppression}: which are
 * hidden and why, and the rule applied, to be stated in the publication.
 *
 * <p>Immutable and thread-safe.
 */
public final class SuppressedCounts {
  /** Why a count is shown or hidden. */
  public enum Reason {
    /** Published. */
    SHOWN,
    /** Hidden because it is small (or, for a share, the responses in it or outside it are few). */
    PRIMARY,
    /** Hidden so that another hidden count cannot be worked out from the published totals. */
    COMPLEMENTARY,
    /** A share hidden because its base is hidden. */
    BASE
  }

  private final Hierarchy hierarchy;
  private final long[] values;
  private final boolean[] hidden;
  private final Reason[] reasons;
  private final long grandTotal;
  private final boolean grandTotalHidden;
  private final String rule;

  SuppressedCounts(Hierarchy hierarchy, long[] values, boolean[] hidden, Reason[] reasons, long grandTotal,
      boolean grandTotalHidden, String rule) {
    this.hierarchy = hierarchy;
    this.values = values;
    this.hidden = hidden;
    this.reasons = reasons;
    this.grandTotal = grandTotal;
    this.grandTotalHidden = grandTotalHidden;
    this.rule = rule;
  }

  /**
   * The organisations.
   *
   * @return the hierarchy
   */
  public Hierarchy hierarchy() {
    return hierarchy;
  }

  /**
   * The true count of a unit, hidden or not; for building the publication, never for printing it.
   *
   * @param unit the unit number
   * @return the count
   */
  public long value(int unit) {
    checkElementIndex(unit, values.length, "unit");
    return values[unit];
  }

  /**
   * Whether a unit's count is hidden.
   *
   * @param unit the unit number
   * @return true when hidden
   */
  public boolean isHidden(int unit) {
    checkElementIndex(unit, values.length, "unit");
    return hidden[unit];
  }

  /**
   * Why a unit's count is shown or hidden.
   *
   * @param unit the unit number
   * @return the reason
   */
  public Reason reason(int unit) {
    checkElementIndex(unit, values.length, "unit");
    return reasons[unit];
  }

  /**
   * The count as published.
   *
   * @param unit the unit number
   * @return the count, empty when hidden
   */
  public OptionalLong published(int unit) {
    return isHidden(unit) ? OptionalLong.empty() : OptionalLong.of(values[unit]);
  }

  /**
   * The sum over the top level.
   *
   * @return the grand total
   */
  public long grandTotal() {
    return grandTotal;
  }

  /**
   * Whether the grand total had to be hidden too (only when the top level has a single organisation whose count is
   * hidden).
   *
   * @return true when hidden
   */
  public boolean isGrandTotalHidden() {
    return grandTotalHidden;
  }

  /**
   * The number of hidden counts by reason.
   *
   * @param reason the reason
   * @return how many units
   */
  public int count(Reason reason) {
    int n = 0;
    for (Reason r : reasons) {
      if (r == reason) {
        n++;
      }
    }
    return n;
  }

  /**
   * The rule applied, in words.
   *
   * @return the rule
   */
  public String rule() {
    return rule;
  }

  @Override
  public String toString() {
    return "SuppressedCounts[" + hierarchy + ", " + count(Reason.PRIMARY) + " primary, " + count(Reason.COMPLEMENTARY)
        + " complementary, " + count(Reason.BASE) + " by base]";
  }
}
