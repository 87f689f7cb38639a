package dev.insight.codeframe;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;

/**
 * A named group of codes across the tree (a REFI-QDA {@code Set}, an NVivo "code set", an ATLAS.ti code group):
 * for example the codes a project reports on, or the codes one coder was asked to apply.
 *
 * @param name the set's name; not blank
 * @param description what the set is for; may be empty
 * @param members the codes in the set, each a node of the frame
 */
public record CodeSet(String name, String description, List<CodeId> members) {

  /**
   * Validates the name and copies the members.
   *
   * @param name the set's name; not blank
   * @param description what the set is for; may be empty
   * @param members the codes in the set, each a node of the frame
   */
  public CodeSet {
    checkNotNull(name, "name");
    checkArgument(!name.isBlank(), "code set name cannot be blank");
    description = description == null ? "" : description;
    members = List.copyOf(members);
  }
}
