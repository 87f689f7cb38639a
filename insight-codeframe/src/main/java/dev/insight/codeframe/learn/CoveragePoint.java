package dev.insight.codeframe.learn;

/**
 * One point of the coverage-versus-precision curve: code only the most confident {@code coverage} share of
 * comments and leave the rest for a person.
 *
 * @param coverage the share of comments coded, in (0, 1]
 * @param comments how many comments that is
 * @param confidenceThreshold the lowest confidence among them (abstain below it)
 * @param precision the share of codes given to them that were right
 * @param expectedPrecision the mean calibrated probability of those codes: what the model expected
 * @param microF1 micro F1 over those comments
 * @param exactMatch the share of them coded exactly right
 */
public record CoveragePoint(double coverage, int comments, double confidenceThreshold, double precision,
    double expectedPrecision, double microF1, double exactMatch) {

  /**
   * Validates nothing: every value is a measured figure.
   *
   * @param coverage the share of comments coded, in (0, 1]
   * @param comments how many comments that is
   * @param confidenceThreshold the lowest confidence among them (abstain below it)
   * @param precision the share of codes given to them that were right
   * @param expectedPrecision the mean calibrated probability of those codes: what the model expected
   * @param microF1 micro F1 over those comments
   * @param exactMatch the share of them coded exactly right
   */
  public CoveragePoint {
  }
}
