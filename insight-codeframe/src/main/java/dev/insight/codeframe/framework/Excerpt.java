package dev.insight.codeframe.framework;

import static com.google.common.base.Preconditions.checkArgument;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.core.programme.ActivityId;
import java.time.Instant;

/**
 * A coded segment in a matrix cell, with the reference back to its transcript and time.
 *
 * @param transcript the file name of the transcript (without folders)
 * @param activity the focus group or interview
 * @param segment the segment's unit id
 * @param turn the turn index (0-based)
 * @param time the turn's start as {@code hh:mm:ss}, or empty when the transcript has no times
 * @param speaker the speaker's case label (a pseudonym when known)
 * @param text the segment's words, unredacted
 * @param code the code it received
 * @param coder who or what coded it (a coder's name, a rule)
 * @param codedAt when
 */
public record Excerpt(String transcript, ActivityId activity, UnitId segment, int turn, String time, String speaker,
    String text, CodeId code, String coder, Instant codedAt) {

  /**
   * Validates.
   *
   * @param transcript the file name of the transcript (without folders)
   * @param activity the focus group or interview
   * @param segment the segment's unit id
   * @param turn the turn index (0-based)
   * @param time the turn's start as {@code hh:mm:ss}, or empty when the transcript has no times
   * @param speaker the speaker's case label (a pseudonym when known)
   * @param text the segment's words, unredacted
   * @param code the code it received
   * @param coder who or what coded it (a coder's name, a rule)
   * @param codedAt when
   */
  public Excerpt {
    checkArgument(!transcript.isBlank(), "transcript cannot be blank");
    checkNotNull(activity, "activity");
    checkNotNull(segment, "segment");
    checkNotNull(time, "time");
    checkArgument(!speaker.isBlank(), "speaker cannot be blank");
    checkNotNull(text, "text");
    checkNotNull(code, "code");
    checkArgument(!coder.isBlank(), "coder cannot be blank");
    checkNotNull(codedAt, "codedAt");
  }

  /**
   * The reference back to the source: {@code transcript, turn n, hh:mm:ss}.
   *
   * @return a short reference
   */
  public String reference() {
    return transcript + ", turn " + (turn + 1) + (time.isEmpty() ? "" : ", " + time);
  }
}
