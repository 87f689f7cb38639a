package dev.insight.stats.inference;

import static com.google.common.base.Preconditions.checkArgument;

import dev.insight.core.data.CategoricalVariable;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * McNemar's paired test for a before/after yes/no question answered by the same respondents.
 *
 * <p>Only the discordant pairs carry information: {@code b} changed from yes to no, {@code c} from no to yes.
 * With at least {@link #DEFAULT_EXACT_BELOW} discordant pairs the statistic is R {@code mcnemar.test}'s
 * continuity-corrected {@code (|b - c| - 1)^2 / (b + c)} on one degree of freedom; below that the p-value is the
 * exact two-sided binomial one, {@code min(1, 2 P(X <= min(b, c)))} for {@code X ~ Bin(b + c, 1/2)} (R
 * {@code binom.test}). Counts are unweighted: the test is about the people who changed.
 */
public final class McNemar {
  /** Fewer discordant pairs than this use the exact binomial p-value. */
  public static final int DEFAULT_EXACT_BELOW = 25;

  private McNemar() {}

  /**
   * Tests from the discordant counts.
   *
   * @param pairs respondents with both answers
   * @param yesToNo discordant pairs yes before, no after
   * @param noToYes discordant pairs no before, yes after
   * @param exactBelow use the exact test when {@code yesToNo + noToYes} is below this
   * @return the test; with no discordant pair the p-value is 1
   * @throws IllegalArgumentException when a count is negative or larger than the pairs
   */
  public static McNemarResult test(int pairs, int yesToNo, int noToYes, int exactBelow) {
    checkArgument(yesToNo >= 0 && noToYes >= 0 && yesToNo + noToYes <= pairs,
        "discordant counts %s and %s must be non-negative and at most the %s pairs", yesToNo, noToYes, pairs);
    int discordant = yesToNo + noToYes;
    if (discordant == 0) {
      return new McNemarResult(pairs, yesToNo, noToYes, Double.NaN, 1, true);
    }
    if (discordant < exactBelow) {
      double tail = new BinomialDistribution(null, discordant, 0.5).cumulativeProbability(Math.min(yesToNo,
          noToYes));
      return new McNemarResult(pairs, yesToNo, noToYes, Double.NaN, Math.min(1, 2 * tail), true);
    }
    double d = Math.abs(yesToNo - noToYes) - 1.0;
    double statistic = d * d / discordant;
    double p = 1 - new ChiSquaredDistribution(null, 1).cumulativeProbability(statistic);
    return new McNemarResult(pairs, yesToNo, noToYes, statistic, p, false);
  }

  /**
   * Tests a before and an after question: a respondent says "yes" when their answer is the given category.
   *
   * @param before the answer before
   * @param after the answer after, from the same respondents in the same rows
   * @param yesCode the category code that counts as yes (for example {@code "Confident"})
   * @return the test over the respondents with both answers
   * @throws IllegalArgumentException when the variables differ in length or either lacks the category
   */
  public static McNemarResult test(CategoricalVariable before, CategoricalVariable after, String yesCode) {
    checkArgument(before.size() == after.size(), "before %s has %s rows but after %s has %s", before.name(),
        before.size(), after.name(), after.size());
    int yesBefore = before.indexOf(yesCode);
    int yesAfter = after.indexOf(yesCode);
    checkArgument(yesBefore >= 0, "variable %s has no category %s; it has %s", before.name(), yesCode,
        before.categories());
    checkArgument(yesAfter >= 0, "variable %s has no category %s; it has %s", after.name(), yesCode,
        after.categories());
    int pairs = 0;
    int b = 0;
    int c = 0;
    for (int row = 0; row < before.size(); row++) {
      if (before.isMissing(row) || after.isMissing(row)) {
        continue;
      }
      pairs++;
      boolean x = before.categoryIndex(row) == yesBefore;
      boolean y = after.categoryIndex(row) == yesAfter;
      if (x && !y) {
        b++;
      } else if (!x && y) {
        c++;
      }
    }
    return test(pairs, b, c, DEFAULT_EXACT_BELOW);
  }
}
