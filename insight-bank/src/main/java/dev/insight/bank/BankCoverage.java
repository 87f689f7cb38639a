package dev.insight.bank;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.programme.Audience;
import dev.insight.core.programme.ReferenceList;
import java.util.List;
import java.util.Set;

/**
 * Who the programmes in the bank heard, measured against a reference list: for each group, the programmes and kinds
 * of activity that heard it. The groups no programme heard are {@link #notHeard()}.
 *
 * @param list the reference list
 * @param programmes how many programmes were looked at
 * @param groups one entry per group of the list, in its order
 */
public record BankCoverage(ReferenceList list, int programmes, List<Group> groups) {
  /**
   * Copies.
   *
   * @param list the reference list
   * @param programmes how many programmes were looked at
   * @param groups one entry per group
   */
  public BankCoverage {
    checkNotNull(list, "list");
    groups = List.copyOf(groups);
  }

  /**
   * One group of the list across the bank.
   *
   * @param group the group
   * @param programmes the ids of the programmes that heard it, sorted
   * @param kinds the kinds of activity that heard it, sorted
   */
  public record Group(Audience group, List<String> programmes, Set<String> kinds) {
    /**
     * Copies.
     *
     * @param group the group
     * @param programmes the programmes that heard it
     * @param kinds the kinds of activity that heard it
     */
    public Group {
      checkNotNull(group, "group");
      programmes = List.copyOf(programmes);
      kinds = Set.copyOf(kinds);
    }
  }

  /**
   * The groups no programme in the bank heard.
   *
   * @return those groups, in the list's order
   */
  public List<Audience> notHeard() {
    return groups.stream().filter(g -> g.programmes().isEmpty()).map(Group::group).toList();
  }
}
