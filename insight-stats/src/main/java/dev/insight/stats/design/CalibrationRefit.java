package dev.insight.stats.design;

import java.util.Locale;

/**
 * The replicates of a calibrated replicate-weight design: each replicate's weights, summed by the calibration's
 * units, calibrated to the same totals with the same distance, bounds and trim (R's {@code calibrate} of an
 * {@code svyrep.design}). The design then keeps one factor per replicate and unit: per cell when the calibration
 * ran on cells, otherwise per respondent (replicates x respondents doubles, once).
 */
final class CalibrationRefit {
  private CalibrationRefit() {}

  /**
   * The refit of a calibration's replicates.
   *
   * @param calibration the calibration, for its settings and messages
   * @param design the design calibrated, for its respondents' ids
   * @param solver its solver
   * @param units its units
   * @param replicates the design's number of replicates
   * @param report the full sample's report, carried by a failure
   */
  static ReplicateRefit of(ModelCalibration calibration, SurveyDesign design, CalibrationSolver solver,
      CalibrationUnits units, int replicates, WeightingReport report) {
    ModelMatrix model = units.model;
    return new ReplicateRefit(units.unitOfRow(), units.size(), (unitWeights, r) -> {
      CalibrationSolver.Solved solved = solver.solve(units, unitWeights, null, null);
      if (!solved.pass().finite() || (!solved.converged() && !calibration.allowsNonConvergence())) {
        throw new WeightingNotConvergedException(String.format(Locale.ROOT, "%s calibration of replicate %d of %d "
            + "to %s with %s did not meet the totals in %d iterations: %s; the replicate's weights cannot be "
            + "calibrated to these totals (a cell or variable with no weight in that replicate, or bounds too "
            + "narrow for it)", calibration.function().rName(), r + 1, replicates, calibration.termNames(),
            calibration.describeBounds(), Math.min(solved.iterations(), solver.maxIterations()),
            solved.pass().finite() ? solved.misfit(model) : "its Newton steps gave g-weights that are not finite"),
            report);
      }
      double[] g = solved.g();
      if (calibration.trims()) {
        CalibrationSolver.trim(units, unitWeights, g, calibration.trimLow(), calibration.trimHigh());
      }
      for (int u = 0; u < g.length; u++) {
        if (!units.in(u) || unitWeights[u] == 0) {
          g[u] = 0;
        } else if (!(g[u] > 0)) {
          int row = units.firstRow(u);
          throw new IllegalArgumentException(String.format(Locale.ROOT, "%s calibration of replicate %d of %d to "
              + "%s gives respondent %s (row %d)%s a g-weight of %s; set bounds on the g-weights above 0",
              calibration.function().rName(), r + 1, replicates, calibration.termNames(), design.data().id(row),
              row + 1, units.respondents(u) == 1 ? "" : " and the others with the same calibration variables", g[u]));
        }
      }
      return g;
    });
  }
}
