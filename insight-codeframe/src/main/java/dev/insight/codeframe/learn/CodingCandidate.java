package dev.insight.codeframe.learn;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * An uncoded comment proposed for a person to code next.
 *
 * @param index the comment's position in the list given
 * @param text the comment
 * @param uncertainty how unsure the model is about it: 1 minus its confidence, in [0, 1]
 * @param density how typical it is of the uncoded comments: its mean cosine similarity to them, in [0, 1]
 * @param priority the ranking score, uncertainty times density
 */
public record CodingCandidate(int index, String text, double uncertainty, double density, double priority) {

  /**
   * Validates the index and text.
   *
   * @param index the comment's position in the list given
   * @param text the comment
   * @param uncertainty how unsure the model is about it: 1 minus its confidence, in [0, 1]
   * @param density how typical it is of the uncoded comments: its mean cosine similarity to them, in [0, 1]
   * @param priority the ranking score, uncertainty times density
   */
  public CodingCandidate {
    checkArgument(index >= 0, "index cannot be negative: %s", index);
    checkNotNull(text, "text");
  }
}
