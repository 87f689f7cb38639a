package dev.insight.codeframe.learn;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.Locale;

/**
 * How many comments a coder coded and how many it left for a person, with the precision the model expects on
 * the ones it coded (the mean calibrated probability of the codes it gave them).
 *
 * @param comments how many comments were predicted
 * @param coded how many were coded (confidence at or above the threshold)
 * @param abstained how many were left for a person
 * @param threshold the confidence threshold
 * @param expectedPrecision the expected share of given codes that are right, over coded comments (NaN if none)
 */
public record AbstentionReport(int comments, int coded, int abstained, double threshold,
    double expectedPrecision) {

  /**
   * Validates the counts.
   *
   * @param comments how many comments were predicted
   * @param coded how many were coded (confidence at or above the threshold)
   * @param abstained how many were left for a person
   * @param threshold the confidence threshold
   * @param expectedPrecision the expected share of given codes that are right, over coded comments (NaN if none)
   */
  public AbstentionReport {
    checkArgument(coded >= 0 && abstained >= 0 && coded + abstained == comments,
        "coded %s + abstained %s must equal comments %s", coded, abstained, comments);
  }

  /**
   * The report for a batch of predictions.
   *
   * @param predictions the predictions
   * @param threshold the threshold they were made with
   * @return the report
   */
  public static AbstentionReport of(List<Prediction> predictions, double threshold) {
    int coded = 0;
    double probabilitySum = 0;
    int given = 0;
    for (Prediction p : predictions) {
      if (!p.abstained()) {
        coded++;
        for (int k : p.assignedIndexes()) {
          probabilitySum += p.probability(k);
          given++;
        }
      }
    }
    return new AbstentionReport(predictions.size(), coded, predictions.size() - coded, threshold,
        given == 0 ? Double.NaN : probabilitySum / given);
  }

  /**
   * One line for people.
   *
   * @return e.g. {@code "coded 812 of 1000 comments (81.2%) at confidence >= 0.400, expected precision 0.910; 188
   *     left for a person"}
   */
  public String describe() {
    return String.format(Locale.ROOT,
        "coded %d of %d comments (%.1f%%) at confidence >= %.3f, expected precision %.3f; %d left for a person",
        coded, comments, comments == 0 ? 0.0 : 100.0 * coded / comments, threshold, expectedPrecision, abstained);
  }
}
