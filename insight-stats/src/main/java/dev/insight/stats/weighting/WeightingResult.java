package dev.insight.stats.weighting;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.stats.design.SurveyDesign;

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
