package dev.insight.stats.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.insight.stats.GoldenFiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The cells a calibration iterates on when no term is numeric: the same Newton steps, g-weights and trim as on the
 * respondents, and the respondents when a term is numeric; and margins given to the calibration as shares.
 */
class CalibrationUnitsTest {
  private static final Map<String, Double> STYPE = Map.of("E", 4421.0, "H", 755.0, "M", 1018.0);
  private static final Map<String, Double> SCH_WIDE = Map.of("No", 1072.0, "Yes", 5122.0);

  private static List<CalibrationTerm> categorical() {
    Map<List<String>, Double> cross = new LinkedHashMap<>();
    cross.put(List.of("E", "No"), 472.0);
    cross.put(List.of("E", "Yes"), 3949.0);
    cross.put(List.of("H", "No"), 334.0);
    cross.put(List.of("H", "Yes"), 421.0);
    cross.put(List.of("M", "No"), 266.0);
    cross.put(List.of("M", "Yes"), 752.0);
    return List.of(CalibrationTerm.counts("stype", STYPE), CalibrationTerm.counts("sch.wide", SCH_WIDE),
        CalibrationTerm.of(List.of("stype", "sch.wide"), cross));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(CalibrationFunction.class)
  void cells_giveTheStepsAndGWeightsOfTheRespondents(CalibrationFunction function) {
    SurveyDesign design = CalibrateGoldenTest.design("dstrat");
    ModelMatrix model = ModelMatrix.of(design, categorical(), Double.NaN, MissingPolicy.FAIL);
    CalibrationUnits cells = CalibrationUnits.of(model, false);
    CalibrationUnits rows = CalibrationUnits.of(model, true);
    assertThat(cells.size()).isEqualTo(6);
    assertThat(rows.size()).isEqualTo(design.rowCount());
    double[] start = design.weights();
    CalibrationSolver solver = new CalibrationSolver(function, 0.6, 1.7, 1e-10, 50);
    CalibrationSolver.Solved byCell = solver.solve(cells, cells.sum(start), null, null);
    CalibrationSolver.Solved byRow = solver.solve(rows, rows.sum(start), null, null);
    assertThat(byCell.converged()).isTrue();
    assertThat(byCell.iterations()).isEqualTo(byRow.iterations());
    String cellTrim = CalibrationSolver.trim(cells, cells.sum(start), byCell.g(), 0.9, 1.1);
    String rowTrim = CalibrationSolver.trim(rows, rows.sum(start), byRow.g(), 0.9, 1.1);
    assertThat(cellTrim).isEqualTo(rowTrim).matches("; trim \\[0.9, 1.1\\]: \\d+ g-weights trimmed");
    for (int i = 0; i < design.rowCount(); i++) {
      assertThat(byCell.g()[cells.unitOfRow()[i]]).as("row %s", i + 1)
          .isCloseTo(byRow.g()[rows.unitOfRow()[i]], within(1e-12));
    }
  }

  @Test
  void aNumericTerm_makesEachRespondentAUnit() {
    SurveyDesign design = CalibrateGoldenTest.design("dstrat");
    ModelMatrix model = ModelMatrix.of(design, List.of(CalibrationTerm.counts("stype", STYPE),
        CalibrationTerm.total("enroll", 3811472)), Double.NaN, MissingPolicy.FAIL);
    assertThat(CalibrationUnits.of(model, false).size()).isEqualTo(design.rowCount());
  }

  @Test
  void aRespondentOutsideTheCalibration_hasNoCell() {
    SurveyDesign design = CalibrateGoldenTest.design("dstrat");
    double[] weights = design.weights();
    weights[3] = 0;
    SurveyDesign withZero = SurveyDesign.builder(design.data()).weights(weights).build();
    CalibrationUnits cells = CalibrationUnits.of(ModelMatrix.of(withZero, categorical(), Double.NaN,
        MissingPolicy.FAIL), false);
    assertThat(cells.unitOfRow()[3]).isEqualTo(-1);
    int respondents = 0;
    for (int u = 0; u < cells.size(); u++) {
      respondents += cells.respondents(u);
    }
    assertThat(respondents).isEqualTo(design.rowCount() - 1);
  }

  @Test
  void marginsOfShares_keepTheStartingTotal() {
    List<Margin> counts = GoldenFiles.staffMargins().subList(0, 2);
    List<Margin> shares = counts.stream().map(m -> {
      Map<String, Double> p = new LinkedHashMap<>();
      m.targets().forEach((k, v) -> p.put(k, v / m.total()));
      return Margin.proportions(m.variable(), p);
    }).toList();
    SurveyDesign start = SurveyDesign.builder(GoldenFiles.staffSurvey()).build();
    SurveyDesign byCounts = ModelCalibration.toMargins(counts).withBounds(0.3, 3)
        .apply(SurveyDesign.builder(GoldenFiles.staffSurvey()).equalWeights(103000).build()).design();
    SurveyDesign byShares = ModelCalibration.toMargins(shares).withBounds(0.3, 3).apply(start).design();
    double sum = 0;
    for (int i = 0; i < start.rowCount(); i++) {
      sum += byShares.weight(i);
      assertThat(byShares.weight(i) * 103000 / 759).isCloseTo(byCounts.weight(i), within(1e-6));
    }
    assertThat(sum).isCloseTo(759, within(1e-6));
  }

  @Test
  void marginsMixingCountsAndShares_orSharesWithAPopulationSize_areRefused() {
    Margin counts = GoldenFiles.staffMargins().get(0);
    Margin shares = Margin.proportions("area", Map.of("a", 0.5, "b", 0.5));
    assertThatThrownBy(() -> ModelCalibration.toMargins(List.of(counts, shares)))
        .hasMessage("margins mix counts and proportions: sector is COUNTS but area is PROPORTIONS");
    assertThatThrownBy(() -> ModelCalibration.toMargins(List.of(shares)).withPopulationSize(1000)
        .apply(SurveyDesign.builder(GoldenFiles.staffSurvey()).build()))
        .hasMessage("margins of proportions are shares of the starting weights' total, so a population size "
            + "(1000.0) does not apply: give margins of counts");
  }
}
