package dev.insight.stats.design;

/**
 * Weighting did not meet its targets within the iteration limit, or bounds on the weights cannot be met. Carries
 * the report so a caller can show the diagnostics or decide to use the weights anyway (or ask the procedure for a
 * result flagged not converged instead).
 */
public final class WeightingNotConvergedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** The diagnostics; reports are immutable records of serialisable values. */
  @SuppressWarnings("serial")
  private final WeightingReport report;

  /**
   * An exception with a message and the report.
   *
   * @param message what was not met, naming variables and categories
   * @param report the diagnostics
   */
  public WeightingNotConvergedException(String message, WeightingReport report) {
    super(message);
    this.report = report;
  }

  /**
   * The diagnostics of the failed weighting.
   *
   * @return the report, with {@code converged()} false
   */
  public WeightingReport report() {
    return report;
  }
}
