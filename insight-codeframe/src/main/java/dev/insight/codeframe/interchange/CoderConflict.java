package dev.insight.codeframe.interchange;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.coding.UnitId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A unit that coders coded differently.
 *
 * @param unit the unit
 * @param codesByCoder each coder's codes for it, in the order the coders were met
 */
public record CoderConflict(UnitId unit, Map<String, Set<CodeId>> codesByCoder) {

  /**
   * Copies the map, keeping the coders' order.
   *
   * @param unit the unit
   * @param codesByCoder each coder's codes for it, in the order the coders were met
   */
  public CoderConflict {
    checkNotNull(unit, "unit");
    Map<String, Set<CodeId>> copy = new LinkedHashMap<>();
    codesByCoder.forEach((coder, codes) -> copy.put(coder, Set.copyOf(codes)));
    codesByCoder = Collections.unmodifiableMap(copy);
  }
}
