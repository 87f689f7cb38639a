package dev.insight.stats.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.insight.core.data.Dataset;
import dev.insight.stats.GoldenFiles;
import dev.insight.stats.design.Filter;
import dev.insight.stats.design.SurveyDesign;
import dev.insight.stats.design.Margin;
import dev.insight.stats.design.Raking;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Raked to margins given as shares, the weights sum to the sample size: the design effect is then against sampling
 * with replacement, R's {@code svymean(deff = "replace")} (golden/deff_shares.R), overall and in every domain.
 */
class DesignEffectSharesTest {
  /** R printed 12 significant digits; raking converges to 1e-12 in R and 1e-10 here. */
  private static final double PERCENT = 1e-4;

  @Test
  void proportion_rakedToShares_matchesRsDesignEffectWithReplacement() {
    Dataset data = GoldenFiles.staffSurvey();
    List<Margin> shares = GoldenFiles.staffMargins().stream().map(m -> {
      Map<String, Double> share = new LinkedHashMap<>();
      m.targets().forEach((category, count) -> share.put(category, count / m.total()));
      return Margin.proportions(m.variable(), share);
    }).toList();
    SurveyDesign raked = Raking.of(shares).withTolerance(1e-10)
        .apply(SurveyDesign.builder(data).equalWeights(data.rowCount()).build()).design();
    Estimator estimator = Estimator.of(raked);

    for (Map<String, String> row : GoldenFiles.rows("expected_deff_shares.csv")) {
      String group = row.get("subgroup");
      Filter domain = group.equals("(all)") ? Filter.all() : Filter.category("sector", group);
      Estimate e = estimator.proportion("pri_housing", domain);
      assertThat(e.value()).as(group).isCloseTo(Double.parseDouble(row.get("estimate")), withinPercentage(PERCENT));
      assertThat(e.standardError()).as(group).isCloseTo(Double.parseDouble(row.get("se")),
          withinPercentage(PERCENT));
      assertThat(e.designEffect()).as(group).isCloseTo(Double.parseDouble(row.get("deff")),
          withinPercentage(PERCENT));
    }
  }
}
