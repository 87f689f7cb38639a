package dev.insight.stats.design;

import static dev.insight.stats.GoldenFiles.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.core.data.Dataset;
import dev.insight.stats.GoldenFiles;
import dev.insight.stats.estimate.Estimate;
import dev.insight.stats.estimate.Estimator;
import dev.insight.stats.estimate.Quantity;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A two-stage design (R's {@code apiclus2}: {@code id = ~dnum + snum, fpc = ~fpc1 + fpc2}) and every lonely-PSU
 * policy ({@code apistrat} with stratum H cut to one school) against R: every row of
 * {@code expected_multistage_lonely.csv} ({@code make_multistage_lonely.R}).
 */
class MultistageLonelyGoldenTest {
  private static final Dataset CLUS2 = read("apiclus2.csv");
  private static final Dataset LONELY = read("apistrat_lonely.csv");

  private static Dataset read(String name) {
    return dev.insight.stats.estimate.ReplicateGoldenTestAccess.read(name);
  }

  static SurveyDesign design(String name) {
    if (name.equals("dclus2")) {
      return SurveyDesign.builder(CLUS2).weights("pw").cluster("dnum").fpc("fpc1").secondStage("snum", "fpc2")
          .build();
    }
    LonelyPsu policy = LonelyPsu.parse(name.substring("lonely_".length()));
    return SurveyDesign.builder(LONELY).weights("pw").strata("stype").lonelyPsu(policy).build();
  }

  static Stream<Map<String, String>> rows() {
    return GoldenFiles.rows("expected_multistage_lonely.csv").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void estimates_matchR(Map<String, String> expected) {
    String[] parts = expected.get("quantity").split("\\|");
    Filter subgroup = parts.length == 1 ? Filter.all()
        : Filter.category("awards", parts[1].substring(parts[1].indexOf('=') + 1));
    String q = parts[0];
    String inside = q.substring(q.indexOf('(') + 1, q.length() - 1);
    Quantity quantity = q.startsWith("mean(") ? new Quantity.Mean(inside)
        : q.startsWith("total(") ? new Quantity.Total(inside)
        : q.startsWith("ratio(") ? new Quantity.Ratio(inside.split("/")[0], inside.split("/")[1])
        : new Quantity.Proportion("sch.wide", "Yes");
    Estimate e = Estimator.of(design(expected.get("design"))).estimate(quantity, subgroup);
    String what = expected.toString();
    assertClose(what + " estimate", e.value(), Double.parseDouble(expected.get("estimate")));
    assertClose(what + " se", e.standardError(), Double.parseDouble(expected.get("se")));
    assertThat(e.degreesOfFreedom()).as(what).isEqualTo(Integer.parseInt(expected.get("df")));
  }

  @Test
  void lonelyStratum_failsByDefault_namingItAndThePolicies() {
    assertThatThrownBy(() -> SurveyDesign.builder(LONELY).weights("pw").strata("stype").build())
        .hasMessage("stratum H has only one primary sampling unit, so its variance cannot be estimated (choose a "
            + "lonely-PSU policy: remove, adjust, average or certainty)");
    assertThatThrownBy(() -> LonelyPsu.parse("drop"))
        .hasMessage("lonely PSU policy drop is not one of fail, remove, adjust, average, certainty");
  }

  @Test
  void secondStageWithoutItsFpc_failsAsR() {
    assertThatThrownBy(() -> SurveyDesign.builder(CLUS2).weights("pw").cluster("dnum").fpc("fpc1")
        .secondStage("snum", null).build())
        .hasMessage("with a first-stage fpc, the second stage snum needs its fpc too (as R requires)");
  }
}
