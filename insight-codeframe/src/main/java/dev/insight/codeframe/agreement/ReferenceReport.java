package dev.insight.codeframe.agreement;

import dev.insight.codeframe.coding.UnitId;
import java.util.List;

/**
 * A coding scored against a reference coding (precision, recall, F1 per code with its support).
 *
 * @param unitsCompared the reference's units that the coding also has
 * @param notCoded the reference's units the coding does not have (not compared)
 * @param codes the score per codable code, in the frame's order
 * @param microPrecision precision over all codes' decisions pooled
 * @param microRecall recall over all codes' decisions pooled
 * @param microF1 F1 of the micro precision and recall
 * @param macroF1 the mean F1 of the codes with support (an undefined F1 counted as 0); NaN when no code has support
 */
public record ReferenceReport(int unitsCompared, List<UnitId> notCoded, List<CodeScore> codes, double microPrecision,
    double microRecall, double microF1, double macroF1) {

  /**
   * Copies the lists.
   *
   * @param unitsCompared the reference's units that the coding also has
   * @param notCoded the reference's units the coding does not have (not compared)
   * @param codes the score per codable code, in the frame's order
   * @param microPrecision precision over all codes' decisions pooled
   * @param microRecall recall over all codes' decisions pooled
   * @param microF1 F1 of the micro precision and recall
   * @param macroF1 the mean F1 of the codes with support (an undefined F1 counted as 0); NaN when no code has support
   */
  public ReferenceReport {
    notCoded = List.copyOf(notCoded);
    codes = List.copyOf(codes);
  }
}
