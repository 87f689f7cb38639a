package dev.insight.stats.table;

/**
 * A two-sided t test of the difference between two columns.
 *
 * @param difference the first column's value minus the second's (proportions or means)
 * @param t the t statistic; NaN when the test could not be done
 * @param degreesOfFreedom the degrees of freedom
 * @param pValue the two-sided p-value; NaN when the test could not be done
 */
record TTest(double difference, double t, double degreesOfFreedom, double pValue) {
  /** A test that could not be done (a base of zero, no variation, identical values). */
  static final TTest NOT_TESTED = new TTest(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  /**
   * Whether the test was done.
   *
   * @return false when the p-value is NaN
   */
  public boolean tested() {
    return !Double.isNaN(pValue);
  }
}
