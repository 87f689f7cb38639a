package dev.insight.stats.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.insight.stats.design.SurveyDesign;
import dev.insight.core.csv.SurveyMapping;
import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.NumericVariable;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rao-Scott tests against R {@code svychisq}: 1e-6 relative (the golden files print 12 significant digits; the
 * linear algebra is exact up to rounding, so any disagreement beyond that is a definition error).
 */
class RaoScottGoldenTest {
  private static final double RELATIVE_PERCENT = 1e-4; // 1e-6 relative

  private static final List<String> PRIORITIES = List.of("pri_workforce", "pri_mental_health",
      "pri_healthy_weight", "pri_addiction", "pri_early_years", "pri_older_people", "pri_inequalities",
      "pri_housing", "pri_carers", "pri_prevention");

  private static Dataset staff() {
    SurveyMapping.Builder mapping = SurveyMapping.builder("id").categorical("sector");
    PRIORITIES.forEach(mapping::numeric);
    return Golden.read("staff_survey.csv", mapping.build());
  }

  static Stream<Map<String, String>> sectorTests() {
    return Golden.rows("expected_sector_tests.csv").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sectorTests")
  void staffSurvey_sectorByPriority_matchesSvychisq(Map<String, String> expected) {
    Dataset data = staff();
    CategoricalVariable sector = data.categorical("sector");
    NumericVariable priority = data.numeric(expected.get("variable"));
    int[] priorityCodes = new int[data.rowCount()];
    for (int row = 0; row < priorityCodes.length; row++) {
      priorityCodes[row] = (int) priority.valueAt(row);
    }
    RaoScottTest result = RaoScott.test(SurveyDesign.builder(data).weights(Golden.stakeWeights()).build(),
        "sector", sector.copyIndices(), sector.categories().size(), "priority", priorityCodes, 2, null).orElseThrow();
    assertThat(result.f()).isCloseTo(value(expected, "rao_scott_F"), withinPercentage(RELATIVE_PERCENT));
    assertThat(result.ndf()).isCloseTo(value(expected, "ndf"), withinPercentage(RELATIVE_PERCENT));
    assertThat(result.ddf()).isCloseTo(value(expected, "ddf"), withinPercentage(RELATIVE_PERCENT));
    assertThat(result.pValue()).isCloseTo(value(expected, "p_F"), withinPercentage(RELATIVE_PERCENT));
    assertThat(result.chisq()).isCloseTo(value(expected, "rao_scott_chisq"),
        withinPercentage(RELATIVE_PERCENT));
    assertThat(result.chisqPValue()).isCloseTo(value(expected, "p_chisq"), withinPercentage(RELATIVE_PERCENT));
  }

  @Test
  void apiCluster_schWideByStype_matchesSvychisqUnderTheClusterDesign() {
    Dataset api = Golden.read("apiclus1.csv", SurveyMapping.builder("snum").categorical("sch.wide")
        .categorical("stype").numeric("dnum").numeric("pw").numeric("fpc").build());
    SurveyDesign dclus1 = SurveyDesign.builder(api).weights("pw").cluster("dnum").fpc("fpc").build();
    CategoricalVariable schWide = api.categorical("sch.wide");
    CategoricalVariable stype = api.categorical("stype");
    RaoScottTest result = RaoScott.test(dclus1, "sch.wide", schWide.copyIndices(),
        schWide.categories().size(), "stype", stype.copyIndices(), stype.categories().size(), null).orElseThrow();
    Map<String, String> f = apiRow("svychisq(sch.wide+stype) statistic=F");
    Map<String, String> chisq = apiRow("svychisq(sch.wide+stype) statistic=Chisq");
    assertThat(result.f()).isCloseTo(value(f, "estimate"), withinPercentage(RELATIVE_PERCENT));
    assertThat(result.pValue()).isCloseTo(value(f, "se"), withinPercentage(RELATIVE_PERCENT));
    assertThat(result.chisq()).isCloseTo(value(chisq, "estimate"), withinPercentage(RELATIVE_PERCENT));
    assertThat(result.chisqPValue()).isCloseTo(value(chisq, "se"), withinPercentage(RELATIVE_PERCENT));
  }

  @Test
  void oneColumnCategoryOnly_hasNoTest() {
    Dataset data = staff();
    int n = data.rowCount();
    assertThat(RaoScott.test(SurveyDesign.builder(data).build(), "a", new int[n], 2, "b", new int[n], 3, null))
        .isEmpty();
  }

  private static Map<String, String> apiRow(String quantity) {
    return Golden.rows("expected_api_estimates.csv").stream().filter(r -> r.get("quantity").equals(quantity))
        .findFirst().orElseThrow();
  }

  private static double value(Map<String, String> row, String column) {
    return Double.parseDouble(row.get(column));
  }
}
