package dev.insight.stats.test;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A Rao-Scott test of association between two variables of a survey design, as R {@code survey}'s
 * {@code svychisq}.
 *
 * @param rowVariable the first variable
 * @param columnVariable the second variable
 * @param rows the number of levels of the first variable found in the sample
 * @param columns the number of levels of the second
 * @param pearson Pearson's chi-square of the weighted table scaled to the number of respondents (R's
 *     {@code statistic} for {@code statistic = "Chisq"})
 * @param chisqPValue the p-value of the first-order correction: {@code pearson / mean(eigenvalues)} against
 *     chi-square on {@code (rows - 1)(columns - 1)} degrees of freedom
 * @param meanEigenvalue the mean generalised design effect, {@code mean(diag(Delta))}
 * @param f the second-order corrected statistic {@code pearson / trace(Delta)} (R's {@code statistic = "F"})
 * @param numeratorDf {@code d0 = trace(Delta)^2 / trace(Delta^2)}
 * @param denominatorDf {@code d0} times the design's degrees of freedom
 * @param fPValue the p-value of {@code f} against F on those degrees of freedom
 */
public record RaoScottTest(String rowVariable, String columnVariable, int rows, int columns, double pearson,
    double chisqPValue, double meanEigenvalue, double f, double numeratorDf, double denominatorDf, double fPValue) {
  /**
   * Validates names and table size.
   *
   * @param rowVariable the first variable
   * @param columnVariable the second variable
   * @param rows the number of levels of the first variable found in the sample
   * @param columns the number of levels of the second
   * @param pearson Pearson's chi-square of the weighted table scaled to the number of respondents (R's {@code statistic} for {@code statistic = "Chisq"})
   * @param chisqPValue the p-value of the first-order correction: {@code pearson / mean(eigenvalues)} against chi-square on {@code (rows - 1)(columns - 1)} degrees of freedom
   * @param meanEigenvalue the mean generalised design effect, {@code mean(diag(Delta))}
   * @param f the second-order corrected statistic {@code pearson / trace(Delta)} (R's {@code statistic = "F"})
   * @param numeratorDf {@code d0 = trace(Delta)^2 / trace(Delta^2)}
   * @param denominatorDf {@code d0} times the design's degrees of freedom
   * @param fPValue the p-value of {@code f} against F on those degrees of freedom
   */
  public RaoScottTest {
    checkNotNull(rowVariable, "rowVariable");
    checkNotNull(columnVariable, "columnVariable");
    checkArgument(rows >= 2 && columns >= 2, "a test of association needs at least 2 x 2 levels: %s x %s", rows,
        columns);
  }

  /**
   * The degrees of freedom of the first-order test.
   *
   * @return {@code (rows - 1)(columns - 1)}
   */
  public int chisqDf() {
    return (rows - 1) * (columns - 1);
  }

  /**
   * The first-order corrected statistic itself, {@code pearson / meanEigenvalue}.
   *
   * @return the corrected chi-square
   */
  public double firstOrderChisq() {
    return pearson / meanEigenvalue;
  }
}
