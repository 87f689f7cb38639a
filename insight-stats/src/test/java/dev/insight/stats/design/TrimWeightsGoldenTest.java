package dev.insight.stats.design;

import static dev.insight.stats.GoldenFiles.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.stats.GoldenFiles;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Trimming against R's {@code trimWeights} ({@code make_calibrate.R}): the trimmed weight shared equally among the
 * weights inside the bounds, in one pass or strictly, on the stratified and two-stage samples and on a raked cluster
 * sample whose calibration the variance keeps; every weight ({@code expected_trim_weights.csv}) and every estimate
 * with its SE ({@code expected_trim.csv}).
 */
class TrimWeightsGoldenTest {
  private static final Map<String, SurveyDesign> TRIMMED = new HashMap<>();

  private static Map<String, String> settings(String id) {
    return GoldenFiles.rows("trim_settings.csv").stream().filter(r -> r.get("trim").equals(id)).findFirst()
        .orElseThrow();
  }

  static synchronized SurveyDesign trimmed(String id) {
    return TRIMMED.computeIfAbsent(id, key -> {
      Map<String, String> s = settings(key);
      SurveyDesign start = s.get("calibration").isEmpty() ? CalibrateGoldenTest.design(s.get("design"))
          : CalibrateGoldenTest.calibrated(s.get("calibration"));
      double lower = s.get("lower").equals("-Inf") ? 0 : Double.parseDouble(s.get("lower"));
      Trimming trimming = Trimming.between(lower, Double.parseDouble(s.get("upper")));
      return (s.get("strict").equals("TRUE") ? trimming.strict() : trimming).apply(start).design();
    });
  }

  static Stream<String> trims() {
    return GoldenFiles.rows("trim_settings.csv").stream().map(r -> r.get("trim"));
  }

  static Stream<Map<String, String>> estimates() {
    return GoldenFiles.rows("expected_trim.csv").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("trims")
  void weights_matchTrimWeights(String id) {
    SurveyDesign design = trimmed(id);
    Map<String, Double> expected = GoldenFiles.rows("expected_trim_weights.csv").stream()
        .filter(r -> r.get("trim").equals(id))
        .collect(Collectors.toMap(r -> r.get("cds"), r -> Double.parseDouble(r.get("weight"))));
    assertThat(expected).hasSize(design.rowCount());
    for (int i = 0; i < design.rowCount(); i++) {
      assertClose(id + " weight of " + design.data().id(i), design.weight(i),
          expected.get(design.data().id(i).value()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("estimates")
  void estimateAndSe_matchTrimWeights(Map<String, String> expected) {
    CalibrateGoldenTest.checkEstimate(trimmed(expected.get("calibration")), expected);
  }

  @Test
  void onePass_canLeaveAWeightPastTheBound_strictCannot() {
    // the equal shares lift apistrat's M weights (20.36) while H rises to 18 and E falls to 40
    SurveyDesign strat = CalibrateGoldenTest.design("dstrat");
    SurveyDesign strict = Trimming.between(18, 40).strict().apply(strat).design();
    for (int i = 0; i < strict.rowCount(); i++) {
      assertThat(strict.weight(i)).isBetween(18.0, 40.0 + 1e-9);
    }
    assertThatThrownBy(() -> Trimming.between(10, 20).strict().apply(strat))
        .hasMessageStartingWith("strict trimming to [10.0, 20.0] cannot hold 200 respondents with total weight");
  }
}
