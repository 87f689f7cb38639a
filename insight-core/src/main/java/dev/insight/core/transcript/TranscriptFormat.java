package dev.insight.core.transcript;

import java.nio.file.Path;
import java.util.Locale;

/** The transcript formats the {@link TranscriptReader} reads. */
public enum TranscriptFormat {
  /**
   * WebVTT captions: Microsoft Teams writes {@code <v Speaker Name>text</v>} voice spans, Zoom writes
   * {@code Speaker Name: text} cues; both are read from one file type, cue by cue.
   */
  WEBVTT,
  /**
   * The text of a Microsoft Teams Word transcript: a {@code Speaker Name   0:03} line before each turn. A
   * {@code .docx} file is read directly (its paragraphs are the lines); a text export of it reads the same way.
   */
  TEAMS_TEXT,
  /** Plain text with {@code Name: text} turns, optionally led by a time such as {@code [00:01:23]}. */
  PLAIN_TEXT;

  /**
   * The format a file name suggests: {@code .vtt} is WebVTT, {@code .docx} is a Teams transcript, anything else
   * plain text.
   *
   * @param file the file
   * @return the format
   */
  public static TranscriptFormat forFile(Path file) {
    Path name = file.getFileName();
    String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    if (lower.endsWith(".vtt")) {
      return WEBVTT;
    }
    if (lower.endsWith(".docx")) {
      return TEAMS_TEXT;
    }
    return PLAIN_TEXT;
  }
}
