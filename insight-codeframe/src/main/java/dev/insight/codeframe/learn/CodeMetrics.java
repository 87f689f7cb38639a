package dev.insight.codeframe.learn;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * How well one code was predicted in cross-validation.
 *
 * @param code the code
 * @param support how many comments truly had it
 * @param predicted how many comments were given it
 * @param truePositives how many were given it rightly
 * @param precision true positives over predicted (0 when nothing was predicted, as scikit-learn's
 *     {@code zero_division=0})
 * @param recall true positives over support (0 when the support is 0)
 * @param f1 the harmonic mean of precision and recall (0 when both are 0)
 */
public record CodeMetrics(String code, int support, int predicted, int truePositives, double precision,
    double recall, double f1) {

  /**
   * Validates the counts.
   *
   * @param code the code
   * @param support how many comments truly had it
   * @param predicted how many comments were given it
   * @param truePositives how many were given it rightly
   * @param precision true positives over predicted (0 when nothing was predicted, as scikit-learn's {@code zero_division=0})
   * @param recall true positives over support (0 when the support is 0)
   * @param f1 the harmonic mean of precision and recall (0 when both are 0)
   */
  public CodeMetrics {
    checkNotNull(code, "code");
    checkArgument(truePositives <= support && truePositives <= predicted && truePositives >= 0,
        "true positives %s cannot exceed support %s or predicted %s", truePositives, support, predicted);
  }

  static CodeMetrics of(String code, int support, int predicted, int truePositives) {
    double precision = predicted == 0 ? 0 : (double) truePositives / predicted;
    double recall = support == 0 ? 0 : (double) truePositives / support;
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new CodeMetrics(code, support, predicted, truePositives, precision, recall, f1);
  }
}
