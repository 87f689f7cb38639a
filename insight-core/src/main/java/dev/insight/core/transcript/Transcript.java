package dev.insight.core.transcript;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.internal.Check;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A transcript read from a file: its speaker turns in time order.
 *
 * @param source where it was read from (the file name given to the reader)
 * @param format the format it was read as
 * @param preamble lines before the first turn that are not speech (a Word transcript's title and date), kept so
 *     that nothing read is lost
 * @param turns the turns, in order; each turn's index is its position
 */
public record Transcript(String source, TranscriptFormat format, List<String> preamble, List<Turn> turns) {

  /**
   * Validates and copies the turns.
   *
   * @param source where it was read from (the file name given to the reader)
   * @param format the format it was read as
   * @param preamble lines before the first turn that are not speech (a Word transcript's title and date), kept so that nothing read is lost
   * @param turns the turns, in order; each turn's index is its position
   */
  public Transcript {
    Check.text(source, "transcript source");
    checkNotNull(format, "format");
    preamble = List.copyOf(preamble);
    turns = List.copyOf(turns);
    for (int i = 0; i < turns.size(); i++) {
      checkArgument(turns.get(i).index() == i, "turn %s has index %s", i, turns.get(i).index());
    }
  }

  /**
   * The turn at a position.
   *
   * @param index the 0-based position
   * @return the turn
   * @throws IndexOutOfBoundsException when there is no such turn
   */
  public Turn turn(int index) {
    return turns.get(index);
  }

  /**
   * The names heard, in order of first appearance.
   *
   * @return the distinct speaker names
   */
  public Set<String> speakerNames() {
    Set<String> names = new LinkedHashSet<>();
    for (Turn turn : turns) {
      names.add(turn.speakerName());
    }
    return names;
  }
}
