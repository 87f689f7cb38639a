package dev.insight.codeframe.transcript;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.codeframe.coding.Assignment;
import dev.insight.core.transcript.Turn;

/**
 * A coded segment with what is needed to go back to it: the turn it is in (speaker, time, line) and its words.
 *
 * @param segment the segment
 * @param turn the turn it is part of
 * @param text its words, unredacted
 * @param assignment the code it received, with coder (or rule) and time
 */
public record CodedSegment(Segment segment, Turn turn, String text, Assignment assignment) {

  /**
   * Validates.
   *
   * @param segment the segment
   * @param turn the turn it is part of
   * @param text its words, unredacted
   * @param assignment the code it received, with coder (or rule) and time
   */
  public CodedSegment {
    checkNotNull(segment, "segment");
    checkNotNull(turn, "turn");
    checkNotNull(text, "text");
    checkNotNull(assignment, "assignment");
  }
}
