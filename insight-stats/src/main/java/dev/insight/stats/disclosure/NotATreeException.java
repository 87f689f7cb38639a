package dev.insight.stats.disclosure;

import java.util.List;

/**
 * Organisations given under more than one parent: a publication by level cannot be made from such a hierarchy, as
 * a count would be added into two totals.
 */
public final class NotATreeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The offending organisations, one sentence each. */
  private final List<String> conflicts;

  /**
   * An exception listing the conflicts.
   *
   * @param conflicts one sentence per organisation under two parents, naming its code and its parents' codes
   */
  public NotATreeException(List<String> conflicts) {
    super("the organisations do not form a tree: " + (conflicts.size() > 20
        ? String.join("; ", conflicts.subList(0, 20)) + "; and " + (conflicts.size() - 20) + " more"
        : String.join("; ", conflicts)));
    this.conflicts = List.copyOf(conflicts);
  }

  /**
   * The offending organisations.
   *
   * @return one sentence per organisation under two parents
   */
  public List<String> conflicts() {
    return conflicts;
  }
}
