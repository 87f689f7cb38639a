package dev.insight.stats.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.insight.stats.design.Filter;
import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Category;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.MultiResponseVariable;
import dev.insight.core.data.NumericVariable;
import dev.insight.stats.GoldenFiles;
import dev.insight.stats.design.SurveyDesign;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

class EstimatorTest {
  private static Dataset six() {
    MultiResponseVariable.Builder topics = MultiResponseVariable.builder("topics", null,
        List.of(Category.of("a"), Category.of("b")));
    topics.add(0).add(0, 1).add(1).add().addMissing().add(0);
    return Dataset.builder(List.of("r1", "r2", "r3", "r4", "r5", "r6"))
        .add(CategoricalVariable.of("g", null, List.of(Category.of("x"), Category.of("y")),
            new int[] {0, 0, 0, 1, 1, 1}))
        .add(NumericVariable.of("yes", null, new double[] {1, 0, 1, 1, 0, Double.NaN}))
        .add(NumericVariable.of("zero", null, new double[] {0, 0, 0, 0, 0, 0}))
        .add(NumericVariable.of("score", null, new double[] {1, 2, 3, 4, 5, 6}))
        .add(topics.build())
        .build();
  }

  private static SurveyDesign design() {
    return SurveyDesign.builder(six()).weights(new double[] {1, 2, 1, 2, 1, 2}).build();
  }

  @Test
  void proportion_missingValuesLeaveTheBase() {
    Estimate e = Estimator.of(design()).proportion("yes", Filter.all());
    assertThat(e.unweightedN()).isEqualTo(5);
    assertThat(e.weightedBase()).isEqualTo(7);
    assertThat(e.value()).isCloseTo(4.0 / 7, within(1e-15));
    assertThat(e.effectiveBase()).isCloseTo(49.0 / 11, within(1e-12));
  }

  @Test
  void wald_isTheEstimatePlusOrMinusTTimesSe() {
    Estimate e = Estimator.of(design()).withInterval(IntervalMethod.WALD).withLevel(0.9).mean("score",
        Filter.category("g", "y"));
    double t = new TDistribution(e.degreesOfFreedom()).inverseCumulativeProbability(0.95);
    assertThat(e.degreesOfFreedom()).isEqualTo(2);
    assertThat(e.interval().low()).isCloseTo(e.value() - t * e.standardError(), within(1e-9));
    assertThat(e.interval().high()).isCloseTo(e.value() + t * e.standardError(), within(1e-9));
    assertThat(e.interval().level()).isEqualTo(0.9);
  }

  @Test
  void proportionOfZero_fallsBackToWilsonOnTheEffectiveBase() {
    Estimate e = Estimator.of(design()).withInterval(IntervalMethod.BETA).proportion("zero", Filter.all());
    assertThat(e.value()).isZero();
    assertThat(e.standardError()).isZero();
    double n = e.effectiveBase();
    double z2 = 1.959963984540054 * 1.959963984540054;
    assertThat(e.interval().low()).isZero();
    assertThat(e.interval().high()).isCloseTo(z2 / n / (1 + z2 / n), within(1e-12));
  }

  @Test
  void proportion_ofAMultipleResponseOption_amongThoseWhoAnswered() {
    Estimate e = Estimator.of(design()).proportion("topics", "a", Filter.all());
    // answered: r1 r2 r3 r4 r6 (weights 1 2 1 2 2 = 8); chose a: r1 r2 r6 (1 + 2 + 2 = 5)
    assertThat(e.value()).isCloseTo(5.0 / 8, within(1e-15));
    assertThat(e.unweightedN()).isEqualTo(5);
  }

  @Test
  void emptyDomain_givesNanWithZeroBaseInsteadOfFailing() {
    Estimate e = Estimator.of(design()).proportion("yes", Filter.category("score", "6"));
    assertThat(e.unweightedN()).isZero();
    assertThat(e.value()).isNaN();
    assertThat(e.interval().low()).isNaN();
  }

  @Test
  void badRequests_nameTheVariableAndValue() {
    Estimator estimator = Estimator.of(design());
    assertThatThrownBy(() -> estimator.proportion("score", Filter.all()))
        .hasMessage("a proportion of score needs 0/1 values but respondent r2 (row 2) has 2.0; use a categorical "
            + "variable with a category instead");
    assertThatThrownBy(() -> estimator.mean("score", Filter.category("g", "z")))
        .hasMessage("filter: variable g has no category z; it has [x, y]");
    assertThatThrownBy(() -> estimator.proportion("g", "z", Filter.all()))
        .hasMessage("variable g has no category z; its categories are [x, y]");
  }

  @Test
  void domain_keepsTheWholeDesign_unlikeASeparateSample() {
    SurveyDesign dclus1 = SurveyDesign.builder(GoldenFiles.api("apiclus1.csv")).weights("pw").cluster("dnum")
        .fpc("fpc").build();
    Estimate domain = Estimator.of(dclus1).total("enroll", Filter.category("stype", "H"));
    Estimate whole = Estimator.of(dclus1).total("enroll", Filter.all());
    assertThat(domain.value()).isLessThan(whole.value());
    // 15 PSUs, one stratum; PSUs with a high school in the sample
    assertThat(whole.degreesOfFreedom()).isEqualTo(14);
    assertThat(domain.degreesOfFreedom()).isLessThan(14);
    List<Estimate> by = Estimator.of(dclus1).byCategory("stype", d -> Estimator.of(dclus1).mean("api00", d));
    assertThat(by).extracting(e -> e.subgroup().toString()).containsExactly("(everyone)", "stype = E", "stype = H", "stype = M");
  }
}
