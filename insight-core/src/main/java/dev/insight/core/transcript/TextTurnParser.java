package dev.insight.core.transcript;

import dev.insight.core.input.ProblemCollector;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads transcripts written as text, where a line opens each turn and the lines after it, up to the next such
 * line, are its words: a Teams Word transcript ({@code Speaker Name   0:03}, the name and a clock time on a line
 * of their own) or plain text ({@code Name: words}, optionally led by a time such as {@code [00:01:23]}). Lines
 * before the first turn are the preamble. Each turn ends when the next starts; times must not run backwards.
 */
final class TextTurnParser {
  /**
   * A Teams speaker line: a name, white space, a clock time, nothing else. Every repeat is bounded, so a hostile
   * line (a letter and a million spaces) costs a bounded number of steps instead of one per character per name
   * length.
   */
  private static final Pattern TEAMS_SPEAKER = Pattern.compile(
      "(\\p{L}[^\\t]{0,79}?)[\\s\\u00A0]{1,40}(\\d{1,3}:\\d{2}(?::\\d{2})?)");
  /**
   * A plain text turn: an optional time, a name, a colon followed by white space or the end of the line (so
   * {@code 10:30} and {@code https://} do not open turns).
   */
  private static final Pattern PLAIN_TURN = Pattern.compile(
      "(?:[\\[(]?(\\d{1,3}:\\d{2}(?::\\d{2})?)[\\])]?[\\s\\u00A0]{1,40})?([^:\\[(][^:]{0,59}):(?:[\\s\\u00A0]+(.*)|)");

  private final ProblemCollector problems;
  private final TranscriptFormat format;

  TextTurnParser(ProblemCollector problems, TranscriptFormat format) {
    this.problems = problems;
    this.format = format;
  }

  /** The cues and, in {@code preamble}, the lines before the first. */
  List<Cue> cues(BufferedReader in, List<String> preamble) throws IOException {
    List<Cue> cues = new ArrayList<>();
    String speaker = null;
    long start = Turn.NO_TIME;
    long startLine = 0;
    StringBuilder text = new StringBuilder();
    long lastTime = Turn.NO_TIME;
    long lastTimeLine = 0;
    long lineNumber = 0;
    String line;
    while ((line = in.readLine()) != null) {
      lineNumber++;
      if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
        line = line.substring(1);
      }
      String stripped = line.strip();
      Opening opening = stripped.isEmpty() ? null : opening(stripped, lineNumber);
      if (opening != null) {
        if (speaker != null) {
          cues.add(new Cue(startLine, start, start, speaker, SpeakerNames.collapse(text)));
        }
        speaker = opening.speaker;
        start = opening.time;
        startLine = lineNumber;
        text.setLength(0);
        text.append(opening.words);
        if (start != Turn.NO_TIME) {
          if (lastTime != Turn.NO_TIME && start < lastTime) {
            problems.report(lineNumber, null, stripped, "times run backwards: " + Times.format(start)
                + " comes after " + Times.format(lastTime) + " on line " + lastTimeLine
                + "; the turn is kept in file order");
          }
          lastTime = start;
          lastTimeLine = lineNumber;
        }
      } else if (!stripped.isEmpty()) {
        if (speaker == null) {
          preamble.add(stripped);
        } else {
          text.append(' ').append(stripped);
        }
      }
    }
    if (speaker != null) {
      cues.add(new Cue(startLine, start, start, speaker, SpeakerNames.collapse(text)));
    }
    return withEnds(cues);
  }

  /** Each turn of a text transcript ends when the next one starts (or at its own start, for the last). */
  private static List<Cue> withEnds(List<Cue> cues) {
    List<Cue> ended = new ArrayList<>(cues.size());
    for (int i = 0; i < cues.size(); i++) {
      Cue cue = cues.get(i);
      long end = cue.start();
      if (cue.start() != Turn.NO_TIME && i + 1 < cues.size() && cues.get(i + 1).start() > cue.start()) {
        end = cues.get(i + 1).start();
      }
      ended.add(new Cue(cue.line(), cue.start(), end, cue.speaker(), cue.text()));
    }
    return ended;
  }

  private record Opening(String speaker, long time, String words) {}

  private @Nullable Opening opening(String line, long lineNumber) {
    if (format == TranscriptFormat.TEAMS_TEXT) {
      Matcher m = TEAMS_SPEAKER.matcher(line);
      if (!m.matches()) {
        return null;
      }
      String name = m.group(1);
      char last = name.charAt(name.length() - 1);
      if (last == '.' || last == '?' || last == '!' || last == ',') {
        return null;
      }
      return new Opening(SpeakerNames.clean(name), clock(m.group(2), lineNumber, line), "");
    }
    Matcher m = PLAIN_TURN.matcher(line);
    if (!m.matches() || !SpeakerNames.looksLikeName(m.group(2))) {
      return null;
    }
    long time = m.group(1) == null ? Turn.NO_TIME : clock(m.group(1), lineNumber, line);
    String words = m.group(3) == null ? "" : m.group(3);
    return new Opening(SpeakerNames.clean(m.group(2)), time, words);
  }

  private long clock(String time, long lineNumber, String line) {
    long millis = Times.parseClock(time, 0, time.length());
    if (millis == Times.INVALID) {
      problems.report(lineNumber, null, line, "malformed time '" + time + "': expected m:ss or h:mm:ss; the turn is"
          + " kept without a time");
      return Turn.NO_TIME;
    }
    return millis;
  }
}
