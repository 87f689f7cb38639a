package dev.insight.core.transcript;

import dev.insight.core.input.ProblemCollector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Merges consecutive cues of one speaker into turns and maps each name to the speaker list. */
final class TurnAssembler {
  private final ProblemCollector problems;
  private final SpeakerList speakers;
  private final boolean required;
  /** Each name's lookup, done once: names repeat thousands of times in a long transcript. */
  private final Map<String, Resolved> resolved = new HashMap<>();

  private record Resolved(@Nullable Speaker speaker) {}

  TurnAssembler(ProblemCollector problems, SpeakerList speakers, boolean required) {
    this.problems = problems;
    this.speakers = speakers;
    this.required = required;
  }

  /**
   * The turns.
   *
   * @param cues the cues in source order
   * @param byStart whether to order cues by start time first (WebVTT cues can interleave); the sort is stable, so
   *     cues that start together keep their source order
   */
  List<Turn> assemble(List<Cue> cues, boolean byStart) {
    List<Cue> ordered = cues;
    if (byStart) {
      ordered = new ArrayList<>(cues);
      ordered.sort(Comparator.comparingLong(Cue::start));
    }
    List<Turn> turns = new ArrayList<>();
    int i = 0;
    while (i < ordered.size()) {
      Cue first = ordered.get(i);
      Speaker speaker = resolve(first);
      String key = first.speaker();
      long end = first.end();
      StringBuilder text = new StringBuilder(first.text());
      int j = i + 1;
      while (j < ordered.size() && ordered.get(j).speaker().equalsIgnoreCase(key)) {
        Cue next = ordered.get(j);
        if (!next.text().isEmpty()) {
          if (text.length() > 0) {
            text.append(' ');
          }
          text.append(next.text());
        }
        end = Math.max(end, next.end());
        j++;
      }
      turns.add(new Turn(turns.size(), first.speaker(), speaker, first.start(), end, text.toString(),
          first.line()));
      i = j;
    }
    return turns;
  }

  private @Nullable Speaker resolve(Cue cue) {
    Resolved known = resolved.get(cue.speaker());
    if (known == null) {
      Speaker speaker = speakers.find(cue.speaker()).orElse(null);
      if (speaker == null && required) {
        String message = cue.speaker().equals(Turn.UNKNOWN_SPEAKER)
            ? "the cue names no speaker, but every speaker must map to a participant; kept as "
                + Turn.UNKNOWN_SPEAKER
            : "unknown speaker: the name is not on the speaker list (" + speakers.size()
                + " names); its turns are kept unmapped (reported once, at its first line)";
        problems.report(cue.line(), "speaker", cue.speaker(), message);
      }
      known = new Resolved(speaker);
      resolved.put(cue.speaker(), known);
    }
    return known.speaker();
  }
}
