package dev.insight.codeframe.agreement;

import dev.insight.codeframe.coding.UnitId;
import java.util.List;

/**
 * Agreement between two codings of the same units.
 *
 * @param unitsCompared the units both coded
 * @param onlyFirst units only the first coding has (not compared)
 * @param onlySecond units only the second coding has (not compared)
 * @param codes agreement per codable code, in the frame's order
 * @param percentAgreement the share of agreeing unit-by-code decisions, pooled over codes
 * @param exactMatch the share of units given exactly the same codes
 * @param kappa Cohen's kappa over the pooled unit-by-code decisions
 * @param alpha Krippendorff's alpha (nominal) over the pooled unit-by-code decisions
 */
public record AgreementReport(int unitsCompared, List<UnitId> onlyFirst, List<UnitId> onlySecond,
    List<CodeAgreement> codes, double percentAgreement, double exactMatch, double kappa, double alpha) {

  /**
   * Copies the lists.
   *
   * @param unitsCompared the units both coded
   * @param onlyFirst units only the first coding has (not compared)
   * @param onlySecond units only the second coding has (not compared)
   * @param codes agreement per codable code, in the frame's order
   * @param percentAgreement the share of agreeing unit-by-code decisions, pooled over codes
   * @param exactMatch the share of units given exactly the same codes
   * @param kappa Cohen's kappa over the pooled unit-by-code decisions
   * @param alpha Krippendorff's alpha (nominal) over the pooled unit-by-code decisions
   */
  public AgreementReport {
    onlyFirst = List.copyOf(onlyFirst);
    onlySecond = List.copyOf(onlySecond);
    codes = List.copyOf(codes);
  }
}
