package dev.insight.bank;

import java.util.List;
import java.util.Map;

/**
 * What adding a programme did.
 *
 * @param programme the programme's id
 * @param version its version now: 1 when new, one more than before when it replaced an earlier version
 * @param replaced whether an earlier version was replaced
 * @param items how many items of each kind were stored
 * @param byMeaning whether the items were embedded for search by meaning
 * @param notes what was left out and why (quotes without consent, comments kept with their themes only)
 */
public record AddResult(String programme, int version, boolean replaced, Map<ItemKind, Integer> items,
    boolean byMeaning, List<String> notes) {
  /**
   * Copies.
   *
   * @param programme the programme's id
   * @param version its version now
   * @param replaced whether an earlier version was replaced
   * @param items how many items of each kind were stored
   * @param byMeaning whether the items were embedded
   * @param notes what was left out and why
   */
  public AddResult {
    items = Map.copyOf(items);
    notes = List.copyOf(notes);
  }
}
