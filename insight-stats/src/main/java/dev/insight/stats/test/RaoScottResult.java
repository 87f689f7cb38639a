package dev.insight.stats.test;

/**
 * A Rao-Scott test of association for a two-way table, as R's {@code svychisq} reports it.
 *
 * @param pearsonChisq Pearson's X^2 of the weighted table scaled to the number of respondents (the statistic R
 *     prints for {@code statistic = "Chisq"})
 * @param firstOrderChisq the first-order corrected statistic {@code X^2 / mean(eigenvalues of Delta)}, referred to
 *     chi-square on {@code (r-1)(c-1)} degrees of freedom
 * @param chisqDegreesOfFreedom {@code (r-1)(c-1)}
 * @param chisqPValue the p-value of the first-order correction (R's {@code p.value} for {@code "Chisq"})
 * @param f the second-order corrected statistic {@code X^2 / trace(Delta)} (R's {@code statistic = "F"})
 * @param numeratorDf Satterthwaite's {@code d0 = trace(Delta)^2 / trace(Delta^2)}
 * @param denominatorDf {@code d0} times the design's degrees of freedom (units minus strata)
 * @param fPValue the p-value of {@code f} on an F distribution with those degrees of freedom
 * @param meanDesignEffect the mean generalised design effect {@code trace(Delta) / ((r-1)(c-1))}
 */
public record RaoScottResult(double pearsonChisq, double firstOrderChisq, double chisqDegreesOfFreedom,
    double chisqPValue, double f, double numeratorDf, double denominatorDf, double fPValue,
    double meanDesignEffect) {}
