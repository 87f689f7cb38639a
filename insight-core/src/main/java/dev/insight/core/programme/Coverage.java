package dev.insight.core.programme;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who a programme heard, measured against a {@link ReferenceList}: for each group on the list, the activities of
 * every kind (surveys, focus groups, interviews, workshops, panels, meetings, source studies) that heard it, either
 * directly or through a participant who belongs to it. The groups no activity heard are {@link #notHeard()}.
 *
 * @param list the reference list
 * @param groups one entry per group of the list, in its order
 */
public record Coverage(ReferenceList list, List<Group> groups) {

  /**
   * Copies.
   *
   * @param list the reference list
   * @param groups one entry per group of the list
   */
  public Coverage {
    checkNotNull(list, "list");
    groups = List.copyOf(groups);
  }

  /**
   * One group of the list and the activities that heard it.
   *
   * @param group the group
   * @param heardBy the activities that heard it, in the programme's order; empty when none did
   */
  public record Group(Audience group, List<Activity> heardBy) {
    /**
     * Copies.
     *
     * @param group the group
     * @param heardBy the activities that heard it
     */
    public Group {
      checkNotNull(group, "group");
      heardBy = List.copyOf(heardBy);
    }

    /**
     * Whether any activity heard the group.
     *
     * @return true when at least one did
     */
    public boolean heard() {
      return !heardBy.isEmpty();
    }

    /**
     * The kinds of activity that heard the group, such as "focus group", sorted.
     *
     * @return the kinds
     */
    public Set<String> kinds() {
      Set<String> kinds = new TreeSet<>();
      heardBy.forEach(a -> kinds.add(a.kindLabel()));
      return kinds;
    }
  }

  /**
   * Measures a programme against a list.
   *
   * @param programme the programme
   * @param list the groups it must hear
   * @return the coverage
   */
  public static Coverage of(Programme programme, ReferenceList list) {
    Map<String, List<Activity>> heardByKey = new HashMap<>();
    programme.coverage().forEach((audience, heardBy) -> {
      heardByKey.computeIfAbsent(audience.id().value(), k -> new ArrayList<>()).addAll(heardBy);
      String nameKey = ReferenceAudiences.slug(audience.name());
      if (!nameKey.equals(audience.id().value())) {
        heardByKey.computeIfAbsent(nameKey, k -> new ArrayList<>()).addAll(heardBy);
      }
    });
    List<Group> groups = new ArrayList<>();
    for (Audience group : list.groups()) {
      Map<ActivityId, Activity> distinct = new LinkedHashMap<>();
      for (Activity a : programme.activities()) {
        if (heardByKey.getOrDefault(group.id().value(), List.of()).contains(a)) {
          distinct.put(a.id(), a);
        }
      }
      groups.add(new Group(group, List.copyOf(distinct.values())));
    }
    return new Coverage(list, groups);
  }

  /**
   * The groups of the list that no activity heard: who we have not heard.
   *
   * @return those groups, in the list's order
   */
  public List<Audience> notHeard() {
    return groups.stream().filter(g -> !g.heard()).map(Group::group).toList();
  }
}
