package dev.insight.stats.disclosure;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Primary and complementary suppression for counts published at every level of an organisation {@link Hierarchy}
 * (ward, site, trust, region and the grand total).
 *
 * <p><b>The rule.</b> A count from 1 to the limit is hidden (primary suppression). Then, as every organisation's
 * count is the sum of its children's and the grand total the sum of the top level's, each such sum is an equation
 * a reader can solve: for every equation (an organisation and its children; the grand total and the top level) in
 * which exactly one count is hidden, one more count of the same equation is hidden (complementary suppression),
 * until no equation has exactly one hidden count. The extra count is chosen, in this order: the smallest non-zero
 * published child (ties by code); else the parent when it is non-zero and not the grand total; else a published
 * child of count 0 (by code); else the parent; else, as a last resort, the grand total. Equations are visited from
 * the bottom level up and, within a level, in code order, repeated until nothing changes, so the same counts give
 * the same pattern on every run whatever order the data came in.
 *
 * <p><b>Why no hidden count can be recovered.</b> Take the hidden counts as the edges of a graph whose nodes are
 * the equations: a count joins the equation of its parent and its own equation (a bottom-level count and the grand
 * total belong to one equation only: call those edges open). The equations of a hierarchy form a tree, so does
 * the graph. A hidden count is determined by the published figures exactly when, on one side of it, the hidden
 * counts reach no open edge (adding up the equations on that side then gives it). At the end every equation holds
 * no hidden count or at least two, so on either side of any hidden count a walk along hidden counts can always go
 * on, and in a finite tree it must end at an open edge: no combination of the published sums, at one level or
 * across levels, gives back a hidden count. Tests check this with an auditor that solves the equations exactly.
 *
 * <p><b>Shares.</b> A share {@code m / n} (for example, the share rating a service good) published with its base
 * {@code n} gives away {@code m} and {@code n - m}. {@link #shares} hides a share where its base is hidden, where
 * {@code m} or {@code n - m} is from 1 to the limit, and then closes the numerators' equations the same way.
 *
 * <p>What it does not do: it does not round (as the NHS rule's rounding to 5 does for single tables), and it does
 * not protect a hidden count's range (a reader still knows each hidden count lies between 0 and the smallest hidden
 * total that contains it).
 *
 * <p>Immutable and thread-safe.
 */
public final class HierarchicalSuppression {
  private final int limit;

  private HierarchicalSuppression(int limit) {
    this.limit = limit;
  }

  /**
   * Suppression of counts from 1 to {@code minimum - 1}.
   *
   * @param minimum the smallest count shown; at least 2
   * @return the procedure
   */
  public static HierarchicalSuppression belowMinimum(int minimum) {
    checkArgument(minimum >= 2, "the smallest count shown must be at least 2: %s", minimum);
    return new HierarchicalSuppression(minimum - 1);
  }

  /**
   * The largest count hidden by primary suppression.
   *
   * @return the limit
   */
  public int limit() {
    return limit;
  }

  /**
   * The rule in words, for the notes of a publication.
   *
   * @return one sentence
   */
  public String rule() {
    return String.format(Locale.ROOT, "Counts of 1 to %d are hidden at every level; further counts are hidden so "
        + "that no hidden count can be worked out from the published totals of its siblings, its parent or any "
        + "other level (complementary suppression: the smallest non-zero sibling first, ties by code); a share is "
        + "hidden where its base is hidden or where the responses in it or outside it number 1 to %d.", limit,
        limit);
  }

  /**
   * Suppresses counts given for the bottom level; every other level's count is the sum of its children's.
   *
   * @param hierarchy the organisations
   * @param bottomCounts the count of each bottom-level organisation by code; an organisation not given counts 0
   * @return the counts at every level with their suppression
   * @throws IllegalArgumentException when a code is not a bottom-level organisation or a count is negative
   */
  public SuppressedCounts counts(Hierarchy hierarchy, Map<String, Long> bottomCounts) {
    long[] values = totals(hierarchy, bottomCounts, "count");
    boolean[] hidden = new boolean[values.length];
    SuppressedCounts.Reason[] reasons = new SuppressedCounts.Reason[values.length];
    for (int u = 0; u < values.length; u++) {
      hidden[u] = values[u] >= 1 && values[u] <= limit;
      reasons[u] = hidden[u] ? SuppressedCounts.Reason.PRIMARY : SuppressedCounts.Reason.SHOWN;
    }
    return close(hierarchy, values, hidden, reasons);
  }

  /**
   * Suppresses shares {@code m / n}: the numerators {@code m} are given for the bottom level, the bases {@code n}
   * are the counts already suppressed by {@link #counts}.
   *
   * @param bases the suppressed bases
   * @param bottomNumerators the numerator of each bottom-level organisation by code (0 when not given), at most
   *     its base
   * @return the numerators at every level; a share is published where its numerator is not hidden
   * @throws IllegalArgumentException when a code is unknown or a numerator is negative or above its base
   */
  public SuppressedCounts shares(SuppressedCounts bases, Map<String, Long> bottomNumerators) {
    Hierarchy hierarchy = bases.hierarchy();
    long[] values = totals(hierarchy, bottomNumerators, "numerator");
    boolean[] hidden = new boolean[values.length];
    SuppressedCounts.Reason[] reasons = new SuppressedCounts.Reason[values.length];
    // bottom level first, so a numerator above its base is reported where it was given
    for (int u = values.length - 1; u >= 0; u--) {
      long base = bases.value(u);
      checkArgument(values[u] <= base, "%s %s: numerator %s above its base %s", hierarchy.levels()
          .get(hierarchy.level(u)), hierarchy.code(u), values[u], base);
      long rest = base - values[u];
      if (bases.isHidden(u)) {
        hidden[u] = true;
        reasons[u] = SuppressedCounts.Reason.BASE;
      } else if ((values[u] >= 1 && values[u] <= limit) || (rest >= 1 && rest <= limit)) {
        hidden[u] = true;
        reasons[u] = SuppressedCounts.Reason.PRIMARY;
      } else {
        reasons[u] = SuppressedCounts.Reason.SHOWN;
      }
    }
    return close(hierarchy, values, hidden, reasons);
  }

  private static long[] totals(Hierarchy hierarchy, Map<String, Long> bottom, String what) {
    checkNotNull(hierarchy, "hierarchy");
    int last = hierarchy.levels().size() - 1;
    long[] values = new long[hierarchy.size()];
    for (Map.Entry<String, Long> entry : bottom.entrySet()) {
      OptionalInt u = hierarchy.unit(last, entry.getKey());
      checkArgument(u.isPresent(), "%s for %s %s, which is not in the hierarchy", what, hierarchy.levels().get(last),
          entry.getKey());
      long value = checkNotNull(entry.getValue(), "value");
      checkArgument(value >= 0, "%s %s: %s %s is negative", hierarchy.levels().get(last), entry.getKey(), what,
          value);
      values[u.getAsInt()] = value;
    }
    // units are numbered top-down, so children come after their parents: add up from the end
    for (int u = values.length - 1; u >= 0; u--) {
      int parent = hierarchy.parentOrMinusOne(u);
      if (parent >= 0) {
        values[parent] = Math.addExact(values[parent], values[u]);
      }
    }
    return values;
  }

  private SuppressedCounts close(Hierarchy hierarchy, long[] values, boolean[] hidden,
      SuppressedCounts.Reason[] reasons) {
    int levels = hierarchy.levels().size();
    int[] top = hierarchy.unitsOf(0);
    int[] topUnits = new int[top[1] - top[0]];
    long grandTotal = 0;
    for (int k = 0; k < topUnits.length; k++) {
      topUnits[k] = top[0] + k;
      grandTotal += values[top[0] + k];
    }
    boolean grandHidden = false;
    boolean changed = true;
    while (changed) {
      changed = false;
      // equations from the bottom up: the parents of the bottom level first, the grand total's last
      for (int l = levels - 2; l >= -1; l--) {
        int from = l < 0 ? 0 : hierarchy.unitsOf(l)[0];
        int to = l < 0 ? 1 : hierarchy.unitsOf(l)[1];
        for (int p = from; p < to; p++) {
          int[] kids = l < 0 ? topUnits : hierarchy.childrenView(p);
          boolean parentHidden = l < 0 ? grandHidden : hidden[p];
          int hiddenCount = parentHidden ? 1 : 0;
          for (int c : kids) {
            if (hidden[c]) {
              hiddenCount++;
            }
          }
          if (hiddenCount != 1) {
            continue;
          }
          int pick = pick(hierarchy, values, hidden, kids, l < 0 ? -1 : p);
          if (pick >= 0) {
            hidden[pick] = true;
            reasons[pick] = SuppressedCounts.Reason.COMPLEMENTARY;
          } else {
            grandHidden = true;
          }
          changed = true;
        }
      }
    }
    return new SuppressedCounts(hierarchy, values, hidden, reasons, grandTotal, grandHidden, rule());
  }

  /** The count to hide next in an equation with one hidden count; -1 for the grand total. */
  private static int pick(Hierarchy hierarchy, long[] values, boolean[] hidden, int[] kids, int parent) {
    int best = -1;
    for (int c : kids) {
      if (!hidden[c] && values[c] > 0 && (best < 0 || values[c] < values[best]
          || (values[c] == values[best] && hierarchy.code(c).compareTo(hierarchy.code(best)) < 0))) {
        best = c;
      }
    }
    if (best >= 0) {
      return best;
    }
    if (parent >= 0 && !hidden[parent] && values[parent] > 0) {
      return parent;
    }
    // children are in code order: the first published one
    for (int c : kids) {
      if (!hidden[c]) {
        return c;
      }
    }
    return parent >= 0 && !hidden[parent] ? parent : -1;
  }

  @Override
  public String toString() {
    return "HierarchicalSuppression[counts 1 to " + limit + "]";
  }
}
