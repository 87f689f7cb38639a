package dev.insight.stats.design;

import static dev.insight.stats.GoldenFiles.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.stats.GoldenFiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Calibration to model totals: what R cannot do, and every bad input refused with a message naming it. */
class ModelCalibrationTest {
  private static final Map<String, Double> STYPE = Map.of("E", 4421.0, "H", 755.0, "M", 1018.0);

  private static SurveyDesign strat() {
    return CalibrateGoldenTest.design("dstrat");
  }

  private static Map<List<String>, Double> cells(Object... pairs) {
    Map<List<String>, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put(List.of(((String) pairs[i]).split(":")), (Double) pairs[i + 1]);
    }
    return out;
  }

  @Test
  void boundedRaking_thatRCannotSolve_failsNamingTheCell() {
    // R: "Calibration failed" (its raking derivative is 0 for g in (0.5, exp(-0.5)), where apiclus2's M:No cell
    // needs g = 0.569); the same steps here, and a message saying where
    ModelCalibration raking = CalibrateGoldenTest.procedure(GoldenFiles.rows("calibrate_settings.csv").stream()
        .filter(r -> r.get("calibration").equals("clus2_raking_bounded")).findFirst().orElseThrow())
        .withBounds(0.5, 4.5);
    assertThatThrownBy(() -> raking.apply(CalibrateGoldenTest.design("dclus2")))
        .isInstanceOf(WeightingNotConvergedException.class)
        .hasMessageStartingWith("raking calibration to ~stype + sch.wide + stype:sch.wide with g-weights in "
            + "[0.5, 4.5] did not meet the totals in 200 iterations")
        .hasMessageContaining(", at stype:sch.wide=H:No (total 334, achieved ")
        .hasMessageEndingWith("% at the upper: widen the bounds (or check the totals)");
  }

  @Test
  void trim_onUnboundedLinear_isApplied() {
    // R's calibrate returns before trimming when linear calibration has no bounds; here trim always applies
    SurveyDesign trimmed = ModelCalibration.of(List.of(CalibrationTerm.counts("stype", STYPE),
        CalibrationTerm.total("enroll", 3811472))).withTrim(0.95, 1.05).apply(strat()).design();
    SurveyDesign untrimmed = ModelCalibration.of(List.of(CalibrationTerm.counts("stype", STYPE),
        CalibrationTerm.total("enroll", 3811472))).apply(strat()).design();
    double low = Double.POSITIVE_INFINITY;
    for (int i = 0; i < trimmed.rowCount(); i++) {
      low = Math.min(low, trimmed.weight(i) / strat().weight(i));
    }
    assertThat(low).isGreaterThanOrEqualTo(0.95 - 1e-12);
    assertThat(trimmed.history().get(trimmed.history().size() - 1).detail()).contains("g-weights trimmed");
    assertThat(untrimmed.history().get(untrimmed.history().size() - 1).detail()).doesNotContain("trim");
  }

  @Test
  void boundsThatCannotBeMet_nameTheWorstTotalAndTheShareAtTheBounds() {
    ModelCalibration tight = ModelCalibration.of(List.of(CalibrationTerm.counts("stype", STYPE),
        CalibrationTerm.total("enroll", 3811472))).withFunction(CalibrationFunction.LOGIT).withBounds(0.95, 1.02);
    assertThatThrownBy(() -> tight.apply(strat()))
        .isInstanceOf(WeightingNotConvergedException.class)
        .hasMessage("logit calibration to ~stype + enroll with g-weights in [0.95, 1.02] did not meet the totals "
            + "in 50 iterations: its Newton steps gave g-weights that are not finite (R: \"Calibration failed\"); "
            + "widen the bounds (or check the totals)");
    ModelCalibration linear = ModelCalibration.of(List.of(CalibrationTerm.counts("stype", STYPE),
        CalibrationTerm.total("enroll", 3811472))).withBounds(0.95, 1.02);
    assertThatThrownBy(() -> linear.apply(strat()))
        .isInstanceOf(WeightingNotConvergedException.class)
        .hasMessageStartingWith("linear calibration to ~stype + enroll with g-weights in [0.95, 1.02] did not meet "
            + "the totals in 50 iterations: the largest misfit |total - achieved| / (1 + |total|) is ")
        .hasMessageEndingWith("% at the upper: widen the bounds (or check the totals)");
  }

  @Test
  void logit_withoutFiniteBounds_isRefused() {
    assertThatThrownBy(() -> ModelCalibration.of(List.of(CalibrationTerm.counts("stype", STYPE)))
        .withFunction(CalibrationFunction.LOGIT).apply(strat()))
        .hasMessage("logit calibration needs finite bounds: [-Infinity, Infinity]");
  }

  @Test
  void numericTotalsAlone_needThePopulationSize() {
    assertThatThrownBy(() -> ModelCalibration.of(List.of(CalibrationTerm.total("enroll", 3811472)))
        .apply(strat()))
        .hasMessage("calibration to enroll alone needs the population size (R's (Intercept)): give it, or add a "
            + "term of counts");
    SurveyDesign d = ModelCalibration.of(List.of(CalibrationTerm.total("enroll", 3811472)))
        .withPopulationSize(6194).apply(strat()).design();
    double size = 0;
    double enroll = 0;
    for (int i = 0; i < d.rowCount(); i++) {
      size += d.weight(i);
      enroll += d.weight(i) * d.data().numeric("enroll").valueAt(i);
    }
    assertClose("size", size, 6194);
    assertClose("enroll", enroll, 3811472);
  }

  @Test
  void interactionCells_thatDisagreeWithTheMainEffect_areNamed() {
    CalibrationTerm cross = CalibrationTerm.of(List.of("stype", "sch.wide"), cells("E:No", 472.0, "E:Yes",
        3949.0, "H:No", 334.0, "H:Yes", 421.0, "M:No", 266.0, "M:Yes", 700.0));
    assertThatThrownBy(() -> ModelCalibration.of(List.of(CalibrationTerm.counts("stype", Map.of("E", 4421.0,
        "H", 755.0, "M", 966.0)), CalibrationTerm.counts("sch.wide", Map.of("No", 1072.0, "Yes", 5122.0)), cross))
        .apply(strat()))
        .hasMessage("the counts of sch.wide sum to 6194 but the counts of stype is 6142: every term of counts must "
            + "add up to the same population size");
    assertThatThrownBy(() -> ModelCalibration.of(List.of(CalibrationTerm.counts("stype", Map.of("E", 4421.0,
        "H", 755.0, "M", 966.0)), CalibrationTerm.counts("sch.wide", Map.of("No", 1020.0, "Yes", 5122.0)), cross))
        .apply(strat()))
        .hasMessage("the calibration totals disagree: stype:sch.wide=M:No is given as 266 but the other totals "
            + "imply 214 (the cells of a term must add up to the totals of the terms within it, and the counts of "
            + "every term to the population size)");
  }

  @Test
  void aCellWithRespondentsButNoTotal_isNamed() {
    CalibrationTerm cross = CalibrationTerm.of(List.of("stype", "sch.wide"), cells("E:No", 472.0, "E:Yes",
        3949.0, "H:No", 334.0, "H:Yes", 421.0, "M:Yes", 1018.0));
    assertThatThrownBy(() -> ModelCalibration.of(List.of(cross)).apply(strat()))
        .hasMessageMatching("stype:sch\\.wide=M:No has \\d+ respondents \\(the first \\d+, row \\d+\\) but no "
            + "total; add a total for it or recode it");
  }

  @Test
  void aTotalWithoutRespondents_isNamed() {
    CalibrationTerm cross = CalibrationTerm.of(List.of("stype", "awards"), cells("E:No", 1000.0, "E:Yes", 3421.0,
        "H:No", 400.0, "H:Yes", 355.0, "M:No", 500.0, "M:Yes", 518.0, "X:No", 10.0));
    assertThatThrownBy(() -> ModelCalibration.of(List.of(cross)).apply(strat()))
        .hasMessage("stype:awards=X:No has no respondents in the sample, so its total 10 can never be reached");
  }

  @Test
  void codesThatDoNotMatchTheTermsCategoricalVariables_areRefused() {
    CalibrationTerm wrong = CalibrationTerm.of(List.of("stype", "enroll"), cells("E:1", 1.0));
    assertThatThrownBy(() -> ModelCalibration.of(List.of(wrong)).apply(strat()))
        .hasMessage("calibration term stype:enroll has 1 categorical variable(s) (stype) but its cells give 2 "
            + "category code(s): give one code per categorical variable, in the term's order");
  }

  @Test
  void aMissingNumericValue_failsOrIsExcluded() {
    SurveyDesign clus2 = SurveyDesign.builder(CalibrateGoldenTest.read("calibrate_apiclus2.csv", Set.of()))
        .weights("pw").cluster("dnum").fpc("fpc1").secondStage("snum", "fpc2").build();
    ModelCalibration c = ModelCalibration.of(List.of(CalibrationTerm.counts("stype", STYPE),
        CalibrationTerm.total("enroll", 3811472))).withFunction(CalibrationFunction.RAKING);
    assertThatThrownBy(() -> c.apply(clus2))
        .hasMessageMatching("calibration variable enroll is missing for respondent \\d+ \\(row \\d+\\); choose the "
            + "missing-value policy EXCLUDE to leave such respondents out of the weighted sample");
    WeightingResult result = c.withMissing(MissingPolicy.EXCLUDE).apply(clus2);
    assertThat(result.report().excluded()).isEqualTo(6);
  }
}
