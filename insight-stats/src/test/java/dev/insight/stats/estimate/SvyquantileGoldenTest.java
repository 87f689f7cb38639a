package dev.insight.stats.estimate;

import static org.assertj.core.api.Assertions.assertThat;
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
 * Quantiles with their Woodruff intervals against R 4.x's {@code svyquantile} defaults on cluster, stratified and
 * two-stage designs, overall and by domain, with missing values: every row of {@code expected_svyquantile.csv}
 * ({@code make_svyquantile.R}), NaN limits included.
 */
class SvyquantileGoldenTest {
  private static SurveyDesign design(String name) {
    return switch (name) {
      case "dclus1" -> SurveyDesign.builder(ReplicateGoldenTestAccess.read("apiclus1_replicates.csv"))
          .weights("pw").cluster("dnum").fpc("fpc").build();
      case "dstrat" -> SurveyDesign.builder(GoldenFiles.api("apistrat.csv"))
          .weights("pw").strata("stype").fpc("fpc").build();
      case "dclus2" -> SurveyDesign.builder(ReplicateGoldenTestAccess.read("apiclus2.csv")).weights("pw")
          .cluster("dnum").fpc("fpc1").secondStage("snum", "fpc2").build();
      default -> throw new IllegalArgumentException(name);
    };
  }

  static Stream<Map<String, String>> rows() {
    return GoldenFiles.rows("expected_svyquantile.csv").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void quantile_matchesSvyquantile(Map<String, String> expected) {
    String domain = expected.get("domain");
    Filter subgroup = domain.equals("all") ? Filter.all()
        : Filter.category("stype", domain.substring(domain.indexOf('=') + 1));
    Estimate e = Estimator.of(design(expected.get("design")))
        .quantile(expected.get("variable"), Double.parseDouble(expected.get("p")), subgroup);
    assertThat(e.kind()).isEqualTo(EstimateKind.QUANTILE);
    check(expected + " estimate", e.value(), expected.get("estimate"));
    check(expected + " ci_low", e.interval().low(), expected.get("ci_low"));
    check(expected + " ci_high", e.interval().high(), expected.get("ci_high"));
    check(expected + " se", e.standardError(), expected.get("se"));
  }

  private static void check(String what, double actual, String expected) {
    GoldenFiles.assertCloseOrNaN(what, actual, expected);
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"dclus1", "dstrat", "dclus2"})
  void severalQuantilesAtOnce_areEachQuantile(String name) {
    Estimator estimator = Estimator.of(design(name));
    Filter domain = Filter.category("stype", "H");
    java.util.List<Double> p = java.util.List.of(0.1, 0.5, 0.9, 1.0);

    java.util.List<Estimate> all = estimator.quantiles("enroll", p, domain);

    for (int k = 0; k < p.size(); k++) {
      assertThat(all.get(k)).isEqualTo(estimator.quantile("enroll", p.get(k), domain));
    }
    assertThatThrownBy(() -> estimator.quantiles("enroll", java.util.List.of(), domain))
        .hasMessage("quantiles of enroll need at least one probability");
  }

  @Test
  void probabilityOutsideZeroOne_isRefused() {
    assertThatThrownBy(() -> Estimator.of(design("dstrat")).quantile("api00", 1.5, Filter.all()))
        .hasMessage("a quantile's probability must be in (0, 1]: 1.5");
  }

  @Test
  void differenceOfQuantiles_isRefused() {
    assertThatThrownBy(() -> Estimator.of(design("dclus1")).difference(new Quantity.Quantile("api00", 0.5),
        Filter.category("awards", "No"), Filter.category("awards", "Yes")))
        .hasMessage("differences of quantiles are not supported: quantile(api00:0.5)");
  }
}
