package dev.insight.core.transcript;

import dev.insight.core.input.ProblemCollector;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads WebVTT cues (W3C WebVTT, 2019 candidate recommendation) with the speaker taken from a voice span
 * ({@code <v Name>}, Teams; the closing {@code </v>} optional, classes such as {@code <v.loud Name>} allowed) or,
 * when there is none, from a {@code Name: } prefix (Zoom). NOTE, STYLE and REGION blocks are not speech and are
 * skipped; other tags are removed and character references decoded. A cue starting more than
 * {@link #MAX_INTERLEAVE_MILLIS} before an earlier one is reported as times running backwards.
 */
final class WebVttParser {
  /**
   * How far a cue may start before an earlier cue of the file: Teams writes overlapping speech as cues a few
   * seconds out of order; a jump back of more than this is not cross-talk but a broken or spliced file.
   */
  static final long MAX_INTERLEAVE_MILLIS = 30_000;

  private final ProblemCollector problems;
  private final BufferedReader in;
  private long lineNumber;
  /** The latest cue start seen so far, and its line: cues may interleave, but not by more than this allows. */
  private long latestStart;
  private long latestStartLine;
  private final Map<String, String> names = new HashMap<>();

  WebVttParser(BufferedReader in, ProblemCollector problems) {
    this.in = in;
    this.problems = problems;
  }

  List<Cue> cues() throws IOException {
    String first = next();
    if (first != null && !first.isEmpty() && first.charAt(0) == '\uFEFF') {
      first = first.substring(1);
    }
    if (first == null || !(first.equals("WEBVTT") || first.startsWith("WEBVTT ") || first.startsWith("WEBVTT\t"))) {
      throw problems.fatal(first == null ? 0 : 1, null, first, "not a WebVTT file: the first line must be WEBVTT");
    }
    // the header block runs to the first blank line
    String line = first;
    while (line != null && !line.isBlank()) {
      line = next();
    }
    List<Cue> cues = new ArrayList<>();
    List<String> block = new ArrayList<>(4);
    long blockLine = 0;
    while (true) {
      line = next();
      if (line == null || line.isBlank()) {
        if (!block.isEmpty()) {
          cue(block, blockLine, cues);
          block.clear();
        }
        if (line == null) {
          return cues;
        }
      } else {
        if (block.isEmpty()) {
          blockLine = lineNumber;
        }
        block.add(line);
      }
    }
  }

  private String next() throws IOException {
    String line = in.readLine();
    if (line != null) {
      lineNumber++;
    }
    return line;
  }

  private void cue(List<String> block, long blockLine, List<Cue> cues) {
    String head = block.get(0);
    if (head.startsWith("NOTE") && (head.length() == 4 || Character.isWhitespace(head.charAt(4)))
        || head.equals("STYLE") || head.equals("REGION")) {
      return;
    }
    int timingAt;
    if (head.contains("-->")) {
      timingAt = 0;
    } else if (block.size() > 1 && block.get(1).contains("-->")) {
      timingAt = 1;
    } else {
      problems.report(blockLine, null, head, "expected a cue timing line such as '00:01:02.500 --> 00:01:04.000'"
          + (block.size() > 1 ? " after the cue id" : "") + "; the block is left out");
      return;
    }
    long timingLine = blockLine + timingAt;
    String timing = block.get(timingAt);
    int arrow = timing.indexOf("-->");
    int startFrom = skipSpace(timing, 0);
    int startTo = trimEnd(timing, arrow);
    int endFrom = skipSpace(timing, arrow + 3);
    int endTo = endFrom;
    while (endTo < timing.length() && !Character.isWhitespace(timing.charAt(endTo))) {
      endTo++;
    }
    long start = startFrom < startTo ? Times.parseVtt(timing, startFrom, startTo) : Times.INVALID;
    long end = endFrom < endTo ? Times.parseVtt(timing, endFrom, endTo) : Times.INVALID;
    if (start == Times.INVALID || end == Times.INVALID) {
      problems.report(timingLine, null, timing, "malformed cue timing: expected 'hh:mm:ss.ttt --> hh:mm:ss.ttt'"
          + "; the cue is left out");
      return;
    }
    if (latestStartLine > 0 && latestStart - start > MAX_INTERLEAVE_MILLIS) {
      problems.report(timingLine, null, timing, "times run backwards: the cue starts at " + Times.formatPrecise(start)
          + ", more than " + MAX_INTERLEAVE_MILLIS / 1000 + " s before the cue on line " + latestStartLine + " ("
          + Times.formatPrecise(latestStart) + "); kept and ordered by its start");
    }
    if (latestStartLine == 0 || start > latestStart) {
      latestStart = start;
      latestStartLine = timingLine;
    }
    if (end < start) {
      problems.report(timingLine, null, timing, "the cue ends (" + Times.formatPrecise(end) + ") before it starts ("
          + Times.formatPrecise(start) + "); kept with its end set to its start");
      end = start;
    }
    StringBuilder payload = new StringBuilder();
    for (int i = timingAt + 1; i < block.size(); i++) {
      if (payload.length() > 0) {
        payload.append(' ');
      }
      payload.append(block.get(i));
    }
    long cueEnd = end;
    Payload.spans(payload, names, (speaker, text) -> {
      String words = SpeakerNames.collapse(text);
      if (!words.isEmpty()) {
        cues.add(new Cue(timingLine, start, cueEnd, speaker, words));
      }
    });
  }

  private static int skipSpace(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int trimEnd(String text, int to) {
    int i = to;
    while (i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
      i--;
    }
    return i;
  }
}
