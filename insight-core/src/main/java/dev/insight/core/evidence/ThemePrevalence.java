package dev.insight.core.evidence;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.internal.Check;
import dev.insight.core.programme.ActivityId;

/**
 * How common a theme was among the people an activity heard: a weighted share with its confidence interval and its
 * bases, as estimated from the coded comments of a survey (for example by {@code insight estimate}). The programme
 * records the estimate; it does not compute it, so the figures are the ones the analysis published.
 *
 * @param id its id
 * @param theme the theme or code, such as "needs adequate funding"
 * @param activity the activity whose respondents it describes
 * @param share the weighted share, between 0 and 1
 * @param lower the lower end of the interval, between 0 and {@code share}
 * @param upper the upper end of the interval, between {@code share} and 1
 * @param level the confidence level of the interval, such as 0.95
 * @param respondents the unweighted base: how many respondents the share is of, positive
 * @param weightedBase the weighted base, positive
 * @param method how the interval was made, such as "logit, Taylor linearisation"
 */
public record ThemePrevalence(PrevalenceId id, String theme, ActivityId activity, double share, double lower,
    double upper, double level, int respondents, double weightedBase, String method) {

  /**
   * Validates: a share and interval within [0, 1] in order, a level strictly between 0 and 1, positive bases.
   *
   * @param id its id
   * @param theme the theme or code
   * @param activity the activity whose respondents it describes
   * @param share the weighted share, between 0 and 1
   * @param lower the lower end of the interval
   * @param upper the upper end of the interval
   * @param level the confidence level of the interval
   * @param respondents the unweighted base
   * @param weightedBase the weighted base
   * @param method how the interval was made
   */
  public ThemePrevalence {
    checkNotNull(id, "id");
    Check.text(theme, "prevalence theme");
    checkNotNull(activity, "activity of prevalence %s", id);
    Check.text(method, "prevalence method");
    checkArgument(share >= 0 && share <= 1, "prevalence %s: share must be between 0 and 1: %s", id, share);
    checkArgument(lower >= 0 && lower <= share && upper >= share && upper <= 1,
        "prevalence %s: interval [%s, %s] must lie within [0, 1] and contain the share %s", id, lower, upper, share);
    checkArgument(level > 0 && level < 1, "prevalence %s: confidence level must be between 0 and 1: %s", id, level);
    checkArgument(respondents > 0, "prevalence %s: respondents must be positive: %s", id, respondents);
    checkArgument(weightedBase > 0 && Double.isFinite(weightedBase),
        "prevalence %s: weighted base must be positive: %s", id, weightedBase);
  }

  /**
   * The estimate in words, such as {@code "41.0% (95% CI 33.9% to 48.4%; base 180 respondents)"}.
   *
   * @return the description, in the root locale
   */
  public String describe() {
    return String.format(java.util.Locale.ROOT, "%.1f%% (%s%% CI %.1f%% to %.1f%%; base %d respondents)",
        share * 100, new java.math.BigDecimal(Double.toString(level * 100)).stripTrailingZeros().toPlainString(),
        lower * 100, upper * 100, respondents);
  }
}
