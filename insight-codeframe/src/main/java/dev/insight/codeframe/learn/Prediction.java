package dev.insight.codeframe.learn;

import static com.google.common.base.Preconditions.checkArgument;

import dev.insight.codeframe.CodeId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The codes a {@link LearnedCoder} gives one comment, with a calibrated probability for every code and a
 * confidence for the whole.
 *
 * <p>The confidence is the model's probability that the comment is coded exactly right: for a single-label model
 * the chosen code's probability; for a multi-label model the product over codes of {@code p} for an assigned code
 * and {@code 1 - p} for one not assigned (treating codes as independent). A comment below the coder's abstention
 * threshold is {@link #abstained()}: its codes are still shown, for a person to confirm or correct.
 */
public final class Prediction {
  private final List<CodeId> codes;
  private final int[] assigned;
  private final double[] probabilities;
  private final double confidence;
  private final boolean abstained;

  Prediction(List<CodeId> codes, int[] assigned, double[] probabilities, double confidence, boolean abstained) {
    this.codes = codes;
    this.assigned = assigned;
    this.probabilities = probabilities;
    this.confidence = confidence;
    this.abstained = abstained;
  }

  /**
   * The codes given (the one code for a single-label model), in the model's code order.
   *
   * @return the codes, possibly empty for a multi-label model
   */
  public List<CodeId> assigned() {
    List<CodeId> list = new ArrayList<>(assigned.length);
    for (int k : assigned) {
      list.add(codes.get(k));
    }
    return Collections.unmodifiableList(list);
  }

  /**
   * Whether the code was given.
   *
   * @param codeIndex the code's position in {@link LearnedCoder#codes()}
   * @return true if given
   */
  public boolean isAssigned(int codeIndex) {
    for (int k : assigned) {
      if (k == codeIndex) {
        return true;
      }
    }
    return false;
  }

  /**
   * The calibrated probability that the code applies.
   *
   * @param codeIndex the code's position in {@link LearnedCoder#codes()}
   * @return the probability, in [0, 1]
   * @throws IllegalArgumentException if the index is out of range
   */
  public double probability(int codeIndex) {
    checkArgument(codeIndex >= 0 && codeIndex < probabilities.length, "no code at index %s", codeIndex);
    return probabilities[codeIndex];
  }

  /**
   * The calibrated probability that the code applies.
   *
   * @param code the code
   * @return the probability
   * @throws IllegalArgumentException if the model has no such code
   */
  public double probability(CodeId code) {
    int index = codes.indexOf(code);
    checkArgument(index >= 0, "the model has no code '%s'", code);
    return probabilities[index];
  }

  /**
   * The probability that the comment is coded exactly right (see the class comment).
   *
   * @return the confidence, in [0, 1]
   */
  public double confidence() {
    return confidence;
  }

  /**
   * Whether the confidence is below the coder's abstention threshold, leaving the comment for a person.
   *
   * @return true if abstained
   */
  public boolean abstained() {
    return abstained;
  }

  int[] assignedIndexes() {
    return assigned.clone();
  }

  @Override
  public String toString() {
    return assigned() + String.format(java.util.Locale.ROOT, " (confidence %.3f%s)", confidence,
        abstained ? ", abstained" : "");
  }
}
