package dev.insight.stats.design;

import static dev.insight.stats.GoldenFiles.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.stats.GoldenFiles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Raking with R's stopping rule ({@code rake(..., control = list(maxit, epsilon))}, {@code make_calibrate.R}): R's
 * defaults, epsilon as a share of the total, and a limit reached before convergence (R warns and keeps the weights;
 * here only after {@code allowingNonConvergence()}); every weight and every estimate with its SE, whose residuals
 * use each margin's weights from the last sweep as R's do.
 */
class RakeControlGoldenTest {
  private static final Map<String, WeightingResult> RAKED = new HashMap<>();

  private static Map<String, String> settings(String id) {
    return GoldenFiles.rows("rake_control_settings.csv").stream().filter(r -> r.get("rake").equals(id))
        .findFirst().orElseThrow();
  }

  static Raking raking(String id) {
    Map<String, Map<String, Double>> byVariable = new LinkedHashMap<>();
    for (Map<String, String> row : GoldenFiles.rows("rake_control_margins.csv")) {
      if (row.get("rake").equals(id)) {
        byVariable.computeIfAbsent(row.get("variable"), v -> new LinkedHashMap<>()).put(row.get("category"),
            Double.parseDouble(row.get("target")));
      }
    }
    List<Margin> margins = new ArrayList<>();
    byVariable.forEach((v, t) -> margins.add(Margin.counts(v, t)));
    Map<String, String> s = settings(id);
    return Raking.of(margins).withRakeControl(Integer.parseInt(s.get("maxit")),
        Double.parseDouble(s.get("epsilon")));
  }

  static synchronized WeightingResult raked(String id) {
    return RAKED.computeIfAbsent(id, key -> {
      Raking raking = raking(key);
      boolean converged = settings(key).get("converged").equals("TRUE");
      return (converged ? raking : raking.allowingNonConvergence())
          .apply(CalibrateGoldenTest.design(settings(key).get("design")));
    });
  }

  static Stream<String> rakes() {
    return GoldenFiles.rows("rake_control_settings.csv").stream().map(r -> r.get("rake"));
  }

  static Stream<Map<String, String>> estimates() {
    return GoldenFiles.rows("expected_rake_control.csv").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rakes")
  void weightsAndConvergence_matchRake(String id) {
    WeightingResult result = raked(id);
    assertThat(result.report().converged()).isEqualTo(settings(id).get("converged").equals("TRUE"));
    SurveyDesign design = result.design();
    Map<String, Double> expected = GoldenFiles.rows("expected_rake_control_weights.csv").stream()
        .filter(r -> r.get("rake").equals(id))
        .collect(Collectors.toMap(r -> r.get("cds"), r -> Double.parseDouble(r.get("weight"))));
    assertThat(expected).hasSize(design.rowCount());
    for (int i = 0; i < design.rowCount(); i++) {
      assertClose(id + " weight of " + design.data().id(i), design.weight(i),
          expected.get(design.data().id(i).value()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("estimates")
  void estimateAndSe_matchRake(Map<String, String> expected) {
    CalibrateGoldenTest.checkEstimate(raked(expected.get("calibration")).design(), expected);
  }

  @Test
  void limitReached_isAnErrorNamingTheChangeAndTheGap() {
    assertThatThrownBy(() -> raking("strat_rake_two_sweeps").apply(CalibrateGoldenTest.design("dstrat")))
        .isInstanceOf(WeightingNotConvergedException.class)
        .hasMessageStartingWith("raking on sch.wide, comp.imp, awards did not converge in 2 iterations: the "
            + "weighted cross-table of the margins still changed by ")
        .hasMessageContaining("in the last sweep, not below epsilon 6.194e-07 (1.0E-10 of the weights' total); the "
            + "largest gap to a target is 0.0907 (relative) at comp.imp=No; raise maxit or check the margins");
  }
}
