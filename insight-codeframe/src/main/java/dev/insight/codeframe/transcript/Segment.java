package dev.insight.codeframe.transcript;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.codeframe.coding.UnitId;
import dev.insight.core.transcript.Transcript;
import dev.insight.core.transcript.Turn;

/**
 * A stretch of one speaker turn: the unit that codes are assigned to.
 *
 * @param id the unit id under which the segment's codes are kept in the {@link dev.insight.codeframe.coding.Coding}
 * @param turn the index of the turn in its transcript
 * @param start the offset of the first character, in {@link Turn#text()} (UTF-16 units, as {@link String} counts)
 * @param end the offset just after the last character
 */
public record Segment(UnitId id, int turn, int start, int end) {

  /**
   * Validates the range.
   *
   * @param id the unit id under which the segment's codes are kept in the {@link dev.insight.codeframe.coding.Coding}
   * @param turn the index of the turn in its transcript
   * @param start the offset of the first character, in {@link Turn#text()} (UTF-16 units, as {@link String} counts)
   * @param end the offset just after the last character
   */
  public Segment {
    checkNotNull(id, "id");
    checkArgument(turn >= 0, "segment %s: turn cannot be negative: %s", id, turn);
    checkArgument(start >= 0 && end > start, "segment %s: the range [%s, %s) must hold at least one character",
        id, start, end);
  }

  /**
   * The segment's words.
   *
   * @param transcript the transcript it belongs to
   * @return the text of the range
   * @throws IllegalArgumentException when the transcript has no such turn or the turn is too short
   */
  public String text(Transcript transcript) {
    return transcript.turn(turn).text().substring(start, end);
  }

  /**
   * Checks that the segment fits its transcript: the turn exists, the range is inside its text and does not split
   * a character written as two UTF-16 units.
   *
   * @param transcript the transcript
   * @throws IllegalArgumentException when it does not fit
   */
  void checkFits(Transcript transcript) {
    checkArgument(turn < transcript.turns().size(), "segment %s: %s has no turn %s (it has %s)", id,
        transcript.source(), turn, transcript.turns().size());
    String text = transcript.turn(turn).text();
    checkArgument(end <= text.length(), "segment %s: the range [%s, %s) runs past the end of turn %s (%s characters)",
        id, start, end, turn, text.length());
    checkArgument(!Character.isLowSurrogate(text.charAt(start)) && (end == text.length()
        || !Character.isLowSurrogate(text.charAt(end))), "segment %s: the range [%s, %s) splits a character", id,
        start, end);
  }
}
