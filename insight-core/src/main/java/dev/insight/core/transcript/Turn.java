package dev.insight.core.transcript;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one speaker said without interruption: consecutive cues of one speaker merged. Segments of a turn are
 * addressed by character offsets into {@link #text()}.
 *
 * @param index the 0-based position of the turn in its transcript
 * @param speakerName the speaker's name as the transcription shows it (whitespace collapsed), or
 *     {@link #UNKNOWN_SPEAKER} when the source named nobody
 * @param speaker the speaker list entry the name maps to, or null when there is no list or the name is not on it
 * @param startMillis when the turn starts, in milliseconds from the start of the recording, or {@link #NO_TIME}
 * @param endMillis when the turn ends, in milliseconds, or {@link #NO_TIME}; never before the start
 * @param text the words, whitespace collapsed to single spaces
 * @param line the 1-based line (paragraph for a Word file) of the source where the turn starts
 */
public record Turn(int index, String speakerName, @Nullable Speaker speaker, long startMillis, long endMillis,
    String text, long line) {

  /** The time of a turn whose source gives none (plain text without timestamps). */
  public static final long NO_TIME = -1;

  /** The speaker name of a cue that names no speaker. */
  public static final String UNKNOWN_SPEAKER = "(unknown speaker)";

  /**
   * Validates the position, times and text.
   *
   * @param index the 0-based position of the turn in its transcript
   * @param speakerName the speaker's name as the transcription shows it (whitespace collapsed), or {@link #UNKNOWN_SPEAKER} when the source named nobody
   * @param speaker the speaker list entry the name maps to, or null when there is no list or the name is not on it
   * @param startMillis when the turn starts, in milliseconds from the start of the recording, or {@link #NO_TIME}
   * @param endMillis when the turn ends, in milliseconds, or {@link #NO_TIME}; never before the start
   * @param text the words, whitespace collapsed to single spaces
   * @param line the 1-based line (paragraph for a Word file) of the source where the turn starts
   */
  public Turn {
    checkArgument(index >= 0, "turn index cannot be negative: %s", index);
    checkNotNull(speakerName, "speakerName");
    checkNotNull(text, "text");
    checkArgument(startMillis >= NO_TIME, "turn start cannot be negative: %s", startMillis);
    checkArgument(endMillis == NO_TIME || endMillis >= startMillis, "turn %s ends (%s ms) before it starts (%s ms)",
        index, endMillis, startMillis);
    checkArgument(line >= 0, "line cannot be negative: %s", line);
  }

  /**
   * The speaker list entry, if the name was mapped.
   *
   * @return the speaker
   */
  public Optional<Speaker> mappedSpeaker() {
    return Optional.ofNullable(speaker);
  }

  /**
   * Whether the source gave a time for this turn.
   *
   * @return true when {@link #startMillis()} is a time
   */
  public boolean timed() {
    return startMillis != NO_TIME;
  }

  /**
   * The start as {@code hh:mm:ss}, for a reference back to the recording.
   *
   * @return the start time, or an empty string when the turn has no time
   */
  public String startLabel() {
    return timed() ? Times.format(startMillis) : "";
  }

  /**
   * A short label for the speaker that is safe to show outside the analysis team: the participant's pseudonym when
   * mapped, else the name as heard.
   *
   * @return the pseudonym or the name
   */
  public String speakerLabel() {
    return speaker == null ? speakerName : speaker.participant().pseudonym();
  }
}
