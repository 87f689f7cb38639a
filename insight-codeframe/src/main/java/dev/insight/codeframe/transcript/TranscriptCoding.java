package dev.insight.codeframe.transcript;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Assignment;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.Provenance;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.codeframe.rules.RuleCoder;
import dev.insight.codeframe.rules.RuleMatch;
import dev.insight.core.evidence.Consent;
import dev.insight.core.evidence.QuoteId;
import dev.insight.core.evidence.QuoteSource;
import dev.insight.core.evidence.Verbatim;
import dev.insight.core.programme.ActivityId;
import dev.insight.core.programme.ParticipantId;
import dev.insight.core.transcript.Speaker;
import dev.insight.core.transcript.Transcript;
import dev.insight.core.transcript.Turn;
import java.text.BreakIterator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A transcript with its coded segments: the segments (character ranges of turns) and a {@link Coding} over them,
 * each assignment keeping who or what coded it and when. Immutable; made by a {@link #builder builder}.
 *
 * <pre>{@code
 * TranscriptCoding.Builder coding = TranscriptCoding.builder(transcript, ActivityId.of("fg4"), codeframe);
 * coding.code(3, 0, 42, CodeId.of("waiting"), "AB", Instant.now());   // turn 3, characters 0-42
 * TranscriptCoding done = coding.build();
 * }</pre>
 */
public final class TranscriptCoding {
  private final Transcript transcript;
  private final ActivityId activity;
  private final Map<UnitId, Segment> segments;
  private final Coding coding;

  private TranscriptCoding(Transcript transcript, ActivityId activity, Map<UnitId, Segment> segments,
      Coding coding) {
    this.transcript = transcript;
    this.activity = activity;
    this.segments = Collections.unmodifiableMap(new LinkedHashMap<>(segments));
    this.coding = coding;
  }

  /**
   * A builder.
   *
   * @param transcript the transcript
   * @param activity the focus group or interview it records (the source of its quotes)
   * @param codeframe the codeframe the codes come from
   * @return a new builder
   */
  public static Builder builder(Transcript transcript, ActivityId activity, Codeframe codeframe) {
    return new Builder(transcript, activity, codeframe);
  }

  /**
   * The transcript.
   *
   * @return the transcript
   */
  public Transcript transcript() {
    return transcript;
  }

  /**
   * The activity the transcript records.
   *
   * @return the activity id
   */
  public ActivityId activity() {
    return activity;
  }

  /**
   * The segments, in the order they were made.
   *
   * @return the segments
   */
  public List<Segment> segments() {
    return List.copyOf(segments.values());
  }

  /**
   * A segment by id.
   *
   * @param id the unit id
   * @return the segment, or empty
   */
  public Optional<Segment> segment(UnitId id) {
    return Optional.ofNullable(segments.get(id));
  }

  /**
   * The codes of the segments.
   *
   * @return the coding (its units are the segments' ids)
   */
  public Coding coding() {
    return coding;
  }

  /**
   * Every assignment with its segment, turn and words, in segment order.
   *
   * @return the coded segments
   */
  public List<CodedSegment> codedSegments() {
    List<CodedSegment> coded = new ArrayList<>();
    for (Segment segment : segments.values()) {
      Turn turn = transcript.turn(segment.turn());
      String text = segment.text(transcript);
      for (Assignment assignment : coding.assignments(segment.id())) {
        coded.add(new CodedSegment(segment, turn, text, assignment));
      }
    }
    return coded;
  }

  /**
   * Selects a segment as a quote, attributed by the speaker's role from the speaker list.
   *
   * @param segment the segment
   * @param id the quote's id
   * @param consent whether the speaker agreed to publication
   * @return the quote; its themes are the segment's codes, its source the activity, participant and time
   * @throws IllegalArgumentException when the segment is unknown or its speaker has no role to attribute it by
   */
  public Verbatim quote(UnitId segment, QuoteId id, Consent consent) {
    Segment found = require(segment);
    Speaker speaker = transcript.turn(found.turn()).speaker();
    String role = speaker == null ? null : speaker.participant().role();
    checkArgument(role != null, "segment %s: the speaker has no role on the speaker list to attribute the quote "
        + "by; give an attribution", segment);
    return quote(segment, id, role, consent);
  }

  /**
   * Selects a segment as a quote.
   *
   * @param segment the segment
   * @param id the quote's id
   * @param attribution how the quote is attributed, such as "representative of a children and young people's
   *     organisation" (a role or first name, never a full name)
   * @param consent whether the speaker agreed to publication; a quote without it cannot be put in a report
   * @return the quote
   * @throws IllegalArgumentException when the segment is unknown
   */
  public Verbatim quote(UnitId segment, QuoteId id, String attribution, Consent consent) {
    Segment found = require(segment);
    Turn turn = transcript.turn(found.turn());
    ParticipantId participant = turn.mappedSpeaker().map(s -> s.participant().id()).orElse(null);
    String locator = turn.timed() ? turn.startLabel() : "turn " + (turn.index() + 1);
    List<String> themes = new ArrayList<>();
    for (CodeId code : coding.codes(segment)) {
      themes.add(code.value());
    }
    return new Verbatim(id, found.text(transcript), new QuoteSource(activity, participant, null, locator),
        attribution, consent, themes);
  }

  private Segment require(UnitId id) {
    Segment found = segments.get(id);
    checkArgument(found != null, "no segment %s in the coding of %s", id, transcript.source());
    return found;
  }

  @Override
  public String toString() {
    return "TranscriptCoding[" + transcript.source() + ", " + segments.size() + " segments]";
  }

  /** Collects segments and their codes. */
  public static final class Builder {
    private final Transcript transcript;
    private final ActivityId activity;
    private final Codeframe codeframe;
    private final Coding.Builder coding;
    private final Map<UnitId, Segment> segments = new LinkedHashMap<>();

    private Builder(Transcript transcript, ActivityId activity, Codeframe codeframe) {
      this.transcript = checkNotNull(transcript, "transcript");
      this.activity = checkNotNull(activity, "activity");
      this.codeframe = checkNotNull(codeframe, "codeframe");
      this.coding = Coding.builder(codeframe);
    }

    /**
     * The segment for a range of a turn, made on first use. Its id is {@code <activity>:<turn>:<start>-<end>}.
     *
     * @param turn the turn index
     * @param start the first character's offset in the turn's text
     * @param end the offset just after the last character
     * @return the segment's unit id
     * @throws IllegalArgumentException when the range does not fit the turn
     */
    public UnitId segment(int turn, int start, int end) {
      UnitId id = UnitId.of(activity.value() + ":" + turn + ":" + start + "-" + end);
      if (!segments.containsKey(id)) {
        Segment segment = new Segment(id, turn, start, end);
        segment.checkFits(transcript);
        segments.put(id, segment);
        coding.unit(id);
      }
      return id;
    }

    /**
     * The segment covering a whole turn.
     *
     * @param turn the turn index
     * @return the segment's unit id
     * @throws IllegalArgumentException when there is no such turn or it has no words
     */
    public UnitId turn(int turn) {
      checkArgument(turn >= 0 && turn < transcript.turns().size(), "%s has no turn %s", transcript.source(), turn);
      return segment(turn, 0, transcript.turn(turn).text().length());
    }

    /**
     * Codes a range of a turn by hand.
     *
     * @param turn the turn index
     * @param start the first character's offset
     * @param end the offset just after the last character
     * @param code the code; a codable code of the codeframe
     * @param coder who coded it
     * @param at when
     * @return this builder
     * @throws IllegalArgumentException when the range does not fit, the code is not codable or already given
     */
    public Builder code(int turn, int start, int end, CodeId code, String coder, Instant at) {
      coding.assign(segment(turn, start, end), code, new Provenance.Human(coder, at));
      return this;
    }

    /**
     * Codes the participants' turns with rules: each turn (or sentence) becomes a segment, coded with every code
     * whose rule it matches, the provenance naming the rule and the words that matched. Turns of staff (speakers
     * marked as staff on the speaker list, such as facilitators) are not coded: their questions would match the
     * themes they ask about. Codes a segment already has (from an earlier pass or by hand) are not given twice.
     *
     * @param rules the rule coder; its codeframe must be this coding's
     * @param by whether segments are turns or sentences
     * @param at the time recorded for the rule assignments
     * @return this builder
     * @throws IllegalArgumentException when the rule coder uses another codeframe
     */
    public Builder applyRules(RuleCoder rules, SegmentBy by, Instant at) {
      checkArgument(rules.codeframe().equals(codeframe), "the rule coder's codeframe %s is not this coding's %s",
          rules.codeframe(), codeframe);
      checkNotNull(by, "by");
      checkNotNull(at, "at");
      BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
      for (Turn turn : transcript.turns()) {
        if (turn.speaker() != null && turn.speaker().staff() || turn.text().isBlank()) {
          continue;
        }
        String text = turn.text();
        if (by == SegmentBy.TURN) {
          codeByRules(rules, turn.index(), 0, text.length(), at);
          continue;
        }
        sentences.setText(text);
        int start = sentences.first();
        for (int end = sentences.next(); end != BreakIterator.DONE; start = end, end = sentences.next()) {
          int trimmed = end;
          while (trimmed > start && Character.isWhitespace(text.charAt(trimmed - 1))) {
            trimmed--;
          }
          if (trimmed > start) {
            codeByRules(rules, turn.index(), start, trimmed, at);
          }
        }
      }
      return this;
    }

    private void codeByRules(RuleCoder rules, int turn, int start, int end, Instant at) {
      String text = transcript.turn(turn).text().substring(start, end);
      List<RuleMatch> matches = rules.match(text);
      if (matches.isEmpty()) {
        return;
      }
      UnitId id = segment(turn, start, end);
      for (RuleMatch match : matches) {
        if (coding.lacks(id, match.code())) {
          coding.assign(id, match.code(), new Provenance.Rule(match.rule(), match.words(), at));
        }
      }
    }

    /**
     * Adds an assignment made elsewhere (a rule or a model) to a segment of this builder.
     *
     * @param assignment the assignment; its unit must be a segment made by this builder
     * @return this builder
     * @throws IllegalArgumentException when the unit is not a segment or the code not codable or already given
     */
    public Builder add(Assignment assignment) {
      checkArgument(segments.containsKey(assignment.unit()), "unit %s is not a segment of %s; make it with "
          + "segment(turn, start, end) first", assignment.unit(), transcript.source());
      coding.add(assignment);
      return this;
    }

    /**
     * Whether a segment already has a code.
     *
     * @param segment the segment's unit id
     * @param code the code
     * @return true when the segment lacks the code
     */
    public boolean lacks(UnitId segment, CodeId code) {
      return coding.lacks(segment, code);
    }

    /**
     * The transcript being coded.
     *
     * @return the transcript
     */
    public Transcript transcript() {
      return transcript;
    }

    /**
     * The coding.
     *
     * @return the transcript coding
     */
    public TranscriptCoding build() {
      return new TranscriptCoding(transcript, activity, segments, coding.build());
    }
  }
}
