package dev.insight.stats.inference;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A Rao-Scott test of association for a two-way table under a survey design, with the fields R {@code survey}'s
 * {@code svychisq} reports for {@code statistic = "F"} (the default) and {@code statistic = "Chisq"}.
 *
 * @param rowVariable the first variable (or the row of a table)
 * @param columnVariable the second variable (or the banner variable of a table)
 * @param rows the number of levels of the first variable found among the respondents tested
 * @param columns the number of levels of the second
 * @param f the second-order corrected statistic {@code X^2 / trace(Delta)}: R's {@code statistic} for
 *     {@code "F"}
 * @param ndf Satterthwaite's {@code d0 = trace(Delta)^2 / trace(Delta^2)}: R's {@code parameter["ndf"]}
 * @param ddf {@code d0} times the design's degrees of freedom: R's {@code parameter["ddf"]}
 * @param pValue the p-value of {@code f} against F on {@code ndf, ddf}: R's {@code p.value} for {@code "F"}
 * @param chisq Pearson's {@code X^2} of the weighted table scaled to the number of respondents tested: R's
 *     {@code statistic} ({@code X-squared}) for {@code "Chisq"}
 * @param df {@code (rows - 1)(columns - 1)}: R's {@code parameter["df"]}
 * @param chisqPValue the p-value of the first-order correction {@code chisq / meanDeff} against chi-square on
 *     {@code df}: R's {@code p.value} for {@code "Chisq"}
 * @param meanDeff the mean generalised design effect {@code trace(Delta) / df}
 */
public record RaoScottTest(String rowVariable, String columnVariable, int rows, int columns, double f, double ndf,
    double ddf, double pValue, double chisq, int df, double chisqPValue, double meanDeff) {
  /**
   * Validates names and table size.
   *
   * @param rowVariable the first variable (or the row of a table)
   * @param columnVariable the second variable (or the banner variable of a table)
   * @param rows the number of levels of the first variable found among the respondents tested
   * @param columns the number of levels of the second
   * @param f the second-order corrected statistic
   * @param ndf the numerator degrees of freedom of {@code f}
   * @param ddf the denominator degrees of freedom of {@code f}
   * @param pValue the p-value of {@code f}
   * @param chisq Pearson's {@code X^2}
   * @param df {@code (rows - 1)(columns - 1)}
   * @param chisqPValue the p-value of the first-order correction
   * @param meanDeff the mean generalised design effect
   */
  public RaoScottTest {
    checkNotNull(rowVariable, "rowVariable");
    checkNotNull(columnVariable, "columnVariable");
    checkArgument(rows >= 2 && columns >= 2, "a test of association needs at least 2 x 2 levels: %s x %s", rows,
        columns);
    checkArgument(df == (rows - 1) * (columns - 1), "df %s for a %s x %s table", df, rows, columns);
  }

  /**
   * The first-order corrected statistic, {@code chisq / meanDeff}, whose p-value is {@link #chisqPValue()}.
   *
   * @return the corrected chi-square
   */
  public double firstOrderChisq() {
    return chisq / meanDeff;
  }
}
