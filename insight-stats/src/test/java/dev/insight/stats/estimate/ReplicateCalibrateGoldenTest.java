package dev.insight.stats.estimate;

import static dev.insight.stats.GoldenFiles.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.stats.GoldenFiles;
import dev.insight.stats.design.CalibrationFunction;
import dev.insight.stats.design.CalibrationTerm;
import dev.insight.stats.design.ModelCalibration;
import dev.insight.stats.design.SurveyDesign;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Calibrating a replicate-weight design to a model with a numeric total and an interaction calibrates every
 * replicate to the same totals: every row of {@code expected_replicate_calibrate.csv}
 * ({@code make_replicate_calibrate.R}: R's {@code calibrate} of an {@code svyrep.design}, linear and raking), for
 * replicate weights given as columns and, for the jackknives, made by insight from the design.
 */
class ReplicateCalibrateGoldenTest {
  private static final Map<String, SurveyDesign> DESIGNS = new ConcurrentHashMap<>();

  static List<CalibrationTerm> terms() {
    Map<String, Map<List<String>, Double>> byTerm = new LinkedHashMap<>();
    for (Map<String, String> row : GoldenFiles.rows("replicate_calibrate_totals.csv")) {
      List<String> key = Arrays.stream(row.get("category").split(":", -1)).filter(p -> !p.isEmpty()).toList();
      byTerm.computeIfAbsent(row.get("variable"), v -> new LinkedHashMap<>()).put(key,
          Double.parseDouble(row.get("target")));
    }
    List<CalibrationTerm> terms = new ArrayList<>();
    byTerm.forEach((term, totals) -> terms.add(CalibrationTerm.of(List.of(term.split(":")), totals)));
    return terms;
  }

  static ModelCalibration procedure(String calfun) {
    return ModelCalibration.of(terms()).withFunction(switch (calfun) {
      case "linear" -> CalibrationFunction.LINEAR;
      case "raking" -> CalibrationFunction.RAKING;
      default -> throw new IllegalArgumentException(calfun);
    }).withTolerance(1e-12).withMaxIterations(200);
  }

  static Stream<Map<String, String>> expected() {
    return GoldenFiles.rows("expected_replicate_calibrate.csv").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expected")
  void calibratedReplicateDesign_matchesR(Map<String, String> row) {
    check(DESIGNS.computeIfAbsent("given " + row.get("design") + " " + row.get("calfun"),
        k -> procedure(row.get("calfun")).apply(ReplicateGoldenTest.design(row.get("design"))).design()), row);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expected")
  void calibratedReplicatesMadeFromTheDesign_matchR(Map<String, String> row) {
    check(DESIGNS.computeIfAbsent("made " + row.get("design") + " " + row.get("calfun"),
        k -> procedure(row.get("calfun")).apply(ReplicateGoldenTest.madeFrom(row.get("design"))).design()), row);
  }

  private static void check(SurveyDesign design, Map<String, String> row) {
    String quantity = row.get("quantity") + (row.get("domain").isEmpty() ? "" : "|" + row.get("domain"));
    String what = row.get("design") + " " + row.get("calfun") + " " + quantity;
    Estimate e = ReplicateGoldenTest.estimate(Estimator.of(design), quantity);
    double estimate = Double.parseDouble(row.get("estimate"));
    double se = Double.parseDouble(row.get("se"));
    assertClose(what + " estimate", e.value(), estimate);
    if (Math.abs(se) < 1e-12 * Math.abs(estimate)) {
      // a total the replicates were calibrated to: R's SE is rounding noise
      assertThat(e.standardError()).as(what).isLessThan(1e-9 * Math.abs(estimate));
    } else {
      assertClose(what + " se", e.standardError(), se);
    }
  }

  @Test
  void bootstrapReplicatesThatCannotBeCalibrated_areRefusedNamingTheReplicate() {
    SurveyDesign bootstrap = ReplicateGoldenTest.design("bootstrap");
    for (String calfun : List.of("linear", "raking")) {
      assertThatThrownBy(() -> procedure(calfun).apply(bootstrap))
          .as(calfun)
          .isInstanceOfAny(IllegalArgumentException.class, IllegalStateException.class)
          .hasMessageMatching("(?s)" + calfun + " calibration of replicate \\d+ of 50 to ~stype \\+ sch\\.wide \\+ "
              + "stype:sch\\.wide \\+ enroll (with no bounds did not meet the totals.*cannot be calibrated.*|gives respondent \\S+ "
              + "\\(row \\d+\\) a g-weight of -.*)");
    }
  }

  @Test
  void boundsOnTheWeightsOfAReplicateDesign_areRefusedAsRIgnoresThem() {
    assertThatThrownBy(() -> procedure("raking").withBounds(10, 100).withBoundsOnWeights()
        .apply(ReplicateGoldenTest.design("jk1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bounds on the weights (R's bounds.const = TRUE) are not supported for a "
            + "replicate-weight design");
  }
}
