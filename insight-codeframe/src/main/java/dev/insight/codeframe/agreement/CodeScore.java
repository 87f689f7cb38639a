package dev.insight.codeframe.agreement;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.codeframe.CodeId;

/**
 * How well a coding reproduces a reference coding for one code.
 *
 * @param code the code
 * @param label its label
 * @param truePositives units both give the code
 * @param falsePositives units the coding gives it and the reference does not
 * @param falseNegatives units the reference gives it and the coding does not
 * @param support units the reference gives it (truePositives + falseNegatives)
 * @param precision tp / (tp + fp); NaN when the coding never gives the code
 * @param recall tp / support; NaN when the support is 0
 * @param f1 the harmonic mean of precision and recall; 0 when tp is 0 and either is defined; NaN when both are
 *     undefined
 */
public record CodeScore(CodeId code, String label, int truePositives, int falsePositives, int falseNegatives,
    int support, double precision, double recall, double f1) {

  /**
   * Validates that the code is present.
   *
   * @param code the code
   * @param label its label
   * @param truePositives units both give the code
   * @param falsePositives units the coding gives it and the reference does not
   * @param falseNegatives units the reference gives it and the coding does not
   * @param support units the reference gives it (truePositives + falseNegatives)
   * @param precision tp / (tp + fp); NaN when the coding never gives the code
   * @param recall tp / support; NaN when the support is 0
   * @param f1 the harmonic mean of precision and recall; 0 when tp is 0 and either is defined; NaN when both are undefined
   */
  public CodeScore {
    checkNotNull(code, "code");
    checkNotNull(label, "label");
  }
}
