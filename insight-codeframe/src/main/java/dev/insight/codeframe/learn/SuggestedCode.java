package dev.insight.codeframe.learn;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;

/**
 * A candidate new code: a group of similar comments, for an analyst to accept, rename or reject.
 *
 * @param label a provisional label made of the most distinctive words
 * @param distinctiveWords the words that most set the group apart, most distinctive first
 * @param size how many comments the group has
 * @param members the positions (in the list given) of every comment of the group
 * @param representative the positions of the most representative comments (closest to the group's centre)
 * @param examples the texts of the representative comments
 * @param cohesion the mean cosine similarity of the members to the group's centre, in [0, 1]
 */
public record SuggestedCode(String label, List<String> distinctiveWords, int size, List<Integer> members,
    List<Integer> representative, List<String> examples, double cohesion) {

  /**
   * Validates and copies the lists.
   *
   * @param label a provisional label made of the most distinctive words
   * @param distinctiveWords the words that most set the group apart, most distinctive first
   * @param size how many comments the group has
   * @param members the positions (in the list given) of every comment of the group
   * @param representative the positions of the most representative comments (closest to the group's centre)
   * @param examples the texts of the representative comments
   * @param cohesion the mean cosine similarity of the members to the group's centre, in [0, 1]
   */
  public SuggestedCode {
    checkNotNull(label, "label");
    distinctiveWords = List.copyOf(distinctiveWords);
    members = List.copyOf(members);
    representative = List.copyOf(representative);
    examples = List.copyOf(examples);
    checkArgument(size == members.size(), "size %s differs from %s members", size, members.size());
  }
}
