package dev.insight.stats.estimate;

import static dev.insight.stats.GoldenFiles.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.insight.stats.GoldenFiles;
import dev.insight.stats.design.Filter;
import dev.insight.stats.design.SurveyDesign;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differences between domains against R's {@code svycontrast} of {@code svyby} (and the p-value of
 * {@code svyttest}), and domains of two variables against {@code svyby(~api00, ~stype + awards)}, on the cluster,
 * stratified and JK1 replicate designs: every row of {@code expected_domain_comparisons.csv} and
 * {@code expected_two_way_domains.csv} ({@code make_domain_comparisons.R}).
 */
class DomainComparisonGoldenTest {
  private static SurveyDesign design(String name) {
    return switch (name) {
      case "dclus1" -> SurveyDesign.builder(GoldenFiles.api("apiclus1.csv")).weights("pw").cluster("dnum")
          .fpc("fpc").build();
      case "dstrat" -> SurveyDesign.builder(GoldenFiles.api("apistrat.csv")).weights("pw").strata("stype")
          .fpc("fpc").build();
      default -> ReplicateGoldenTest.design(name);
    };
  }

  static Stream<Map<String, String>> comparisons() {
    return GoldenFiles.rows("expected_domain_comparisons.csv").stream();
  }

  static Stream<Map<String, String>> twoWay() {
    return GoldenFiles.rows("expected_two_way_domains.csv").stream();
  }

  private static Quantity quantity(String text) {
    return switch (text) {
      case "mean(api00)" -> new Quantity.Mean("api00");
      case "proportion(yes)" -> new Quantity.Proportion("sch.wide", "Yes");
      case "total(enroll)" -> new Quantity.Total("enroll");
      case "ratio(api00/api99)" -> new Quantity.Ratio("api00", "api99");
      default -> throw new IllegalArgumentException(text);
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("comparisons")
  void difference_matchesSvycontrastAndSvyttest(Map<String, String> expected) {
    String by = expected.get("by");
    Difference d = Estimator.of(design(expected.get("design"))).difference(quantity(expected.get("quantity")),
        Filter.category(by, expected.get("first")), Filter.category(by, expected.get("second")));
    String what = expected.toString();
    assertClose(what + " difference", d.estimate(), Double.parseDouble(expected.get("difference")));
    assertClose(what + " se", d.standardError(), Double.parseDouble(expected.get("se")));
    assertThat(d.degreesOfFreedom()).as(what).isEqualTo(Integer.parseInt(expected.get("df")));
    assertClose(what + " p", d.pValue(), Double.parseDouble(expected.get("p")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("twoWay")
  void domainsOfTwoVariables_matchSvyby(Map<String, String> expected) {
    Filter domain = Filter.parse("stype = " + expected.get("stype") + " and awards = " + expected.get("awards"));
    Estimate e = Estimator.of(design(expected.get("design"))).mean("api00", domain);
    assertClose(expected + " estimate", e.value(), Double.parseDouble(expected.get("estimate")));
    assertClose(expected + " se", e.standardError(), Double.parseDouble(expected.get("se")));
  }
}
