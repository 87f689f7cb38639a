package dev.insight.stats.design;

import static com.google.common.base.Preconditions.checkNotNull;


/**
 * A weighted design and the report of how it was weighted.
 *
 * @param design the new design
 * @param report the diagnostics
 */
public record WeightingResult(SurveyDesign design, WeightingReport report) {
  /**
   * Validates that both are present.
   *
   * @param design the new design
   * @param report the diagnostics
   */
  public WeightingResult {
    checkNotNull(design, "design");
    checkNotNull(report, "report");
  }
}
