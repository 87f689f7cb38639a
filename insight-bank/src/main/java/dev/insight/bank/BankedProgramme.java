package dev.insight.bank;

import dev.insight.core.programme.Visibility;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A programme held in the bank.
 *
 * @param id its id
 * @param title its title
 * @param place its place, or null
 * @param visibility who may see it
 * @param version its version: 1 when first added, one more each time it is added again
 * @param addedAt when this version was added (ISO instant)
 * @param items how many items of each kind it holds
 */
public record BankedProgramme(String id, String title, @Nullable String place, Visibility visibility, int version,
    String addedAt, Map<ItemKind, Integer> items) {
  /**
   * Copies.
   *
   * @param id its id
   * @param title its title
   * @param place its place, or null
   * @param visibility who may see it
   * @param version its version
   * @param addedAt when this version was added
   * @param items how many items of each kind it holds
   */
  public BankedProgramme {
    items = Map.copyOf(items);
  }
}
