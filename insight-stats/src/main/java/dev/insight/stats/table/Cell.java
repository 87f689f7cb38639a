package dev.insight.stats.table;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * One cell of a banner table. Values that do not apply (a mean in a count row, a row percent when not asked for)
 * are NaN; so are values hidden by suppression.
 *
 * @param unweightedCount respondents in the row and column (for a mean or quantile row: respondents with a value)
 * @param weightedCount their weighted count
 * @param columnPercent weighted percent of the column's base
 * @param rowPercent weighted percent of the row's Total cell
 * @param mean weighted mean (mean rows)
 * @param standardDeviation weighted standard deviation (mean rows), R {@code svyvar}'s definition
 * @param quantile the weighted quantile (quantile rows), R {@code svyquantile}'s with its default rule
 * @param standardError the design-based standard error of the cell's quantile (quantile rows; NaN where R's is),
 *     or, when the table asks for them ({@link TableOptions#standardErrors()}), of its column percent (in
 *     percentage points) or mean
 * @param ciLow the lower limit of the quantile's confidence interval (quantile rows); NaN beyond the data, as R's
 * @param ciHigh the upper limit of the quantile's confidence interval (quantile rows); NaN beyond the data
 * @param letters letters of the columns this one is significantly higher than: upper case at the upper level,
 *     lower case at the lower level only
 * @param versusRest this column against everyone else in the table
 * @param suppressed whether counts and percentages are hidden for disclosure control
 */
public record Cell(double unweightedCount, double weightedCount, double columnPercent, double rowPercent,
    double mean, double standardDeviation, double quantile, double standardError, double ciLow, double ciHigh,
    String letters, Comparison versusRest, boolean suppressed) {
  /**
   * Validates the fields are present
   *
   * @param unweightedCount respondents in the row and column (for a mean or quantile row: respondents with a value)
   * @param weightedCount their weighted count
   * @param columnPercent weighted percent of the column's base
   * @param rowPercent weighted percent of the row's Total cell
   * @param mean weighted mean (mean rows)
   * @param standardDeviation weighted standard deviation (mean rows), R {@code svyvar}'s definition
   * @param quantile the weighted quantile (quantile rows), R {@code svyquantile}'s with its default rule
   * @param standardError the design-based standard error of the cell's quantile, column percent or mean
   * @param ciLow the lower limit of the quantile's confidence interval (quantile rows); NaN beyond the data
   * @param ciHigh the upper limit of the quantile's confidence interval (quantile rows); NaN beyond the data
   * @param letters letters of the columns this one is significantly higher than: upper case at the upper level, lower case at the lower level only
   * @param versusRest this column against everyone else in the table
   * @param suppressed whether counts and percentages are hidden for disclosure control
   */
  public Cell {
    checkNotNull(letters, "letters");
    checkNotNull(versusRest, "versusRest");
  }

  /**
   * A cell of a count or mean row: no quantile.
   *
   * @param unweightedCount respondents in the row and column (for a mean row: respondents with a value)
   * @param weightedCount their weighted count
   * @param columnPercent weighted percent of the column's base
   * @param rowPercent weighted percent of the row's Total cell
   * @param mean weighted mean (mean rows)
   * @param standardDeviation weighted standard deviation (mean rows)
   * @param letters letters of the columns this one is significantly higher than
   * @param versusRest this column against everyone else in the table
   * @param suppressed whether counts and percentages are hidden for disclosure control
   */
  public Cell(double unweightedCount, double weightedCount, double columnPercent, double rowPercent, double mean,
      double standardDeviation, String letters, Comparison versusRest, boolean suppressed) {
    this(unweightedCount, weightedCount, columnPercent, rowPercent, mean, standardDeviation, Double.NaN,
        Double.NaN, Double.NaN, Double.NaN, letters, versusRest, suppressed);
  }

  Cell withStandardError(double value) {
    return new Cell(unweightedCount, weightedCount, columnPercent, rowPercent, mean, standardDeviation, quantile,
        value, ciLow, ciHigh, letters, versusRest, suppressed);
  }

  Cell withLetters(String value) {
    return new Cell(unweightedCount, weightedCount, columnPercent, rowPercent, mean, standardDeviation, quantile,
        standardError, ciLow, ciHigh, value, versusRest, suppressed);
  }

  Cell withVersusRest(Comparison value) {
    return new Cell(unweightedCount, weightedCount, columnPercent, rowPercent, mean, standardDeviation, quantile,
        standardError, ciLow, ciHigh, letters, value, suppressed);
  }
}
