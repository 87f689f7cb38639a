package dev.insight.stats.estimate;

import static dev.insight.stats.GoldenFiles.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.stats.GoldenFiles;
import dev.insight.stats.design.Filter;
import dev.insight.stats.design.Margin;
import dev.insight.stats.design.ModelCalibration;
import dev.insight.stats.design.PostStratification;
import dev.insight.stats.design.Raking;
import dev.insight.stats.design.SurveyDesign;
import dev.insight.stats.design.Trimming;
import dev.insight.stats.design.WeightingNotConvergedException;
import dev.insight.stats.inference.RaoScott;
import dev.insight.stats.inference.RaoScottTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Weighting a replicate-weight design re-weights every replicate, and quantiles use the replicate variance: every
 * row of {@code expected_replicate_weighting.csv} ({@code make_replicate_weighting.R}: R's {@code postStratify},
 * {@code rake} and {@code calibrate} of an {@code svyrep.design}, then estimates, domains, Rao-Scott and
 * {@code svyquantile}), for replicate weights given as columns and, for the jackknives, made by insight from the
 * design (as.svrepdesign).
 */
class ReplicateWeightingGoldenTest {
  private static final List<Margin> MARGINS = margins();
  /* Each weighted design once: (made from the design?, design, weighting). */
  private static final Map<String, SurveyDesign> DESIGNS = new java.util.concurrent.ConcurrentHashMap<>();

  private static List<Margin> margins() {
    Map<String, Map<String, Double>> targets = new LinkedHashMap<>();
    for (Map<String, String> row : GoldenFiles.rows("replicate_weighting_margins.csv")) {
      targets.computeIfAbsent(row.get("variable"), v -> new LinkedHashMap<>())
          .put(row.get("category"), Double.parseDouble(row.get("target")));
    }
    return targets.entrySet().stream().map(e -> Margin.counts(e.getKey(), e.getValue())).toList();
  }

  static SurveyDesign weighted(SurveyDesign design, String weighting) {
    return switch (weighting) {
      case "none" -> design;
      case "poststratify" -> PostStratification.of(MARGINS.get(0)).apply(design).design();
      case "rake" -> Raking.of(MARGINS).withTolerance(1e-12).apply(design).design();
      case "linear" -> ModelCalibration.toMargins(MARGINS).withTolerance(1e-12).apply(design).design();
      case "linear_bounded" -> ModelCalibration.toMargins(MARGINS).withBounds(0.7, 2.2).withTolerance(1e-12)
          .withMaxIterations(200).apply(design).design();
      default -> throw new IllegalArgumentException(weighting);
    };
  }

  static Stream<Map<String, String>> expected() {
    return GoldenFiles.rows("expected_replicate_weighting.csv").stream();
  }

