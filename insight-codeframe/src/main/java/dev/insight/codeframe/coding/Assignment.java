package dev.insight.codeframe.coding;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.codeframe.CodeId;

/**
 * One code given to one unit, with where it came from.
 *
 * @param unit the unit coded
 * @param code the code given
 * @param provenance who or what gave it, and when
 */
public record Assignment(UnitId unit, CodeId code, Provenance provenance) {

  /**
   * Validates that every part is present.
   *
   * @param unit the unit coded
   * @param code the code given
   * @param provenance who or what gave it, and when
   */
  public Assignment {
    checkNotNull(unit, "unit");
    checkNotNull(code, "code");
    checkNotNull(provenance, "provenance");
  }
}
