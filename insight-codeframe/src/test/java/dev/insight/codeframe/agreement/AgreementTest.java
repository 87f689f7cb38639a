package dev.insight.codeframe.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.Provenance;
import dev.insight.codeframe.coding.UnitId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgreementTest {
  private static final int M = Krippendorff.MISSING;

  /**
   * Krippendorff (2011), "Computing Krippendorff's alpha-reliability", example C: 4 observers, 12 units, nominal
   * values 1..5 with missing values; published alpha = 0.743 (three decimals, hence the tolerance of half a unit in
   * the last place).
   */
  @Test
  void nominalAlpha_krippendorffWorkedExampleWithMissingValues_is0743() {
    int[][] data = {
        {1, 1, M, 1}, {2, 2, 3, 2}, {3, 3, 3, 3}, {3, 3, 3, 3}, {2, 2, 2, 2}, {1, 2, 3, 4},
        {4, 4, 4, 4}, {1, 1, 2, 1}, {2, 2, 2, 2}, {M, 5, 5, 5}, {M, M, 1, 1}, {M, 3, M, M}};

    assertThat(Krippendorff.nominalAlpha(data)).isCloseTo(0.743, within(0.0005));
  }

  /** Krippendorff (2011), example A: two observers, binary data, 10 units; published alpha = 0.095. */
  @Test
  void nominalAlpha_krippendorffBinaryTwoObserverExample_is0095() {
    int[] a = {0, 1, 0, 0, 0, 0, 0, 0, 1, 0};
    int[] b = {1, 1, 1, 0, 0, 1, 0, 0, 0, 0};
    int[][] data = new int[10][];
    for (int u = 0; u < 10; u++) {
      data[u] = new int[] {a[u], b[u]};
    }

    assertThat(Krippendorff.nominalAlpha(data)).isCloseTo(0.095, within(0.0005));
  }

  @Test
  void nominalAlpha_noVariationOrNoPairableUnit_isNaN() {
    assertThat(Krippendorff.nominalAlpha(new int[][] {{1, 1}, {1, 1}})).isNaN();
    assertThat(Krippendorff.nominalAlpha(new int[][] {{1, M}, {M, 0}})).isNaN();
  }

  /** Cohen's kappa, hand-computed: 50 items, 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no: po 0.7, pe 0.5, kappa 0.4. */
  @Test
  void kappa_handComputedTable_is04() {
    assertThat(Agreement.kappa(20, 5, 10, 15)).isCloseTo(0.4, within(1e-12));
    assertThat(Agreement.kappa(0, 0, 0, 7)).isNaN();
  }

  private static Codeframe frame() {
    return Codeframe.builder("f").code("a", "A", null).code("b", "B", null).code("c", "C", null).build();
  }

  private static Coding coding(String coder, String... unitCodes) {
    Coding.Builder builder = Coding.builder(frame());
    Provenance provenance = new Provenance.Human(coder, Instant.EPOCH);
    for (String entry : unitCodes) {
      String[] parts = entry.split(":", -1);
      builder.unit(UnitId.of(parts[0]));
      for (String code : parts[1].split(",")) {
        if (!code.isEmpty()) {
          builder.assign(UnitId.of(parts[0]), CodeId.of(code), provenance);
        }
      }
    }
    return builder.build();
  }

  @Test
  void between_twoCoders_perCodeAndPooled_handComputed() {
    // code a: both u1,u2; only first u3; neither u4 -> po 3/4, p1 3/4, p2 2/4, pe 3/8+1/8 = 1/2, kappa 1/2
    Coding first = coding("ann", "u1:a", "u2:a,b", "u3:a", "u4:", "u5:c");
    Coding second = coding("bob", "u1:a", "u2:a,b", "u3:", "u4:", "u6:c");

    AgreementReport report = Agreement.between(first, second);

    assertThat(report.unitsCompared()).isEqualTo(4);
    assertThat(report.onlyFirst()).containsExactly(UnitId.of("u5"));
    assertThat(report.onlySecond()).containsExactly(UnitId.of("u6"));
    CodeAgreement a = report.codes().get(0);
    assertThat(List.of(a.both(), a.onlyFirst(), a.onlySecond(), a.neither())).containsExactly(2, 1, 0, 1);
    assertThat(a.percentAgreement()).isCloseTo(0.75, within(1e-12));
    assertThat(a.kappa()).isCloseTo(0.5, within(1e-12));
    CodeAgreement c = report.codes().get(2);
    assertThat(c.kappa()).as("nobody gave c on the common units").isNaN();
    // pooled: 12 decisions, 1 disagreement
    assertThat(report.percentAgreement()).isCloseTo(11.0 / 12, within(1e-12));
    assertThat(report.exactMatch()).isCloseTo(3.0 / 4, within(1e-12));
    // pooled table both 3, onlyFirst 1, onlySecond 0, neither 8: po 11/12, p1 4/12, p2 3/12,
    // pe = 1/12 + 6/12 = 7/12, kappa = (11/12 - 7/12) / (5/12) = 0.8
    assertThat(report.kappa()).isCloseTo(0.8, within(1e-12));
  }

  @Test
  void alpha_threeCodersWithMissingUnits_matchesDirectComputation() {
    Coding ann = coding("ann", "u1:a", "u2:a,b", "u3:a", "u4:");
    Coding bob = coding("bob", "u1:a", "u2:b", "u3:", "u5:a");
    Coding cat = coding("cat", "u1:a", "u2:a,b", "u5:a", "u6:b");

    AlphaReport report = Agreement.alpha(List.of(ann, bob, cat));

    // code a, units u1..u5 (u6 has one coder): u1 {1,1,1}, u2 {1,0,1}, u3 {1,0,-}, u4 {0,-,-} unpairable,
    // u5 {-,1,1}
    double expectedA = Krippendorff.nominalAlpha(new int[][] {{1, 1, 1}, {1, 0, 1}, {1, 0, M}, {0, M, M},
        {M, 1, 1}});
    assertThat(report.units()).isEqualTo(4);
    assertThat(report.perCode().get(CodeId.of("a"))).isCloseTo(expectedA, within(1e-12));
    // by hand: o(1,1) = 3*2/2 + 2*1/2... coincidences: u1 gives o11 += 3; u2 gives o11 += 1, o10 += 1, o01 += 1;
    // u3 gives o10 += 1, o01 += 1; u5 gives o11 += 2 -> o11 = 6, o10 = o01 = 2, o00 = 0; n1 = 8, n0 = 2, n = 10;
    // alpha = 1 - 9 * 4 / (2 * 8 * 2) = 1 - 36/32 = -0.125
    assertThat(expectedA).isCloseTo(-0.125, within(1e-12));
    assertThat(report.perCode().get(CodeId.of("c"))).isNaN();
  }

  @Test
  void againstReference_precisionRecallF1WithSupport_handComputed() {
    Coding reference = coding("gold", "u1:a", "u2:a,b", "u3:a", "u4:b", "u5:");
    Coding rules = coding("rules", "u1:a", "u2:b", "u3:", "u4:a,b", "u5:c");

    ReferenceReport report = Agreement.againstReference(reference, rules);

    CodeScore a = report.codes().get(0);
    // a: tp u1, fp u4, fn u2,u3 -> precision 1/2, recall 1/3, F1 = 2*(1/6)/(5/6) = 0.4
    assertThat(List.of(a.truePositives(), a.falsePositives(), a.falseNegatives(), a.support()))
        .containsExactly(1, 1, 2, 3);
    assertThat(a.precision()).isCloseTo(0.5, within(1e-12));
    assertThat(a.recall()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(a.f1()).isCloseTo(0.4, within(1e-12));
    CodeScore b = report.codes().get(1);
    assertThat(b.f1()).isCloseTo(1.0, within(1e-12));
    CodeScore c = report.codes().get(2);
    assertThat(c.support()).isZero();
    assertThat(c.recall()).isNaN();
    assertThat(c.f1()).isZero();
    // micro: tp 3, fp 2, fn 2 -> P 3/5, R 3/5, F1 0.6; macro over codes with support (a, b): (0.4 + 1) / 2
    assertThat(report.microF1()).isCloseTo(0.6, within(1e-12));
    assertThat(report.macroF1()).isCloseTo(0.7, within(1e-12));
  }

  @Test
  void between_differentFrames_failsNamingTheCodes() {
    Coding other = Coding.builder(Codeframe.builder("g").code("a", "A", null).code("z", "Z", null).build()).build();

    assertThatThrownBy(() -> Agreement.between(coding("ann"), other))
        .hasMessage("the codings use codeframes with different codes: only in the first [b, c], only in the second [z]");
  }
}