  static Stream<Map<String, String>> madeFromDesign() {
    return expected().filter(r -> !r.get("design").equals("bootstrap"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expected")
  void weightedReplicateDesign_matchesR(Map<String, String> row) {
    check(DESIGNS.computeIfAbsent("given " + row.get("design") + " " + row.get("weighting"),
        k -> weighted(ReplicateGoldenTest.design(row.get("design")), row.get("weighting"))), row);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("madeFromDesign")
  void weightedReplicatesMadeFromTheDesign_matchR(Map<String, String> row) {
    check(DESIGNS.computeIfAbsent("made " + row.get("design") + " " + row.get("weighting"),
        k -> weighted(ReplicateGoldenTest.madeFrom(row.get("design")), row.get("weighting"))), row);
  }

  private static void check(SurveyDesign design, Map<String, String> row) {
    String quantity = row.get("quantity");
    String what = row.get("design") + " " + row.get("weighting") + " " + quantity;
    double estimate = Double.parseDouble(row.get("estimate"));
    double se = Double.parseDouble(row.get("se"));
    int df = (int) Double.parseDouble(row.get("df"));
    if (quantity.startsWith("svychisq")) {
      RaoScottTest test = RaoScott.test(design, "awards", "stype");
      assertClose(what + " F", test.f(), estimate);
      assertClose(what + " p", test.pValue(), se);
      assertClose(what + " ddf", test.ddf(), Double.parseDouble(row.get("df")));
      return;
    }
    String[] parts = quantity.split("\\|");
    Filter subgroup = parts.length == 1 ? Filter.all()
        : Filter.category(parts[1].substring(0, parts[1].indexOf('=')), parts[1].substring(parts[1].indexOf('=') + 1));
    Estimator estimator = Estimator.of(design);
    Estimate e;
    if (parts[0].startsWith("quantile")) {
      String inside = parts[0].substring(parts[0].indexOf('(') + 1, parts[0].length() - 1);
      e = estimator.quantile("api00", Double.parseDouble(inside.substring(inside.indexOf(':') + 1)), subgroup);
      if (parts[0].startsWith("quantile_ci")) {
        same(what + " ci_low", e.interval().low(), estimate);
        same(what + " ci_high", e.interval().high(), se);
        return;
      }
    } else if (parts[0].startsWith("variance(")) {
      e = estimator.variance("api00", subgroup);
    } else {
      e = ReplicateGoldenTest.estimate(estimator, quantity);
    }
    same(what + " estimate", e.value(), estimate);
    if (se == 0 || Math.abs(se) < 1e-12 * Math.abs(estimate)) {
      assertThat(e.standardError()).as(what).isLessThan(1e-9 * Math.max(1, Math.abs(estimate)));
    } else {
      same(what + " se", e.standardError(), se);
    }
    assertThat(e.degreesOfFreedom()).as(what + " df").isEqualTo(df);
  }

  private static void same(String what, double actual, double expected) {
    if (Double.isNaN(expected)) {
      assertThat(actual).as("%s: %s vs R NaN", what, actual).isNaN();
    } else {
      assertClose(what, actual, expected);
    }
  }

  @Test
  void bannerTableOnARakedReplicateDesign_testsWithTheReweightedReplicates() {
    for (String name : List.of("jk1", "bootstrap")) {
      SurveyDesign raked = DESIGNS.computeIfAbsent("given " + name + " rake",
          k -> weighted(ReplicateGoldenTest.design(name), "rake"));
      dev.insight.stats.table.BannerTable table = dev.insight.stats.table.BannerTables.compute(raked,
          dev.insight.stats.table.TableSpec.of(List.of(dev.insight.stats.table.RowSpec.categories("awards")),
              List.of("stype")));
      RaoScottTest test = table.blocks().get(0).tests().get(0).result();
      Map<String, String> expected = expected().filter(r -> r.get("design").equals(name)
          && r.get("weighting").equals("rake") && r.get("quantity").startsWith("svychisq")).findFirst().orElseThrow();
      assertClose(name + " table F", test.f(), Double.parseDouble(expected.get("estimate")));
      assertClose(name + " table p", test.pValue(), Double.parseDouble(expected.get("se")));
      assertClose(name + " table ddf", test.ddf(), Double.parseDouble(expected.get("df")));
      assertThat(String.join(" ", table.notes())).as(name).contains("replicate");
    }
  }

  @Test
  void boundsThatAReplicateCannotMeet_failNamingTheReplicate() {
    // R warns "Failed to converge" for some bootstrap replicates and keeps weights that miss the targets
    assertThatThrownBy(() -> weighted(ReplicateGoldenTest.design("bootstrap"), "linear_bounded"))
        .isInstanceOf(WeightingNotConvergedException.class)
        .hasMessageStartingWith("linear calibration of replicate ")
        .hasMessageContaining(" of 50 to ~stype + sch.wide with g-weights in [0.7, 2.2] did not meet the totals in 200 "
            + "iterations: the largest misfit");
  }

  @Test
  void trimmingAReplicateDesign_isRefusedRatherThanLeavingTheReplicates() {
    assertThatThrownBy(() -> Trimming.between(0.5, 100).apply(ReplicateGoldenTest.design("jk1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("trim of a replicate-weight design (JK1) is not supported");
  }

  @Test
  void weightingTwice_composesTheReplicateFactors() {
    // post-stratifying on stype after raking on stype and sch.wide changes nothing: the targets are already met
    SurveyDesign raked = weighted(ReplicateGoldenTest.design("jk1"), "rake");
    SurveyDesign again = PostStratification.of(MARGINS.get(0)).apply(raked).design();
    Estimate once = Estimator.of(raked).mean("api00", Filter.all());
    Estimate twice = Estimator.of(again).mean("api00", Filter.all());
    assertThat(twice.value()).isCloseTo(once.value(), org.assertj.core.api.Assertions.within(1e-9));
    assertThat(twice.standardError()).isCloseTo(once.standardError(), org.assertj.core.api.Assertions.within(1e-7));
    for (int r = 0; r < 15; r++) {
      for (int i = 0; i < raked.rowCount(); i += 17) {
        assertThat(again.replicateWeight(r, i)).isCloseTo(raked.replicateWeight(r, i),
            org.assertj.core.api.Assertions.within(1e-9 * Math.max(1, raked.replicateWeight(r, i))));
      }
    }
  }
}
