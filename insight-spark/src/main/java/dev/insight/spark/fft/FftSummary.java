package dev.insight.spark.fft;

import java.util.List;

/**
 * What a publication run read, set aside and hid: every row read is either published or counted here under its
 * problem, never dropped silently.
 *
 * @param rowsRead the rows of the input
 * @param rowsPublished the rows counted in the publication (all levels present, rating on the scale)
 * @param missingLevel rows with a blank or missing organisation at some level (set aside)
 * @param ratingOutsideScale rows with all levels but a rating that is not 1 to 6 (set aside)
 * @param nullComment published rows with no comment (counted in responses and ratings, not in themes)
 * @param commentsCoded published rows whose comment was coded
 * @param abstained coded comments a learned model was not confident about (0 for rules)
 * @param organisations the number of organisations at each level, from the top
 * @param hiddenPrimary the counts of responses hidden as small, at each level
 * @param hiddenComplementary the counts of responses hidden to protect others, at each level
 * @param coding what coded the comments
 * @param rule the suppression rule, in words
 */
public record FftSummary(long rowsRead, long rowsPublished, long missingLevel, long ratingOutsideScale,
    long nullComment, long commentsCoded, long abstained, List<Integer> organisations, List<Integer> hiddenPrimary,
    List<Integer> hiddenComplementary, String coding, String rule) {
  /**
   * Copies the lists.
   *
   * @param rowsRead the rows of the input
   * @param rowsPublished the rows counted in the publication
   * @param missingLevel rows with a blank or missing organisation at some level
   * @param ratingOutsideScale rows with a rating that is not 1 to 6
   * @param nullComment published rows with no comment
   * @param commentsCoded published rows whose comment was coded
   * @param abstained coded comments a learned model was not confident about
   * @param organisations the number of organisations at each level
   * @param hiddenPrimary the counts of responses hidden as small, at each level
   * @param hiddenComplementary the counts of responses hidden to protect others, at each level
   * @param coding what coded the comments
   * @param rule the suppression rule
   */
  public FftSummary {
    organisations = List.copyOf(organisations);
    hiddenPrimary = List.copyOf(hiddenPrimary);
    hiddenComplementary = List.copyOf(hiddenComplementary);
  }

  /**
   * The summary as lines of text, for the console and the log.
   *
   * @param levels the level names from the top
   * @return the lines
   */
  public List<String> describe(List<String> levels) {
    java.util.ArrayList<String> lines = new java.util.ArrayList<>();
    lines.add("rows read: " + rowsRead);
    lines.add("rows published: " + rowsPublished);
    lines.add("rows set aside, a missing organisation level: " + missingLevel);
    lines.add("rows set aside, a rating outside 1-6: " + ratingOutsideScale);
    lines.add("published rows without a comment: " + nullComment);
    lines.add("comments coded: " + commentsCoded + " (" + coding + ")" + (abstained > 0 ? "; " + abstained
        + " below the confidence threshold" : ""));
    for (int l = 0; l < levels.size(); l++) {
      lines.add(levels.get(l) + ": " + organisations.get(l) + " organisations, responses hidden for "
          + hiddenPrimary.get(l) + " (small) and " + hiddenComplementary.get(l) + " (complementary)");
    }
    lines.add("rule: " + rule);
    return lines;
  }
}
