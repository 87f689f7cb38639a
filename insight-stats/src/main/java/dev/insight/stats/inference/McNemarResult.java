package dev.insight.stats.inference;

/**
 * McNemar's test of a change in a yes/no answer given twice by the same respondents.
 *
 * @param pairs respondents with both answers
 * @param yesToNo respondents who said yes before and no after
 * @param noToYes respondents who said no before and yes after
 * @param statistic the continuity-corrected chi-square {@code (|b - c| - 1)^2 / (b + c)}; NaN when exact
 * @param pValue the two-sided p-value
 * @param exact whether the p-value is the exact binomial one (few discordant pairs)
 */
public record McNemarResult(int pairs, int yesToNo, int noToYes, double statistic, double pValue, boolean exact) {}
