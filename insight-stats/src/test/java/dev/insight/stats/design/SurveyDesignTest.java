package dev.insight.stats.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Category;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.NumericVariable;
import dev.insight.stats.GoldenFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

class SurveyDesignTest {
  private static Dataset four() {
    return Dataset.builder(List.of("a", "b", "c", "d"))
        .add(CategoricalVariable.of("s", null, List.of(Category.of("1"), Category.of("2")), new int[] {0, 0, 1, 1}))
        .add(NumericVariable.of("y", null, new double[] {1, 2, 3, 4}))
        .add(NumericVariable.of("f", null, new double[] {10, 10, 10, 20}))
        .build();
  }

  @Test
  void variance_simpleRandomSample_isTheTextbookVarianceOfATotal() {
    SurveyDesign design = SurveyDesign.builder(four()).build();
    // mean 2.5; z = (y - 2.5) / 4; var = n/(n-1) sum z^2 = 4/3 * 5/16 = s^2 / n with s^2 = 5/3
    double[] z = {-1.5 / 4, -0.5 / 4, 0.5 / 4, 1.5 / 4};
    assertThat(design.variance(z)).isCloseTo(5.0 / 3 / 4, within(1e-15));
    assertThat(design.degreesOfFreedom(new boolean[] {true, true, true, true})).isEqualTo(3);
  }

  @Test
  void fpc_asSamplingFractionOrPopulationSize_givesTheSameVariance() {
    Dataset api = GoldenFiles.api("apistrat.csv");
    NumericVariable fpc = api.numeric("fpc");
    CategoricalVariable stype = api.categorical("stype");
    int[] perStratum = stype.counts();
    double[] fraction = new double[api.rowCount()];
    for (int i = 0; i < fraction.length; i++) {
      fraction[i] = perStratum[stype.categoryIndex(i)] / fpc.valueAt(i);
    }
    Dataset withFraction = api.with(NumericVariable.of("fraction", null, fraction));
    SurveyDesign bySize = SurveyDesign.builder(withFraction).weights("pw").strata("stype").fpc("fpc").build();
    SurveyDesign byFraction = SurveyDesign.builder(withFraction).weights("pw").strata("stype").fpc("fraction")
        .build();
    double[] z = api.numeric("api00").copyValidValues();
    assertThat(byFraction.variance(z)).isCloseTo(bySize.variance(z), within(1e-6 * bySize.variance(z)));
  }

  @Test
  void fpc_varyingWithinAStratum_failsNamingStratumAndRespondent() {
    assertThatThrownBy(() -> SurveyDesign.builder(four()).strata("s").fpc("f").build())
        .hasMessage("fpc f differs within stratum 2: 10.0 and 20.0 (respondent d)");
  }

  @Test
  void stratumWithOnePsu_failsNamingTheStratum() {
    Dataset data = four().with(CategoricalVariable.of("s", null, List.of(Category.of("1"), Category.of("2")),
        new int[] {0, 0, 0, 1}));
    assertThatThrownBy(() -> SurveyDesign.builder(data).strata("s").build())
        .hasMessage("stratum 2 has only one primary sampling unit, so its variance cannot be estimated (choose a "
            + "lonely-PSU policy: remove, adjust, average or certainty)");
  }

  @Test
  void reweighted_remembersEveryStepAndLeavesZeroWeightsOutOfTheSample() {
    SurveyDesign design = SurveyDesign.builder(four()).build();
    SurveyDesign next = design.reweighted(new double[] {2, 2, 0, 4}, null, new DesignStep("custom", "test"));
    assertThat(next.history()).extracting(DesignStep::operation).containsExactly("design", "custom");
    assertThat(next.inSample(2)).isFalse();
    assertThat(next.degreesOfFreedom(new boolean[] {true, true, true, true})).isEqualTo(2);
    assertThat(design.weight(2)).isEqualTo(1);
    assertThatThrownBy(() -> design.reweighted(new double[] {1, 1, -1, 1}, null, new DesignStep("x", "")))
        .hasMessage("weight of respondent c is -1.0");
  }
}
