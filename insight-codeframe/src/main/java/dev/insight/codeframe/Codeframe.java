package dev.insight.codeframe;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A codeframe: a tree of nets, sub-nets and codes used to quantify open comments, with a name and a version.
 *
 * <p>Codes are kept as a flat list in display order (parents need not come before their children); the tree is
 * given by each code's {@link Code#parent()}. A frame is valid when ids are unique, every parent exists, there is no
 * cycle, and each reserved meaning is used at most once. Immutable.
 *
 * <p>A frame evolves between waves through {@link #revise(String)}, which records renames, merges, splits and moves and
 * produces a {@link Revision} whose mapping recodes codings made with this frame.
 */
public final class Codeframe {
  private final String name;
  private final String version;
  private final List<Code> codes;
  private final Map<CodeId, Code> byId;
  private final Map<CodeId, List<Code>> children;
  private final Map<Reserved, Code> reserved;
  private final List<CodeSet> sets;

  private Codeframe(String name, String version, List<Code> codes, List<CodeSet> sets) {
    checkNotNull(name, "name");
    checkNotNull(version, "version");
    checkArgument(!name.isBlank(), "codeframe name cannot be blank");
    this.name = name;
    this.version = version;
    this.codes = List.copyOf(codes);
    List<CodeframeProblem> problems = validate(this.codes);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("codeframe " + name + ": " + problems.stream()
          .map(CodeframeProblem::message).collect(Collectors.joining("; ")));
    }
    Map<CodeId, Code> ids = new LinkedHashMap<>();
    Map<CodeId, List<Code>> kids = new HashMap<>();
    Map<Reserved, Code> reservedCodes = new EnumMap<>(Reserved.class);
    for (Code code : this.codes) {
      ids.put(code.id(), code);
      if (code.parent() != null) {
        kids.computeIfAbsent(code.parent(), k -> new ArrayList<>()).add(code);
      }
      if (code.reserved() != null) {
        reservedCodes.put(code.reserved(), code);
      }
    }
    kids.replaceAll((k, v) -> List.copyOf(v));
    this.byId = Collections.unmodifiableMap(ids);
    this.children = Collections.unmodifiableMap(kids);
    this.reserved = Collections.unmodifiableMap(reservedCodes);
    this.sets = List.copyOf(sets);
    Set<String> setNames = new HashSet<>();
    for (CodeSet set : this.sets) {
      checkArgument(setNames.add(set.name()), "codeframe %s: code set %s appears twice", name, set.name());
      for (CodeId member : set.members()) {
        checkArgument(ids.containsKey(member), "codeframe %s: code set %s has unknown code %s", name, set.name(),
            member);
      }
    }
  }

  /**
   * A codeframe of these codes.
   *
   * @param name the frame's name, not blank
   * @param version its version label (for example {@code "wave 2"}); may be empty
   * @param codes the codes in display order
   * @return the frame
   * @throws IllegalArgumentException naming the code, when an id is repeated, a parent is unknown, the parents form
   *     a cycle or a reserved meaning is used twice
   */
  public static Codeframe of(String name, String version, List<Code> codes) {
    return new Codeframe(name, version, codes, List.of());
  }

  /**
   * A codeframe of these codes and code sets.
   *
   * @param name the frame's name, not blank
   * @param version its version label; may be empty
   * @param codes the codes in display order
   * @param sets named groups of codes
   * @return the frame
   * @throws IllegalArgumentException as {@link #of(String, String, List)}, or when a set names an unknown code or
   *     two sets share a name
   */
  public static Codeframe of(String name, String version, List<Code> codes, List<CodeSet> sets) {
    return new Codeframe(name, version, codes, sets);
  }

  /**
   * A builder for a frame.
   *
   * @param name the frame's name
   * @return a new builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Everything that stops these codes forming a codeframe, each located by the code's position, so that readers
   * report every problem with its line rather than only the first.
   *
   * @param codes the codes
   * @return the problems; empty when the codes form a valid frame
   */
  public static List<CodeframeProblem> validate(List<Code> codes) {
    List<CodeframeProblem> problems = new ArrayList<>();
    Map<CodeId, Integer> first = new HashMap<>();
    Map<Reserved, Code> reservedSeen = new EnumMap<>(Reserved.class);
    for (int i = 0; i < codes.size(); i++) {
      Code code = codes.get(i);
      Integer previous = first.putIfAbsent(code.id(), i);
      if (previous != null) {
        problems.add(new CodeframeProblem(i, code.id(), previous, "duplicate code id " + code.id() + " (codes "
            + (previous + 1) + " and " + (i + 1) + ")"));
      }
      if (code.reserved() != null) {
        Code other = reservedSeen.putIfAbsent(code.reserved(), code);
        if (other != null) {
          problems.add(new CodeframeProblem(i, code.id(), -1, "reserved meaning " + code.reserved()
              + " is given to both " + other.id() + " and " + code.id()));
        }
      }
    }
    for (int i = 0; i < codes.size(); i++) {
      Code code = codes.get(i);
      if (code.parent() != null && !first.containsKey(code.parent())) {
        problems.add(new CodeframeProblem(i, code.id(), -1, "code " + code.id() + " has unknown parent "
            + code.parent()));
      }
    }
    // cycle detection: follow parents from each code; a walk longer than the number of codes, or revisiting a
    // code, is a cycle. Reported once per cycle, at the first code of the list that lies on it.
    Map<CodeId, CodeId> parentOf = new HashMap<>();
    for (Code code : codes) {
      if (code.parent() != null) {
        parentOf.putIfAbsent(code.id(), code.parent());
      }
    }
    Set<CodeId> reported = new HashSet<>();
    for (int i = 0; i < codes.size(); i++) {
      CodeId start = codes.get(i).id();
      if (reported.contains(start)) {
        continue;
      }
      List<CodeId> path = new ArrayList<>();
      Set<CodeId> onPath = new HashSet<>();
      CodeId at = start;
      while (at != null && onPath.add(at)) {
        path.add(at);
        at = parentOf.get(at);
      }
      if (at != null && at.equals(start)) {
        reported.addAll(path);
        path.add(start);
        problems.add(new CodeframeProblem(i, start, -1, "cycle of parents: " + path.stream().map(CodeId::value)
            .collect(Collectors.joining(" -> "))));
      }
    }
    return problems;
  }

  /**
   * The frame's name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The frame's version label.
   *
   * @return the version, possibly empty
   */
  public String version() {
    return version;
  }

  /**
   * Every node, nets and codes, in display order.
   *
   * @return an immutable list
   */
  public List<Code> codes() {
    return codes;
  }

  /**
   * The code sets (named groups of codes across the tree).
   *
   * @return an immutable list
   */
  public List<CodeSet> sets() {
    return sets;
  }

  /**
   * Whether the frame has a node with this id.
   *
   * @param id an id
   * @return true when present
   */
  public boolean contains(CodeId id) {
    return byId.containsKey(id);
  }

  /**
   * The node with this id.
   *
   * @param id an id
   * @return the node, or empty
   */
  public Optional<Code> find(CodeId id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * The node with this id.
   *
   * @param id an id
   * @return the node
   * @throws IllegalArgumentException naming the id and the frame, when there is none
   */
  public Code code(CodeId id) {
    Code code = byId.get(id);
    checkArgument(code != null, "codeframe %s has no code %s", name, id);
    return code;
  }

  /**
   * The top-level nodes in display order.
   *
   * @return a new list
   */
  public List<Code> roots() {
    return codes.stream().filter(c -> c.parent() == null).collect(Collectors.toUnmodifiableList());
  }

  /**
   * The direct children of a node in display order.
   *
   * @param id a node's id
   * @return an immutable list, empty for a leaf
   */
  public List<Code> children(CodeId id) {
    return children.getOrDefault(id, List.of());
  }

  /**
   * Whether this node has children (is a net).
   *
   * @param id a node's id
   * @return true for a net
   */
  public boolean isNet(CodeId id) {
    return children.containsKey(id);
  }

  /**
   * The nodes comments can be coded with, in display order: the columns of a coded data file.
   *
   * @return a new list
   */
  public List<Code> codable() {
    return codes.stream().filter(Code::codable).collect(Collectors.toUnmodifiableList());
  }

  /**
   * The nets (nodes with children), in display order.
   *
   * @return a new list
   */
  public List<Code> nets() {
    return codes.stream().filter(c -> children.containsKey(c.id())).collect(Collectors.toUnmodifiableList());
  }

  /**
   * The nets above a node, nearest first.
   *
   * @param id a node's id
   * @return a new list, empty for a top-level node
   */
  public List<CodeId> ancestors(CodeId id) {
    List<CodeId> result = new ArrayList<>();
    CodeId parent = code(id).parent();
    while (parent != null) {
      result.add(parent);
      parent = byId.get(parent).parent();
    }
    return result;
  }

  /**
   * The codable nodes at or under a node: what a net counts.
   *
   * @param id a node's id
   * @return a new list in display order
   */
  public List<CodeId> codableUnder(CodeId id) {
    code(id);
    List<CodeId> result = new ArrayList<>();
    for (Code code : codes) {
      if (code.codable() && (code.id().equals(id) || ancestors(code.id()).contains(id))) {
        result.add(code.id());
      }
    }
    return result;
  }

  /**
   * The code with a reserved meaning.
   *
   * @param meaning no answer, don't know, other or gibberish
   * @return the code, or empty when the frame has none
   */
  public Optional<Code> reserved(Reserved meaning) {
    return Optional.ofNullable(reserved.get(meaning));
  }

  /**
   * Starts a revision of this frame (the next version): renames, merges, splits and moves, with a mapping that
   * recodes codings made with this frame.
   *
   * @param newVersion the version label of the revised frame
   * @return a new revision builder
   */
  public Revision.Builder revise(String newVersion) {
    return new Revision.Builder(this, newVersion);
  }

  /**
   * This frame under another version label.
   *
   * @param newVersion the version label
   * @return a new frame with the same codes
   */
  public Codeframe withVersion(String newVersion) {
    return new Codeframe(name, newVersion, codes, sets);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Codeframe that && name.equals(that.name) && version.equals(that.version)
        && codes.equals(that.codes) && sets.equals(that.sets);
  }

  @Override
  public int hashCode() {
    return codes.hashCode() * 31 + name.hashCode();
  }

  @Override
  public String toString() {
    return "Codeframe[" + name + (version.isEmpty() ? "" : " " + version) + ", " + codes.size() + " nodes]";
  }

  /** Collects codes into a {@link Codeframe}. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private String version = "";
    private final List<Code> codes = new ArrayList<>();
    private final List<CodeSet> sets = new ArrayList<>();

    private Builder(String name) {
      this.name = checkNotNull(name, "name");
    }

    /**
     * Sets the version label.
     *
     * @param value the version
     * @return this builder
     */
    public Builder version(String value) {
      this.version = checkNotNull(value, "version");
      return this;
    }

    /**
     * Adds a node.
     *
     * @param code the node
     * @return this builder
     */
    public Builder add(Code code) {
      codes.add(checkNotNull(code, "code"));
      return this;
    }

    /**
     * Adds a code set.
     *
     * @param set the set; its members must be codes of the frame when it is built
     * @return this builder
     */
    public Builder set(CodeSet set) {
      sets.add(checkNotNull(set, "set"));
      return this;
    }

    /**
     * Adds a pure net (not codable itself).
     *
     * @param id the net's id
     * @param label its label
     * @param parent the net above it, or null
     * @return this builder
     */
    public Builder net(String id, String label, @org.jspecify.annotations.Nullable String parent) {
      return add(Code.builder(CodeId.of(id), label).codable(false)
          .parent(parent == null ? null : CodeId.of(parent)).build());
    }

    /**
     * Adds a codable code.
     *
     * @param id the code's id
     * @param label its label
     * @param parent the net it belongs to, or null
     * @return this builder
     */
    public Builder code(String id, String label, @org.jspecify.annotations.Nullable String parent) {
      return add(Code.builder(CodeId.of(id), label).parent(parent == null ? null : CodeId.of(parent)).build());
    }

    /**
     * Adds a reserved code at the top level.
     *
     * @param id the code's id
     * @param label its label
     * @param meaning the reserved meaning
     * @return this builder
     */
    public Builder reserved(String id, String label, Reserved meaning) {
      return add(Code.builder(CodeId.of(id), label).reserved(meaning).build());
    }

    /**
     * Adds a theme with sentiment variants: a net {@code id} labelled {@code label} and one codable child per
     * sentiment, with id {@code id-<sentiment>} and label {@code "label (sentiment)"}, e.g. "Staff (positive)".
     *
     * @param id the theme's id
     * @param label the theme's label
     * @param parent the net above the theme, or null
     * @param sentiments the variants, at least one
     * @return this builder
     */
    public Builder sentimentVariants(String id, String label, @org.jspecify.annotations.Nullable String parent,
        Sentiment... sentiments) {
      checkArgument(sentiments.length > 0, "theme %s: give at least one sentiment", id);
      net(id, label, parent);
      for (Sentiment sentiment : sentiments) {
        add(Code.builder(CodeId.of(id + "-" + sentiment.word()), label + " (" + sentiment.word() + ")")
            .parent(CodeId.of(id)).sentiment(sentiment).build());
      }
      return this;
    }

    /**
     * The frame.
     *
     * @return a new frame
     * @throws IllegalArgumentException as {@link Codeframe#of}
     */
    public Codeframe build() {
      return new Codeframe(name, version, codes, sets);
    }
  }
}
