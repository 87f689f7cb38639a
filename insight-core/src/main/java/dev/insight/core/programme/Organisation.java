package dev.insight.core.programme;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.internal.Check;

/**
 * An organisation that takes part in or is represented in a programme.
 *
 * @param id its id
 * @param name its name
 * @param sector its sector
 * @param partner whether it is one of the programme's partner (commissioning) organisations
 */
public record Organisation(OrganisationId id, String name, Sector sector, boolean partner) {

  /**
   * Validates.
   *
   * @param id its id
   * @param name its name
   * @param sector its sector
   * @param partner whether it is one of the programme's partner (commissioning) organisations
   */
  public Organisation {
    checkNotNull(id, "id");
    Check.text(name, "organisation name");
    checkNotNull(sector, "sector of organisation %s", id);
  }
}
