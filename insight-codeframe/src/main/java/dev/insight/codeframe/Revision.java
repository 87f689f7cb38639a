package dev.insight.codeframe;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One step in the life of a codeframe: the frame before, the frame after, the changes made, and the mapping from
 * each codable code of the old frame to its code in the new frame, so that codings made with the old frame (wave 1)
 * can be read with the new one (wave 2).
 *
 * <p>Renames and moves keep the id, so they map a code to itself. A merge maps every merged code to the target. A
 * split cannot know which part an old remark belongs to: it maps the old code to the part the caller names
 * ({@code carryTo}) and lists the old code among {@link #needsReview()}, so recoding can report the comments a coder
 * should look at again.
 */
public final class Revision {
  private final Codeframe from;
  private final Codeframe to;
  private final List<Change> changes;
  private final Map<CodeId, CodeId> mapping;
  private final Set<CodeId> needsReview;

  private Revision(Codeframe from, Codeframe to, List<Change> changes, Map<CodeId, CodeId> mapping,
      Set<CodeId> needsReview) {
    this.from = from;
    this.to = to;
    this.changes = List.copyOf(changes);
    this.mapping = Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
    this.needsReview = Collections.unmodifiableSet(new LinkedHashSet<>(needsReview));
  }

  /**
   * The frame before the revision.
   *
   * @return the old frame
   */
  public Codeframe from() {
    return from;
  }

  /**
   * The frame after the revision.
   *
   * @return the new frame
   */
  public Codeframe to() {
    return to;
  }

  /**
   * The changes in the order they were made.
   *
   * @return an immutable list
   */
  public List<Change> changes() {
    return changes;
  }

  /**
   * The new code of each codable code of the old frame.
   *
   * @return an immutable map covering every codable code of {@link #from()}
   */
  public Map<CodeId, CodeId> mapping() {
    return mapping;
  }

  /**
   * The new code for an old code.
   *
   * @param old a codable code of the old frame
   * @return its code in the new frame
   * @throws IllegalArgumentException when the old frame has no such codable code
   */
  public CodeId map(CodeId old) {
    CodeId target = mapping.get(old);
    checkArgument(target != null, "codeframe %s %s has no codable code %s", from.name(), from.version(), old);
    return target;
  }

  /**
   * The old codes whose comments a coder should look at again (codes that were split).
   *
   * @return an immutable set of old ids
   */
  public Set<CodeId> needsReview() {
    return needsReview;
  }

  /** A change made by a revision. */
  public sealed interface Change permits Rename, Merge, Split, Move, Add {}

  /**
   * A new label for a code; the id stays.
   *
   * @param code the code
   * @param oldLabel the label before
   * @param newLabel the label after
   */
  public record Rename(CodeId code, String oldLabel, String newLabel) implements Change {}

  /**
   * Several codes merged into one; the merged codes disappear (unless one of them is the target).
   *
   * @param sources the codes merged
   * @param target the code they became
   */
  public record Merge(List<CodeId> sources, CodeId target) implements Change {}

  /**
   * A code split into several new codes; old remarks go to {@code carryTo} and are flagged for review.
   *
   * @param source the code split (removed)
   * @param parts the new codes' ids
   * @param carryTo the part that old remarks are recoded to
   */
  public record Split(CodeId source, List<CodeId> parts, CodeId carryTo) implements Change {}

  /**
   * A node moved under another net (or to the top level).
   *
   * @param code the node
   * @param oldParent the parent before, or null
   * @param newParent the parent after, or null
   */
  public record Move(CodeId code, @Nullable CodeId oldParent, @Nullable CodeId newParent) implements Change {}

  /**
   * A new node.
   *
   * @param code the node's id
   */
  public record Add(CodeId code) implements Change {}

  /** Records the changes of a revision. Not thread-safe. */
  public static final class Builder {
    private final Codeframe from;
    private final String version;
    private final Map<CodeId, Code> current = new LinkedHashMap<>();
    private final Map<CodeId, CodeId> mapping = new LinkedHashMap<>();
    private final Set<CodeId> review = new HashSet<>();
    private final List<Change> changes = new ArrayList<>();

    Builder(Codeframe from, String version) {
      this.from = from;
      this.version = checkNotNull(version, "version");
      for (Code code : from.codes()) {
        current.put(code.id(), code);
        if (code.codable()) {
          mapping.put(code.id(), code.id());
        }
      }
    }

    private Code existing(CodeId id, String change) {
      Code code = current.get(checkNotNull(id, "id"));
      checkArgument(code != null, "%s: codeframe %s (as revised so far) has no code %s", change, from.name(), id);
      return code;
    }

    /**
     * Gives a code a new label.
     *
     * @param id the code
     * @param newLabel its new label
     * @return this builder
     * @throws IllegalArgumentException when there is no such code
     */
    public Builder rename(CodeId id, String newLabel) {
      Code code = existing(id, "rename");
      current.put(id, code.toBuilder().label(newLabel).build());
      changes.add(new Rename(id, code.label(), newLabel));
      return this;
    }

    /**
     * Moves a node under another net.
     *
     * @param id the node
     * @param newParent the new parent, or null for the top level
     * @return this builder
     * @throws IllegalArgumentException when either does not exist (a cycle is caught by {@link #build()})
     */
    public Builder move(CodeId id, @Nullable CodeId newParent) {
      Code code = existing(id, "move");
      if (newParent != null) {
        existing(newParent, "move " + id);
      }
      current.put(id, code.toBuilder().parent(newParent).build());
      changes.add(new Move(id, code.parent(), newParent));
      return this;
    }

    /**
     * Adds a node.
     *
     * @param code the node; its id must be new
     * @return this builder
     */
    public Builder add(Code code) {
      checkArgument(!current.containsKey(code.id()), "add: codeframe %s already has a code %s", from.name(),
          code.id());
      current.put(code.id(), code);
      changes.add(new Add(code.id()));
      return this;
    }

    /**
     * Merges codes into a target; the sources other than the target are removed, and their children move to the
     * target.
     *
     * @param sources the codes to merge
     * @param target an existing codable code (may be one of the sources)
     * @return this builder
     * @throws IllegalArgumentException when a code does not exist or the target is not codable
     */
    public Builder merge(List<CodeId> sources, CodeId target) {
      checkArgument(!sources.isEmpty(), "merge into %s: no codes to merge", target);
      Code targetCode = existing(target, "merge");
      checkArgument(targetCode.codable(), "merge: target %s is a net, not a codable code", target);
      for (CodeId source : sources) {
        existing(source, "merge into " + target);
      }
      for (CodeId source : sources) {
        if (source.equals(target)) {
          continue;
        }
        current.remove(source);
        redirect(source, target);
        reparent(source, target);
      }
      changes.add(new Merge(List.copyOf(sources), target));
      return this;
    }

    /**
     * Splits a code into new codes. The source is removed; its children move to its parent.
     *
     * @param source the code to split
     * @param carryTo the id among {@code parts} that old remarks coded {@code source} are recoded to (flagged for
     *     review)
     * @param parts the new codes; a part without a parent is placed under the source's parent
     * @return this builder
     * @throws IllegalArgumentException when the source does not exist, a part's id is taken, or {@code carryTo}
     *     is not a part
     */
    public Builder split(CodeId source, CodeId carryTo, List<Code> parts) {
      Code old = existing(source, "split");
      checkArgument(parts.stream().anyMatch(p -> p.id().equals(carryTo) && p.codable()),
          "split %s: carryTo %s must be one of the codable parts", source, carryTo);
      current.remove(source);
      List<CodeId> ids = new ArrayList<>();
      for (Code part : parts) {
        checkArgument(!current.containsKey(part.id()), "split %s: codeframe %s already has a code %s", source,
            from.name(), part.id());
        current.put(part.id(), part.parent() == null ? part.toBuilder().parent(old.parent()).build() : part);
        ids.add(part.id());
      }
      redirect(source, carryTo);
      reparent(source, old.parent());
      for (Map.Entry<CodeId, CodeId> entry : mapping.entrySet()) {
        if (entry.getValue().equals(carryTo)) {
          review.add(entry.getKey());
        }
      }
      changes.add(new Split(source, ids, carryTo));
      return this;
    }

    private void redirect(CodeId oldTarget, CodeId newTarget) {
      mapping.replaceAll((k, v) -> v.equals(oldTarget) ? newTarget : v);
    }

    private void reparent(CodeId oldParent, @Nullable CodeId newParent) {
      current.replaceAll((k, v) -> oldParent.equals(v.parent()) ? v.toBuilder().parent(newParent).build() : v);
    }

    /**
     * The revision.
     *
     * @return the revision, whose new frame has the version label given to {@link Codeframe#revise}
     * @throws IllegalArgumentException when the revised codes do not form a valid frame (a move made a cycle)
     */
    public Revision build() {
      // code sets follow their members: a merged or split member is replaced by its new code
      List<CodeSet> sets = new ArrayList<>();
      for (CodeSet set : from.sets()) {
        Set<CodeId> members = new LinkedHashSet<>();
        for (CodeId member : set.members()) {
          if (current.containsKey(member)) {
            members.add(member);
          } else if (mapping.containsKey(member)) {
            members.add(mapping.get(member));
          }
        }
        sets.add(new CodeSet(set.name(), set.description(), List.copyOf(members)));
      }
      Codeframe to = Codeframe.of(from.name(), version, new ArrayList<>(current.values()), sets);
      for (Map.Entry<CodeId, CodeId> entry : mapping.entrySet()) {
        Optional<Code> target = to.find(entry.getValue());
        checkArgument(target.isPresent() && target.get().codable(),
            "revision of %s: code %s maps to %s, which is not codable in the new frame", from.name(),
            entry.getKey(), entry.getValue());
      }
      return new Revision(from, to, changes, mapping, review);
    }
  }
}
