package dev.insight.stats.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Category;
import dev.insight.core.data.Dataset;
import dev.insight.stats.GoldenFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightingBadInputTest {
  /** Ten respondents: sex (m/f, with x unused) and region (n/s); row 9 has no region. */
  private static Dataset small() {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      ids.add("r" + i);
    }
    CategoricalVariable sex = CategoricalVariable.of("sex", null,
        List.of(Category.of("m"), Category.of("f"), Category.of("x")), new int[] {0, 0, 0, 1, 1, 1, 1, 0, 1, 0});
    CategoricalVariable region = CategoricalVariable.of("region", null,
        List.of(Category.of("n"), Category.of("s")), new int[] {0, 1, 0, 1, 0, 1, 0, 1, -1, 0});
    return Dataset.builder(ids).add(sex).add(region).build();
  }

  private static Map<String, Double> targets(Object... pairs) {
    Map<String, Double> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
    }
    return map;
  }

  private static final CategoricalVariable REGION_FULL = CategoricalVariable.of("region", null,
      List.of(Category.of("n"), Category.of("s")), new int[] {0, 1, 0, 1, 0, 1, 0, 1, 1, 0});
  private static final Margin SEX = Margin.counts("sex", targets("m", 50, "f", 50));
  private static final Margin REGION = Margin.counts("region", targets("n", 60, "s", 40));

  @Test
  void rake_targetCategoryWithNoRespondents_failsNamingTheCategory() {
    SurveyDesign design = SurveyDesign.builder(small()).build();
    Margin sex = Margin.counts("sex", targets("m", 40, "f", 40, "x", 20));
    assertThatThrownBy(() -> Raking.of(List.of(sex)).apply(design))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("target category x of sex has no respondents in the sample, so its target 20 can never be "
            + "reached");
  }

  @Test
  void rake_respondentInCategoryWithoutTarget_failsNamingVariableAndCategory() {
    SurveyDesign design = SurveyDesign.builder(small()).build();
    Margin sex = Margin.counts("sex", targets("m", 100));
    assertThatThrownBy(() -> Raking.of(List.of(sex)).apply(design))
        .hasMessage("category f of sex has 5 respondents (the first r4, row 4) but no target; add a target for it "
            + "or recode it");
  }

  @Test
  void rake_marginTotalsDisagree_failsNamingBothMargins() {
    SurveyDesign design = SurveyDesign.builder(small().without("region").with(REGION_FULL)).build();
    Margin region = Margin.counts("region", targets("n", 60, "s", 50));
    assertThatThrownBy(() -> Raking.of(List.of(SEX, region)).apply(design))
        .hasMessage("targets disagree on the population total: margin sex sums to 100 but margin region sums to 110");
  }

  @Test
  void rake_missingWeightingVariable_failsByDefaultNamingVariableAndRespondent() {
    SurveyDesign design = SurveyDesign.builder(small()).build();
    assertThatThrownBy(() -> Raking.of(List.of(SEX, REGION)).apply(design))
        .hasMessage("weighting variable region is missing for respondent r9 (row 9); choose the missing-value "
            + "policy EXCLUDE to leave such respondents out of the weighted sample");
  }

  @Test
  void rake_missingWithExcludePolicy_givesWeightZeroAndCountsIt() {
    SurveyDesign design = SurveyDesign.builder(small()).build();
    WeightingResult result = Raking.of(List.of(SEX, REGION)).withMissing(MissingPolicy.EXCLUDE).apply(design);
    assertThat(result.design().weight(8)).isZero();
    assertThat(result.design().inSample(8)).isFalse();
    assertThat(result.report().excluded()).isEqualTo(1);
    assertThat(result.report().respondents()).isEqualTo(9);
    assertThat(result.report().weightSum()).isCloseTo(100, within(1e-9));
  }

  @Test
  void design_negativeInfiniteOrNanStartingWeight_failsNamingRespondent() {
    Dataset data = small();
    double[] w = new double[10];
    java.util.Arrays.fill(w, 1);
    for (double bad : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
      w[3] = bad;
      assertThatThrownBy(() -> SurveyDesign.builder(data).weights(w).build())
          .hasMessage("weight of respondent r4 (row 4) is " + bad + ": weights must be finite and 0 or more (0 "
              + "leaves the respondent outside the sample)");
    }
  }

  @Test
  void design_zeroWeight_isOutsideTheSample_butEveryWeightZeroFails() {
    Dataset data = small();
    double[] w = new double[10];
    java.util.Arrays.fill(w, 1);
    w[3] = 0;
    SurveyDesign design = SurveyDesign.builder(data).weights(w).build();
    assertThat(design.inSample(3)).isFalse();
    boolean[] all = new boolean[10];
    java.util.Arrays.fill(all, true);
    assertThat(design.degreesOfFreedom(all)).isEqualTo(8);
    assertThatThrownBy(() -> SurveyDesign.builder(data).weights(new double[10]).build())
        .hasMessage("every weight is 0: the design has no respondent in the sample");
  }

  @Test
  void rake_iterationLimit_throwsTypedExceptionCarryingReport() {
    Dataset staff = GoldenFiles.staffSurvey();
    List<Margin> margins = GoldenFiles.staffMargins();
    SurveyDesign design = SurveyDesign.builder(staff).equalWeights(103000).build();
    assertThatThrownBy(() -> Raking.of(margins).withMaxIterations(2).apply(design))
        .isInstanceOfSatisfying(WeightingNotConvergedException.class, e -> {
          assertThat(e.report().converged()).isFalse();
          assertThat(e.report().iterations()).isEqualTo(2);
          assertThat(e.getMessage()).startsWith("raking on sector, area, age did not converge in 2 iterations: the "
              + "largest gap to a target is").contains(" at " + e.report().largestGapAt());
        });
    WeightingResult flagged = Raking.of(margins).withMaxIterations(2).allowingNonConvergence().apply(design);
    assertThat(flagged.report().converged()).isFalse();
    assertThat(flagged.design().history().get(1).detail()).contains("NOT converged");
  }

  @Test
  void linear_boundsThatCannotBeMet_throwTypedExceptionNamingTheWorstTotalAndTheWeightAtTheBounds() {
    Dataset staff = GoldenFiles.staffSurvey();
    List<Margin> margins = GoldenFiles.staffMargins().subList(0, 2);
    SurveyDesign design = SurveyDesign.builder(staff).equalWeights(103000).build();
    assertThatThrownBy(() -> ModelCalibration.toMargins(margins).withBounds(0.95, 1.05).apply(design))
        .isInstanceOfSatisfying(WeightingNotConvergedException.class, e -> {
          assertThat(e.report().converged()).isFalse();
          assertThat(e.getMessage()).startsWith("linear calibration to ~sector + area with g-weights in [0.95, 1.05] "
              + "did not meet the totals in 50 iterations: the largest misfit |total - achieved| / (1 + |total|) is ")
              .contains(", at sector=County council (total 14500, achieved ")
              .endsWith("% of the starting weight is at the lower bound and 50.6% at the upper: widen the bounds (or "
                  + "check the totals)");
        });
  }

  @Test
  void rake_proportionTargets_keepTheStartingTotal() {
    Dataset staff = GoldenFiles.staffSurvey();
    List<Margin> counts = GoldenFiles.staffMargins();
    List<Margin> proportions = new ArrayList<>();
    for (Margin m : counts) {
      Map<String, Double> p = new LinkedHashMap<>();
      m.targets().forEach((k, v) -> p.put(k, v / m.total()));
      proportions.add(Margin.proportions(m.variable(), p));
    }
    SurveyDesign start = SurveyDesign.builder(staff).build();
    SurveyDesign byCounts = Raking.of(counts).apply(start).design();
    SurveyDesign byShares = Raking.of(proportions).apply(start).design();
    for (int i = 0; i < staff.rowCount(); i++) {
      assertThat(byShares.weight(i) * 103000 / 759).isCloseTo(byCounts.weight(i), within(1e-6));
    }
  }

  @Test
  void margin_proportionsNotSummingToOne_failNamingTheMargin() {
    assertThatThrownBy(() -> Margin.proportions("sex", targets("m", 0.5, "f", 0.4)))
        .hasMessage("proportion targets of margin sex sum to 0.9, not 1");
  }

  @Test
  void postStratify_jointCellWithoutTarget_failsNamingTheCell() {
    SurveyDesign design = SurveyDesign.builder(small().without("region")).build();
    Map<List<String>, Double> cells = new LinkedHashMap<>();
    cells.put(List.of("m"), 50.0);
    PostStratification ps = PostStratification.joint(List.of("sex"), cells, TargetKind.COUNTS);
    assertThatThrownBy(() -> ps.apply(design)).hasMessage("respondent r4 (row 4) is in cell sex=f, which has no target");
  }

  @Test
  void postStratify_jointTable_meetsEveryCell() {
    Dataset data = small();
    double[] w = new double[10];
    java.util.Arrays.fill(w, 1);
    SurveyDesign design = SurveyDesign.builder(data).build();
    Map<List<String>, Double> cells = new LinkedHashMap<>();
    cells.put(List.of("m", "n"), 30.0);
    cells.put(List.of("m", "s"), 20.0);
    cells.put(List.of("f", "n"), 25.0);
    cells.put(List.of("f", "s"), 25.0);
    WeightingResult result = PostStratification.joint(List.of("sex", "region"), cells, TargetKind.COUNTS)
        .withMissing(MissingPolicy.EXCLUDE).apply(design);
    // m,n are rows 1, 3, 10: each 10
    assertThat(result.design().weight(0)).isCloseTo(10, within(1e-12));
    assertThat(result.design().weight(9)).isCloseTo(10, within(1e-12));
    assertThat(result.report().weightSum()).isCloseTo(100, within(1e-9));
  }

  @Test
  void trim_capsAndFloorsKeepingTheTotal() {
    Dataset staff = GoldenFiles.staffSurvey();
    SurveyDesign raked = Raking.of(GoldenFiles.staffMargins())
        .apply(SurveyDesign.builder(staff).equalWeights(103000).build()).design();
    WeightingResult trimmed = Trimming.between(100, 160).strict().apply(raked);
    assertThat(trimmed.report().minWeight()).isGreaterThanOrEqualTo(100 - 1e-9);
    assertThat(trimmed.report().maxWeight()).isLessThanOrEqualTo(160 + 1e-9);
    assertThat(trimmed.report().weightSum()).isCloseTo(103000, within(1e-6));
    assertThat(trimmed.design().calibrations()).hasSize(1);
    assertThatThrownBy(() -> Trimming.between(150, 160).strict().apply(raked))
        .hasMessageStartingWith("strict trimming to [150.0, 160.0] cannot hold 759 respondents with total weight");
  }

  @Test
  void report_efficiencyAndEffectiveBase_followKish() {
    SurveyDesign design = SurveyDesign.builder(small()).build();
    WeightingReport report = PostStratification.of(SEX).apply(design).report();
    // m has 5 respondents at 10, f has 5 at 10: equal weights, efficiency 100
    assertThat(report.efficiency()).isCloseTo(100, within(1e-9));
    assertThat(report.effectiveBase()).isCloseTo(10, within(1e-9));
    assertThat(report.designEffect()).isCloseTo(1, within(1e-12));
    WeightingReport skewed = PostStratification.of(Margin.counts("sex", targets("m", 80, "f", 20))).apply(design)
        .report();
    // weights 16 x5 and 4 x5: (100)^2 / (5*256 + 5*16) = 10000 / 1360
    assertThat(skewed.effectiveBase()).isCloseTo(10000.0 / 1360, within(1e-9));
    assertThat(skewed.maxToMinRatio()).isCloseTo(4, within(1e-12));
  }
}
