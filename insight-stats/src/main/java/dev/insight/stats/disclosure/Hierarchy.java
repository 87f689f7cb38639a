package dev.insight.stats.disclosure;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An organisation hierarchy: named levels from the top (for example ICB, trust, site, ward), each organisation
 * under exactly one organisation of the level above, every path running down to the bottom level.
 *
 * <p>An organisation is identified by its level and its code, so the same code may appear at two levels. Units are
 * numbered level by level from the top and, within a level, in the order of their codes ({@link String#compareTo}),
 * so the numbering does not depend on the order in which paths were added.
 *
 * <p>Immutable and thread-safe.
 */
public final class Hierarchy {
  private final List<String> levels;
  private final int[] levelOf;
  private final String[] codes;
  private final int[] parents;
  private final int[][] children;
  private final int[] levelStart;
  private final List<Map<String, Integer>> index;

  private Hierarchy(List<String> levels, List<TreeMap<String, String>> parentByLevel) {
    this.levels = List.copyOf(levels);
    int size = parentByLevel.stream().mapToInt(Map::size).sum();
    levelOf = new int[size];
    codes = new String[size];
    parents = new int[size];
    levelStart = new int[levels.size() + 1];
    index = new ArrayList<>();
    int u = 0;
    for (int l = 0; l < levels.size(); l++) {
      levelStart[l] = u;
      Map<String, Integer> at = new HashMap<>();
      for (Map.Entry<String, String> entry : parentByLevel.get(l).entrySet()) {
        levelOf[u] = l;
        codes[u] = entry.getKey();
        parents[u] = l == 0 ? -1 : index.get(l - 1).get(entry.getValue());
        at.put(entry.getKey(), u);
        u++;
      }
      index.add(at);
    }
    levelStart[levels.size()] = u;
    int[] childCount = new int[size];
    for (int i = 0; i < size; i++) {
      if (parents[i] >= 0) {
        childCount[parents[i]]++;
      }
    }
    children = new int[size][];
    for (int i = 0; i < size; i++) {
      children[i] = new int[childCount[i]];
    }
    int[] filled = new int[size];
    for (int i = 0; i < size; i++) {
      if (parents[i] >= 0) {
        children[parents[i]][filled[parents[i]]++] = i;
      }
    }
  }

  /**
   * A builder for a hierarchy with these levels.
   *
   * @param levels the level names from the top (for example {@code ICB, trust, site, ward}); at least one, distinct
   * @return the builder
   */
  public static Builder builder(List<String> levels) {
    checkArgument(!levels.isEmpty(), "a hierarchy needs at least one level");
    checkArgument(levels.stream().distinct().count() == levels.size(), "level names repeat: %s", levels);
    return new Builder(List.copyOf(levels));
  }

  /**
   * The level names from the top.
   *
   * @return the names
   */
  public List<String> levels() {
    return levels;
  }

  /**
   * The number of organisations at all levels.
   *
   * @return the count
   */
  public int size() {
    return codes.length;
  }

  /**
   * The level of a unit, 0 at the top.
   *
   * @param unit the unit number
   * @return its level
   */
  public int level(int unit) {
    checkElementIndex(unit, codes.length, "unit");
    return levelOf[unit];
  }

  /**
   * The code of a unit.
   *
   * @param unit the unit number
   * @return its code
   */
  public String code(int unit) {
    checkElementIndex(unit, codes.length, "unit");
    return codes[unit];
  }

  /**
   * The unit above.
   *
   * @param unit the unit number
   * @return its parent, empty for a unit of the top level
   */
  public OptionalInt parent(int unit) {
    checkElementIndex(unit, codes.length, "unit");
    return parents[unit] < 0 ? OptionalInt.empty() : OptionalInt.of(parents[unit]);
  }

  /**
   * The units directly below, in code order.
   *
   * @param unit the unit number
   * @return its children, empty at the bottom level
   */
  public int[] children(int unit) {
    checkElementIndex(unit, codes.length, "unit");
    return children[unit].clone();
  }

  /**
   * The units of a level, in code order.
   *
   * @param level the level, 0 at the top
   * @return the first unit number and one past the last of that level
   */
  public int[] unitsOf(int level) {
    checkElementIndex(level, levels.size(), "level");
    return new int[] {levelStart[level], levelStart[level + 1]};
  }

  /**
   * Finds a unit.
   *
   * @param level the level, 0 at the top
   * @param code its code
   * @return the unit number, empty when there is no such organisation at that level
   */
  public OptionalInt unit(int level, String code) {
    checkElementIndex(level, levels.size(), "level");
    Integer u = index.get(level).get(code);
    return u == null ? OptionalInt.empty() : OptionalInt.of(u);
  }

  int[] childrenView(int unit) {
    return children[unit];
  }

  int parentOrMinusOne(int unit) {
    return parents[unit];
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Hierarchy[");
    for (int l = 0; l < levels.size(); l++) {
      text.append(l == 0 ? "" : ", ").append(levelStart[l + 1] - levelStart[l]).append(' ').append(levels.get(l));
    }
    return text.append(']').toString();
  }

  /** Collects paths from the top level to the bottom and checks that they form a tree. */
  public static final class Builder {
    private final List<String> levels;
    private final List<TreeMap<String, String>> parentByLevel = new ArrayList<>();
    private final List<TreeMap<String, TreeSet<String>>> conflicts = new ArrayList<>();

    private Builder(List<String> levels) {
      this.levels = levels;
      for (int l = 0; l < levels.size(); l++) {
        parentByLevel.add(new TreeMap<>());
        conflicts.add(new TreeMap<>());
      }
    }

    /**
     * Adds the path of one bottom-level organisation; adding the same path again changes nothing.
     *
     * @param path one code per level, from the top
     * @return this builder
     * @throws IllegalArgumentException when the path has the wrong length or a blank code (naming the level)
     */
    public Builder add(List<String> path) {
      checkArgument(path.size() == levels.size(), "path %s has %s codes for %s levels %s", path, path.size(),
          levels.size(), levels);
      for (int l = 0; l < path.size(); l++) {
        String code = checkNotNull(path.get(l), "code");
        checkArgument(!code.isBlank(), "path %s: the %s code is blank", path, levels.get(l));
        String parent = l == 0 ? "" : path.get(l - 1);
        String before = parentByLevel.get(l).putIfAbsent(code, parent);
        if (before != null && !before.equals(parent)) {
          TreeSet<String> seen = conflicts.get(l).computeIfAbsent(code, k -> new TreeSet<>());
          seen.add(before);
          seen.add(parent);
        }
      }
      return this;
    }

    /**
     * Adds the path of one bottom-level organisation.
     *
     * @param path one code per level, from the top
     * @return this builder
     */
    public Builder add(String... path) {
      return add(Arrays.asList(path));
    }

    /**
     * The hierarchy.
     *
     * @return the hierarchy
     * @throws NotATreeException when an organisation was given under two or more parents, naming every one
     */
    public Hierarchy build() {
      List<String> problems = new ArrayList<>();
      for (int l = 1; l < levels.size(); l++) {
        for (Map.Entry<String, TreeSet<String>> entry : conflicts.get(l).entrySet()) {
          problems.add(levels.get(l) + " " + entry.getKey() + " is under " + levels.get(l - 1) + " "
              + String.join(" and ", entry.getValue()));
        }
      }
      if (!problems.isEmpty()) {
        throw new NotATreeException(problems);
      }
      return new Hierarchy(levels, parentByLevel);
    }
  }
}
