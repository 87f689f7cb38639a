package dev.insight.codeframe.agreement;

import dev.insight.codeframe.CodeId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Krippendorff's alpha across several coders, each code a binary (given / not given) nominal variable; a unit a
 * coder did not code is missing for that coder.
 *
 * @param coders the number of codings
 * @param units the number of units coded by at least two coders (the pairable units)
 * @param perCode alpha per codable code in the frame's order; NaN for a code without variation
 * @param pooled alpha over every unit-by-code decision
 */
public record AlphaReport(int coders, int units, Map<CodeId, Double> perCode, double pooled) {

  /**
   * Copies the map, keeping its order.
   *
   * @param coders the number of codings
   * @param units the number of units coded by at least two coders (the pairable units)
   * @param perCode alpha per codable code in the frame's order; NaN for a code without variation
   * @param pooled alpha over every unit-by-code decision
   */
  public AlphaReport {
    perCode = Collections.unmodifiableMap(new LinkedHashMap<>(perCode));
  }
}
