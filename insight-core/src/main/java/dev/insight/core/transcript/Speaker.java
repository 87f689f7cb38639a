package dev.insight.core.transcript;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.internal.Check;
import dev.insight.core.programme.Participant;

/**
 * One name that is heard in transcripts, mapped to the pseudonymous participant it belongs to. The name is personal
 * data: it is used to recognise speakers and to redact their names from quotes, and never appears in an export.
 *
 * @param name the name as the transcription shows it, such as "Siobhán Ó Súilleabháin"
 * @param participant the participant (pseudonym, role, organisation, audiences)
 * @param staff whether the speaker is staff (a facilitator or note taker) rather than a participant
 */
public record Speaker(String name, Participant participant, boolean staff) {

  /**
   * Validates the name and participant.
   *
   * @param name the name as the transcription shows it, such as "Siobhán Ó Súilleabháin"
   * @param participant the participant (pseudonym, role, organisation, audiences)
   * @param staff whether the speaker is staff (a facilitator or note taker) rather than a participant
   */
  public Speaker {
    Check.text(name, "speaker name");
    checkNotNull(participant, "participant of speaker %s", name);
  }
}
