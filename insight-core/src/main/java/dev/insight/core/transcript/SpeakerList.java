package dev.insight.core.transcript;

import static com.google.common.base.Preconditions.checkArgument;

import dev.insight.core.programme.Participant;
import dev.insight.core.programme.ParticipantId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names heard in transcripts and the pseudonymous participants they belong to. One participant may be heard
 * under several names (a display name in one group, a phone dial-in in another). Names are matched ignoring case,
 * Unicode composition and runs of whitespace, so "Zoë  Adams" in a transcript finds "Zoë Adams" in the list.
 *
 * <p>The list holds real names: use it to map and to redact, never export it.
 */
public final class SpeakerList {
  private final List<Speaker> speakers;
  private final Map<String, Speaker> byKey;

  private SpeakerList(List<Speaker> speakers) {
    this.speakers = List.copyOf(speakers);
    Map<String, Speaker> keys = new HashMap<>();
    Map<ParticipantId, Participant> participants = new HashMap<>();
    for (Speaker speaker : this.speakers) {
      Speaker before = keys.putIfAbsent(SpeakerNames.key(speaker.name()), speaker);
      checkArgument(before == null, "the speaker list names '%s' twice", speaker.name());
      Participant known = participants.putIfAbsent(speaker.participant().id(), speaker.participant());
      checkArgument(known == null || known.equals(speaker.participant()),
          "participant %s is described differently for the names of '%s'", speaker.participant().id(),
          speaker.name());
    }
    this.byKey = keys;
  }

  /**
   * A list of speakers.
   *
   * @param speakers the speakers; names distinct (as matched), a participant described the same way under each of
   *     its names
   * @return the list
   * @throws IllegalArgumentException when a name appears twice or a participant is described two ways
   */
  public static SpeakerList of(List<Speaker> speakers) {
    return new SpeakerList(speakers);
  }

  /**
   * An empty list.
   *
   * @return a list with no speakers
   */
  public static SpeakerList empty() {
    return new SpeakerList(List.of());
  }

  /**
   * Every entry, in the order given.
   *
   * @return the speakers
   */
  public List<Speaker> speakers() {
    return speakers;
  }

  /**
   * The entry for a name as heard.
   *
   * @param name the name, in any case and spacing
   * @return the speaker, or empty when the name is not on the list
   */
  public Optional<Speaker> find(String name) {
    return Optional.ofNullable(byKey.get(SpeakerNames.key(name)));
  }

  /**
   * The real names on the list, for redaction.
   *
   * @return every name, in the order given
   */
  public List<String> names() {
    List<String> names = new ArrayList<>(speakers.size());
    for (Speaker speaker : speakers) {
      names.add(speaker.name());
    }
    return names;
  }

  /**
   * The participants, each once, in order of first appearance.
   *
   * @return the participants by id
   */
  public Map<ParticipantId, Participant> participants() {
    Map<ParticipantId, Participant> participants = new LinkedHashMap<>();
    for (Speaker speaker : speakers) {
      participants.putIfAbsent(speaker.participant().id(), speaker.participant());
    }
    return participants;
  }

  /**
   * The number of names.
   *
   * @return the size
   */
  public int size() {
    return speakers.size();
  }

  @Override
  public String toString() {
    // never the names: a list printed in a log must not leak them
    return "SpeakerList[" + speakers.size() + " names]";
  }
}
