package dev.insight.stats.estimate;

import static dev.insight.stats.GoldenFiles.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.insight.stats.design.Filter;
import dev.insight.core.data.Dataset;
import dev.insight.stats.GoldenFiles;
import dev.insight.stats.design.SurveyDesign;
import dev.insight.stats.design.Margin;
import dev.insight.stats.design.PostStratification;
import dev.insight.stats.design.Raking;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row and column of the golden estimate files of R survey 4.1.1. The two Rao-Scott {@code svychisq} rows of
 * the API file are tests, not estimates: {@code dev.insight.stats.inference.GoldenRaoScottTest} checks them with
 * {@code expected_sector_tests.csv}.
 */
class GoldenEstimatesTest {
  private static final Dataset STAFF = GoldenFiles.staffSurvey();
  private static final List<Margin> MARGINS = GoldenFiles.staffMargins();
  private static final SurveyDesign RAKED = Raking.of(MARGINS).withTolerance(1e-10)
      .apply(SurveyDesign.builder(STAFF).equalWeights(MARGINS.get(0).total()).build()).design();
  private static final SurveyDesign FIXED = SurveyDesign.builder(STAFF).weights(RAKED.weights()).build();

  static Stream<Map<String, String>> priorityRows() {
    return GoldenFiles.rows("expected_priority_estimates.csv").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("priorityRows")
  void priorityEstimate_matchesR(Map<String, String> row) {
    String variable = row.get("variable");
    String subgroup = row.get("subgroup");
    Filter domain = subgroup.equals("(all)") ? Filter.all() : Filter.category("sector", subgroup);
    Estimator fixed = Estimator.of(FIXED);
    Estimate logit = fixed.withInterval(IntervalMethod.LOGIT).proportion(variable, domain);
    Estimate beta = fixed.withInterval(IntervalMethod.BETA).proportion(variable, domain);
    Estimate xlogit = fixed.withInterval(IntervalMethod.XLOGIT).proportion(variable, domain);
    Estimate calibrated = Estimator.of(RAKED).proportion(variable, domain);
    String what = variable + " | " + subgroup + " ";
    assertThat(logit.unweightedN()).isEqualTo(Integer.parseInt(row.get("unweighted_n")));
    assertClose(what + "weighted_n", logit.weightedBase(), d(row, "weighted_n"));
    assertClose(what + "effective_n", logit.effectiveBase(), d(row, "effective_n"));
    assertClose(what + "proportion", logit.value(), d(row, "proportion"));
    assertClose(what + "se_fixed_weights", logit.standardError(), d(row, "se_fixed_weights"));
    assertClose(what + "deff_fixed_weights", logit.designEffect(), d(row, "deff_fixed_weights"));
    assertClose(what + "se_calibrated", calibrated.standardError(), d(row, "se_calibrated"));
    assertClose(what + "proportion calibrated", calibrated.value(), d(row, "proportion"));
    assertClose(what + "ci_logit_low", logit.interval().low(), d(row, "ci_logit_low"));
    assertClose(what + "ci_logit_high", logit.interval().high(), d(row, "ci_logit_high"));
    assertClose(what + "ci_beta_low", beta.interval().low(), d(row, "ci_beta_low"));
    assertClose(what + "ci_beta_high", beta.interval().high(), d(row, "ci_beta_high"));
    assertClose(what + "ci_xlogit_low", xlogit.interval().low(), d(row, "ci_xlogit_low"));
    assertClose(what + "ci_xlogit_high", xlogit.interval().high(), d(row, "ci_xlogit_high"));
    assertThat(beta.interval().method()).isEqualTo(IntervalMethod.BETA);
  }

  static Stream<Map<String, String>> codeRows() {
    return GoldenFiles.rows("expected_code_percentages.csv").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("codeRows")
  void codePercentage_amongCommenters_matchesR(Map<String, String> row) {
    String variable = "code_" + row.get("code");
    Filter commenters = Filter.category("commented", "1");
    Estimate weighted = Estimator.of(FIXED).proportion(variable, commenters);
    Estimate unweighted = Estimator.of(SurveyDesign.builder(STAFF).build()).proportion(variable, commenters);
    assertThat(Math.round(unweighted.value() * unweighted.unweightedN()))
        .isEqualTo(Long.parseLong(row.get("unweighted_count")));
    assertClose(variable + " unweighted_pct", 100 * unweighted.value(), d(row, "unweighted_pct"));
    assertClose(variable + " weighted_pct", 100 * weighted.value(), d(row, "weighted_pct"));
    assertClose(variable + " se", 100 * weighted.standardError(), d(row, "se"));
  }

  static Stream<Map<String, String>> apiRows() {
    return GoldenFiles.rows("expected_api_estimates.csv").stream()
        .filter(row -> !row.get("quantity").startsWith("svychisq"));
  }

  private static final class Api {
    static final SurveyDesign DSTRAT = SurveyDesign.builder(GoldenFiles.api("apistrat.csv")).weights("pw")
        .strata("stype").fpc("fpc").build();
    static final SurveyDesign DCLUS1 = SurveyDesign.builder(GoldenFiles.api("apiclus1.csv")).weights("pw")
        .cluster("dnum").fpc("fpc").build();
    static final Margin STYPE = Margin.counts("stype", Map.of("E", 4421.0, "H", 755.0, "M", 1018.0));
    static final Margin SCHWIDE = Margin.counts("sch.wide", Map.of("No", 1072.0, "Yes", 5122.0));
    static final SurveyDesign RCLUS1 = Raking.of(List.of(STYPE, SCHWIDE)).apply(DCLUS1).design();
    static final SurveyDesign PCLUS1 = PostStratification.of(STYPE).apply(DCLUS1).design();

    static SurveyDesign named(String name) {
      return switch (name) {
        case "dstrat" -> DSTRAT;
        case "dclus1" -> DCLUS1;
        case "rclus1" -> RCLUS1;
        case "pclus1" -> PCLUS1;
        default -> throw new IllegalArgumentException("unknown design " + name);
      };
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("apiRows")
  void apiEstimate_matchesR(Map<String, String> row) {
    Estimator estimator = Estimator.of(Api.named(row.get("design")));
    String quantity = row.get("quantity");
    Filter domain = Filter.all();
    int bar = quantity.indexOf('|');
    if (bar >= 0) {
      String[] parts = quantity.substring(bar + 1).split("=");
      domain = Filter.category(parts[0], parts[1]);
      quantity = quantity.substring(0, bar);
    }
    String inner = quantity.substring(quantity.indexOf('(') + 1, quantity.length() - 1);
    Estimate estimate;
    if (quantity.startsWith("mean(")) {
      estimate = estimator.mean(inner, domain);
    } else if (quantity.startsWith("total(")) {
      estimate = estimator.total(inner, domain);
    } else if (quantity.startsWith("prop(")) {
      String[] parts = inner.split("=");
      estimate = estimator.proportion(parts[0], parts[1], domain);
    } else if (quantity.startsWith("ratio(")) {
      String[] parts = inner.split("/");
      estimate = estimator.ratio(parts[0], parts[1], domain);
    } else {
      throw new AssertionError("unexpected golden quantity " + quantity);
    }
    String what = row.get("design") + " " + row.get("quantity");
    assertClose(what + " estimate", estimate.value(), d(row, "estimate"));
    assertClose(what + " se", estimate.standardError(), d(row, "se"));
  }

  private static double d(Map<String, String> row, String column) {
    return Double.parseDouble(row.get(column));
  }
}
