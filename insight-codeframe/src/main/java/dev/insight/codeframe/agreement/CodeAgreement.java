package dev.insight.codeframe.agreement;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.codeframe.CodeId;

/**
 * How two coders agree on one code, over the units both coded.
 *
 * @param code the code
 * @param label its label
 * @param both units both coders gave the code
 * @param onlyFirst units only the first coder gave it
 * @param onlySecond units only the second coder gave it
 * @param neither units neither gave it
 * @param percentAgreement (both + neither) / units, in [0, 1]; NaN when there are no units
 * @param kappa Cohen's kappa; NaN when chance agreement is 1 (neither coder ever, or both always, gave the code)
 * @param alpha Krippendorff's alpha (nominal, two coders); NaN when there is no variation
 */
public record CodeAgreement(CodeId code, String label, int both, int onlyFirst, int onlySecond, int neither,
    double percentAgreement, double kappa, double alpha) {

  /**
   * Validates that the code is present.
   *
   * @param code the code
   * @param label its label
   * @param both units both coders gave the code
   * @param onlyFirst units only the first coder gave it
   * @param onlySecond units only the second coder gave it
   * @param neither units neither gave it
   * @param percentAgreement (both + neither) / units, in [0, 1]; NaN when there are no units
   * @param kappa Cohen's kappa; NaN when chance agreement is 1 (neither coder ever, or both always, gave the code)
   * @param alpha Krippendorff's alpha (nominal, two coders); NaN when there is no variation
   */
  public CodeAgreement {
    checkNotNull(code, "code");
    checkNotNull(label, "label");
  }

  /**
   * The number of units compared.
   *
   * @return both + onlyFirst + onlySecond + neither
   */
  public int units() {
    return both + onlyFirst + onlySecond + neither;
  }
}
