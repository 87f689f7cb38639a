package dev.insight.stats.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class HierarchicalSuppressionTest {
  private static final List<String> LEVELS = List.of("ICB", "trust", "site", "ward");

  /** A random organisation tree and bottom-level counts, many of them small. */
  private record Case(List<List<String>> paths, Map<String, Long> counts, Map<String, Long> numerators, int minimum) {}

  private static Case randomCase(long seed) {
    Random random = new Random(seed);
    List<List<String>> paths = new ArrayList<>();
    Map<String, Long> counts = new LinkedHashMap<>();
    Map<String, Long> numerators = new LinkedHashMap<>();
    int icbs = 1 + random.nextInt(3);
    for (int i = 0; i < icbs; i++) {
      int trusts = 1 + random.nextInt(3);
      for (int t = 0; t < trusts; t++) {
        int sites = 1 + random.nextInt(3);
        for (int s = 0; s < sites; s++) {
          int wards = 1 + random.nextInt(4);
          for (int w = 0; w < wards; w++) {
            String ward = "W" + i + t + s + w;
            paths.add(List.of("I" + i, "T" + i + t, "S" + i + t + s, ward));
            // a mix of zeros, small counts and large ones
            long count = switch (random.nextInt(4)) {
              case 0 -> 0;
              case 1 -> 1 + random.nextInt(6);
              case 2 -> random.nextInt(15);
              default -> 5 + random.nextInt(60);
            };
            counts.put(ward, count);
            numerators.put(ward, count == 0 ? 0 : (long) random.nextInt((int) count + 1));
          }
        }
      }
    }
    return new Case(paths, counts, numerators, 2 + random.nextInt(9));
  }

  static List<Long> seeds() {
    List<Long> seeds = new ArrayList<>();
    for (long s = 1; s <= 300; s++) {
      seeds.add(s);
    }
    return seeds;
  }

  private static Hierarchy hierarchy(List<List<String>> paths) {
    Hierarchy.Builder builder = Hierarchy.builder(LEVELS);
    paths.forEach(builder::add);
    return builder.build();
  }

  /** The attacker's equations for one additive count: every parent's and the grand total's sum. */
  private static DisclosureAuditor countAuditor(SuppressedCounts counts, int[] unknownOf, int grandUnknown,
      int unknowns) {
    Hierarchy h = counts.hierarchy();
    DisclosureAuditor auditor = new DisclosureAuditor(unknowns);
    addCountEquations(h, auditor, unknowns, unknownOf, grandUnknown);
    return auditor;
  }

  private static void addCountEquations(Hierarchy h, DisclosureAuditor auditor, int unknowns, int[] unknownOf,
      int grandUnknown) {
    for (int p = 0; p < h.size(); p++) {
      if (h.children(p).length == 0) {
        continue;
      }
      int[] eq = new int[unknowns];
      if (unknownOf[p] >= 0) {
        eq[unknownOf[p]] += 1;
      }
      for (int c : h.children(p)) {
        if (unknownOf[c] >= 0) {
          eq[unknownOf[c]] -= 1;
        }
      }
      auditor.equation(eq);
    }
    int[] top = h.unitsOf(0);
    int[] eq = new int[unknowns];
    if (grandUnknown >= 0) {
      eq[grandUnknown] += 1;
    }
    for (int u = top[0]; u < top[1]; u++) {
      if (unknownOf[u] >= 0) {
        eq[unknownOf[u]] -= 1;
      }
    }
    auditor.equation(eq);
  }

  private static int[] numberHidden(SuppressedCounts counts, int offset) {
    int[] unknownOf = new int[counts.hierarchy().size()];
    int next = offset;
    for (int u = 0; u < unknownOf.length; u++) {
      unknownOf[u] = counts.isHidden(u) ? next++ : -1;
    }
    return unknownOf;
  }

  private static int hiddenCount(SuppressedCounts counts) {
    int n = 0;
    for (int u = 0; u < counts.hierarchy().size(); u++) {
      n += counts.isHidden(u) ? 1 : 0;
    }
    return n;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void counts_randomTree_noHiddenCountRecoverableBySubstitutionOrAlgebra(long seed) {
    Case c = randomCase(seed);
    SuppressedCounts counts = HierarchicalSuppression.belowMinimum(c.minimum()).counts(hierarchy(c.paths()),
        c.counts());
    int[] unknownOf = numberHidden(counts, 0);
    int unknowns = hiddenCount(counts) + (counts.isGrandTotalHidden() ? 1 : 0);
    int grand = counts.isGrandTotalHidden() ? unknowns - 1 : -1;
    DisclosureAuditor auditor = countAuditor(counts, unknownOf, grand, unknowns);

    assertThat(auditor.recoveredBySubstitution().cardinality()).as("seed %s", seed).isZero();
    assertThat(auditor.recoveredByAlgebra().cardinality()).as("seed %s", seed).isZero();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void counts_randomTree_everySmallCountHiddenAndEveryShownCountTrue(long seed) {
    Case c = randomCase(seed);
    Hierarchy h = hierarchy(c.paths());
    SuppressedCounts counts = HierarchicalSuppression.belowMinimum(c.minimum()).counts(h, c.counts());
    long[] expected = new long[h.size()];
    int[] bottom = h.unitsOf(LEVELS.size() - 1);
    for (int u = bottom[0]; u < bottom[1]; u++) {
      long value = c.counts().get(h.code(u));
      for (int a = u; a >= 0; a = h.parent(a).orElse(-1)) {
        expected[a] += value;
      }
    }
    for (int u = 0; u < h.size(); u++) {
      assertThat(counts.value(u)).isEqualTo(expected[u]);
      if (expected[u] >= 1 && expected[u] < c.minimum()) {
        assertThat(counts.reason(u)).as("seed %s unit %s", seed, h.code(u)).isEqualTo(SuppressedCounts.Reason.PRIMARY);
      } else if (!counts.isHidden(u)) {
        assertThat(counts.published(u)).hasValue(expected[u]);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void shares_randomTree_noHiddenNumeratorBaseOrRestRecoverable(long seed) {
    Case c = randomCase(seed);
    HierarchicalSuppression rule = HierarchicalSuppression.belowMinimum(c.minimum());
    SuppressedCounts bases = rule.counts(hierarchy(c.paths()), c.counts());
    SuppressedCounts shares = rule.shares(bases, c.numerators());
    Hierarchy h = bases.hierarchy();
    // unknowns: hidden bases n, hidden numerators m, and the rest r = n - m wherever m is hidden
    int[] n = numberHidden(bases, 0);
    int next = hiddenCount(bases);
    int[] m = numberHidden(shares, next);
    next += hiddenCount(shares);
    int[] r = new int[h.size()];
    for (int u = 0; u < h.size(); u++) {
      r[u] = shares.isHidden(u) ? next++ : -1;
    }
    int grandN = bases.isGrandTotalHidden() ? next++ : -1;
    int grandM = shares.isGrandTotalHidden() ? next++ : -1;
    int grandR = shares.isGrandTotalHidden() ? next++ : -1;
    int unknowns = next;
    DisclosureAuditor auditor = new DisclosureAuditor(unknowns);
    addCountEquations(h, auditor, unknowns, n, grandN);
    addCountEquations(h, auditor, unknowns, m, grandM);
    addCountEquations(h, auditor, unknowns, r, grandR);
    for (int u = 0; u < h.size(); u++) {
      int[] eq = new int[unknowns];
      if (n[u] >= 0) {
        eq[n[u]] += 1;
      }
      if (m[u] >= 0) {
        eq[m[u]] -= 1;
      }
      if (r[u] >= 0) {
        eq[r[u]] -= 1;
      }
      auditor.equation(eq);
    }
    assertThat(shares.hierarchy()).isSameAs(h);
    for (int u = 0; u < h.size(); u++) {
      if (bases.isHidden(u)) {
        assertThat(shares.isHidden(u)).as("a share with a hidden base").isTrue();
      }
      long rest = bases.value(u) - shares.value(u);
      if ((shares.value(u) >= 1 && shares.value(u) < c.minimum()) || (rest >= 1 && rest < c.minimum())) {
        assertThat(shares.isHidden(u)).as("seed %s unit %s", seed, h.code(u)).isTrue();
      }
    }
    assertThat(auditor.recoveredBySubstitution().cardinality()).as("seed %s", seed).isZero();
    assertThat(auditor.recoveredByAlgebra().cardinality()).as("seed %s", seed).isZero();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void counts_pathsAndCountsInAnyOrder_samePattern(long seed) {
    Case c = randomCase(seed);
    HierarchicalSuppression rule = HierarchicalSuppression.belowMinimum(c.minimum());
    SuppressedCounts first = rule.counts(hierarchy(c.paths()), c.counts());
    List<List<String>> shuffled = new ArrayList<>(c.paths());
    Collections.shuffle(shuffled, new Random(seed * 31));
    List<Map.Entry<String, Long>> entries = new ArrayList<>(c.counts().entrySet());
    Collections.shuffle(entries, new Random(seed * 17));
    Map<String, Long> reordered = new LinkedHashMap<>();
    entries.forEach(e -> reordered.put(e.getKey(), e.getValue()));
    SuppressedCounts second = rule.counts(hierarchy(shuffled), reordered);
    for (int u = 0; u < first.hierarchy().size(); u++) {
      assertThat(second.hierarchy().code(u)).isEqualTo(first.hierarchy().code(u));
      assertThat(second.reason(u)).isEqualTo(first.reason(u));
    }
  }

  @Test
  void counts_smallWardWithLargerSiblings_smallestNonZeroSiblingHiddenTiesByCode() {
    Hierarchy h = Hierarchy.builder(List.of("trust", "ward"))
        .add("T1", "W3").add("T1", "W1").add("T1", "W2").add("T1", "W4")
        .add("T2", "W5").add("T2", "W6").build();
    Map<String, Long> counts = new HashMap<>(Map.of("W1", 3L, "W2", 40L, "W3", 12L, "W4", 12L, "W5", 30L,
        "W6", 30L));
    SuppressedCounts s = HierarchicalSuppression.belowMinimum(10).counts(h, counts);

    assertThat(s.reason(h.unit(1, "W1").getAsInt())).isEqualTo(SuppressedCounts.Reason.PRIMARY);
    // W3 and W4 both count 12: the tie goes to the first code
    assertThat(s.reason(h.unit(1, "W3").getAsInt())).isEqualTo(SuppressedCounts.Reason.COMPLEMENTARY);
    assertThat(s.isHidden(h.unit(1, "W4").getAsInt())).isFalse();
    assertThat(s.published(h.unit(0, "T1").getAsInt())).hasValue(67);
    assertThat(s.grandTotal()).isEqualTo(127);
    assertThat(s.rule()).startsWith("Counts of 1 to 9 are hidden at every level");
  }

  @Test
  void counts_smallTrustAmongLargeOnes_theSmallerSiblingTrustAndOneOfItsWardsHiddenToo() {
    // T1 = 5 is small; once a sibling trust is hidden, its own wards must hide one more, level by level
    Hierarchy h = Hierarchy.builder(List.of("trust", "ward"))
        .add("T1", "W1").add("T1", "W2").add("T2", "W3").add("T2", "W4").add("T3", "W5").build();
    SuppressedCounts s = HierarchicalSuppression.belowMinimum(8).counts(h,
        Map.of("W1", 2L, "W2", 3L, "W3", 20L, "W4", 30L, "W5", 90L));

    assertThat(s.reason(h.unit(0, "T1").getAsInt())).isEqualTo(SuppressedCounts.Reason.PRIMARY);
    assertThat(s.reason(h.unit(0, "T2").getAsInt())).isEqualTo(SuppressedCounts.Reason.COMPLEMENTARY);
    assertThat(s.reason(h.unit(1, "W3").getAsInt())).isEqualTo(SuppressedCounts.Reason.COMPLEMENTARY);
    assertThat(s.isHidden(h.unit(1, "W4").getAsInt())).isFalse();
    assertThat(s.isHidden(h.unit(0, "T3").getAsInt())).isFalse();
  }

  @Test
  void counts_parentOfASingleWardHidden_theWardHiddenToo() {
    Hierarchy h = Hierarchy.builder(List.of("site", "ward")).add("S1", "W1").add("S1", "W2").add("S2", "W3")
        .add("S3", "W4").build();
    // W1 is small, W2 is hidden to protect it, so S1 = W1 + W2 is fine; S2 = W3 large; nothing else
    SuppressedCounts s = HierarchicalSuppression.belowMinimum(5).counts(h,
        Map.of("W1", 1L, "W2", 50L, "W3", 60L, "W4", 70L));
    assertThat(s.isHidden(h.unit(1, "W2").getAsInt())).isTrue();
    assertThat(s.isHidden(h.unit(0, "S1").getAsInt())).isFalse();

    // a small site with one ward: both primary; the smaller other site (S3, 70 < 80) is hidden to protect it, and
    // S3's only ward with it, as it would give S3 away
    SuppressedCounts t = HierarchicalSuppression.belowMinimum(5).counts(h,
        Map.of("W1", 30L, "W2", 50L, "W3", 3L, "W4", 70L));
    assertThat(t.reason(h.unit(0, "S2").getAsInt())).isEqualTo(SuppressedCounts.Reason.PRIMARY);
    assertThat(t.reason(h.unit(1, "W3").getAsInt())).isEqualTo(SuppressedCounts.Reason.PRIMARY);
    assertThat(t.reason(h.unit(0, "S3").getAsInt())).isEqualTo(SuppressedCounts.Reason.COMPLEMENTARY);
    assertThat(t.reason(h.unit(1, "W4").getAsInt())).isEqualTo(SuppressedCounts.Reason.COMPLEMENTARY);
    assertThat(t.isHidden(h.unit(0, "S1").getAsInt())).isFalse();
  }

  @Test
  void shares_allButOneGood_shareHiddenAsItGivesAwayTheOne() {
    Hierarchy h = Hierarchy.builder(List.of("site", "ward")).add("S1", "W1").add("S1", "W2").build();
    HierarchicalSuppression rule = HierarchicalSuppression.belowMinimum(5);
    SuppressedCounts bases = rule.counts(h, Map.of("W1", 40L, "W2", 50L));
    SuppressedCounts shares = rule.shares(bases, Map.of("W1", 39L, "W2", 25L));
    assertThat(shares.reason(h.unit(1, "W1").getAsInt())).isEqualTo(SuppressedCounts.Reason.PRIMARY);
    assertThat(shares.reason(h.unit(1, "W2").getAsInt())).isEqualTo(SuppressedCounts.Reason.COMPLEMENTARY);
    assertThat(shares.isHidden(h.unit(0, "S1").getAsInt())).isFalse();
  }

  @Test
  void build_wardUnderTwoSites_failsNamingTheWardAndBothSites() {
    Hierarchy.Builder builder = Hierarchy.builder(LEVELS).add("I1", "T1", "S1", "W1").add("I1", "T1", "S2", "W1")
        .add("I1", "T2", "S3", "W2");
    assertThatThrownBy(builder::build).isInstanceOf(NotATreeException.class)
        .hasMessage("the organisations do not form a tree: ward W1 is under site S1 and S2");
  }

  @Test
  void add_blankCode_failsNamingTheLevel() {
    assertThatThrownBy(() -> Hierarchy.builder(LEVELS).add("I1", "T1", " ", "W1"))
        .hasMessage("path [I1, T1,  , W1]: the site code is blank");
  }

  @Test
  void counts_unknownWardOrNegativeCount_fails() {
    Hierarchy h = Hierarchy.builder(List.of("site", "ward")).add("S1", "W1").build();
    HierarchicalSuppression rule = HierarchicalSuppression.belowMinimum(5);
    assertThatThrownBy(() -> rule.counts(h, Map.of("W9", 3L)))
        .hasMessage("count for ward W9, which is not in the hierarchy");
    assertThatThrownBy(() -> rule.counts(h, Map.of("W1", -3L))).hasMessage("ward W1: count -3 is negative");
    SuppressedCounts bases = rule.counts(h, Map.of("W1", 10L));
    assertThatThrownBy(() -> rule.shares(bases, Map.of("W1", 11L)))
        .hasMessage("ward W1: numerator 11 above its base 10");
  }

  @Test
  void auditor_recoversACountLeftAloneInItsEquation() {
    // the auditor must be able to fail: one hidden ward among published siblings and a published parent
    DisclosureAuditor auditor = new DisclosureAuditor(1);
    auditor.equation(new int[] {-1});
    assertThat(auditor.recoveredBySubstitution().get(0)).isTrue();
    assertThat(auditor.recoveredByAlgebra().get(0)).isTrue();
    // two cycles joined by one count: no equation has a single unknown, yet algebra recovers the bridge
    DisclosureAuditor bridge = new DisclosureAuditor(7);
    bridge.equation(new int[] {1, 1, 0, 0, 0, 0, 0});
    bridge.equation(new int[] {1, 1, 1, 0, 0, 0, 0});
    bridge.equation(new int[] {0, 0, 1, 1, 1, 0, 0});
    bridge.equation(new int[] {0, 0, 0, 1, 1, 0, 0});
    BitSet byAlgebra = bridge.recoveredByAlgebra();
    assertThat(bridge.recoveredBySubstitution().cardinality()).isZero();
    assertThat(byAlgebra.get(2)).isTrue();
  }
}
