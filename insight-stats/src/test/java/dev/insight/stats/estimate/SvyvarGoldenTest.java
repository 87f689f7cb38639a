package dev.insight.stats.estimate;

import static dev.insight.stats.GoldenFiles.assertClose;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.stats.GoldenFiles;
import dev.insight.stats.design.Filter;
import dev.insight.stats.design.SurveyDesign;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Population variances against R's {@code svyvar} on cluster, stratified, two-stage and JK1 designs, overall, by
 * domain and with missing values: every row of {@code expected_svyvar.csv} ({@code make_svyvar.R}).
 */
class SvyvarGoldenTest {
  private static SurveyDesign design(String name) {
    return switch (name) {
      case "dclus1" -> SurveyDesign.builder(ReplicateGoldenTestAccess.read("apiclus1_replicates.csv"))
          .weights("pw").cluster("dnum").fpc("fpc").build();
      case "dstrat" -> SurveyDesign.builder(ReplicateGoldenTestAccess.read("apistrat_replicates.csv"))
          .weights("pw").strata("stype").fpc("fpc").build();
      case "dclus2" -> SurveyDesign.builder(ReplicateGoldenTestAccess.read("apiclus2.csv")).weights("pw")
          .cluster("dnum").fpc("fpc1").secondStage("snum", "fpc2").build();
      default -> ReplicateGoldenTest.design(name);
    };
  }

  static Stream<Map<String, String>> rows() {
    return GoldenFiles.rows("expected_svyvar.csv").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void variance_matchesSvyvar(Map<String, String> expected) {
    String[] parts = expected.get("quantity").split("\\|");
    String variable = parts[0].substring("variance(".length(), parts[0].length() - 1);
    Filter subgroup = parts.length == 1 ? Filter.all()
        : Filter.category("awards", parts[1].substring(parts[1].indexOf('=') + 1));
    Estimate e = Estimator.of(design(expected.get("design"))).variance(variable, subgroup);
    assertClose(expected + " estimate", e.value(), Double.parseDouble(expected.get("estimate")));
    assertClose(expected + " se", e.standardError(), Double.parseDouble(expected.get("se")));
  }

  @Test
  void differenceOfVariances_isRefused() {
    assertThatThrownBy(() -> Estimator.of(design("dclus1")).difference(new Quantity.Variance("api00"),
        Filter.category("awards", "No"), Filter.category("awards", "Yes")))
        .hasMessage("differences of variances are not supported: variance(api00)");
  }
}
