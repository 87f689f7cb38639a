package dev.insight.stats.estimate;

import static dev.insight.stats.GoldenFiles.assertClose;

import dev.insight.stats.design.Filter;
import dev.insight.core.data.Dataset;
import dev.insight.stats.GoldenFiles;
import dev.insight.stats.design.SurveyDesign;
import dev.insight.stats.design.ModelCalibration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Calibration-aware standard errors after linear calibration, against R survey 4.1.1 ({@code calibrate} then
 * {@code svymean} / {@code svytotal}); the values were printed by test resource {@code golden/linear_calibration_se.R}.
 * The bounds [0.3, 3] do not bind for these estimates' variance, so bounded and unbounded give the same R values.
 */
class LinearCalibrationVarianceTest {
  private static final Dataset STAFF = GoldenFiles.staffSurvey();

  @ParameterizedTest(name = "bounded {0}")
  @ValueSource(booleans = {true, false})
  void linearCalibration_standardErrors_matchR(boolean bounded) {
    ModelCalibration calibration = ModelCalibration.toMargins(GoldenFiles.staffMargins().subList(0, 2));
    if (bounded) {
      calibration = calibration.withBounds(0.3, 3);
    }
    SurveyDesign design = calibration.apply(SurveyDesign.builder(STAFF).equalWeights(103000).build()).design();
    Estimator estimator = Estimator.of(design);
    Estimate all = estimator.proportion("pri_workforce", Filter.all());
    assertClose("mean", all.value(), 0.635996393243);
    assertClose("se", all.standardError(), 0.0175477531604);
    Estimate domain = estimator.proportion("pri_housing", Filter.category("area", "West Essex"));
    assertClose("domain mean", domain.value(), 0.19501722563);
    assertClose("domain se", domain.standardError(), 0.0313329025917);
    Estimate total = estimator.total("pri_carers", Filter.all());
    assertClose("total", total.value(), 30023.5332356);
    assertClose("total se", total.standardError(), 1718.82426229);
  }
}
