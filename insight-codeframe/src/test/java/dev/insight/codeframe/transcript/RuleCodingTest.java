package dev.insight.codeframe.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.codeframe.Code;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Provenance;
import dev.insight.codeframe.rules.RuleCoder;
import dev.insight.core.input.ReadMode;
import dev.insight.core.programme.ActivityId;
import dev.insight.core.programme.Participant;
import dev.insight.core.programme.ParticipantId;
import dev.insight.core.transcript.Speaker;
import dev.insight.core.transcript.SpeakerList;
import dev.insight.core.transcript.Transcript;
import dev.insight.core.transcript.TranscriptFormat;
import dev.insight.core.transcript.TranscriptReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleCodingTest {
  private static final Instant AT = Instant.parse("2026-11-03T12:00:00Z");
  private static final CodeId WAITING = CodeId.of("waiting");
  private static final CodeId COST = CodeId.of("cost");
  private static final Codeframe FRAME = Codeframe.builder("cf")
      .add(Code.builder(WAITING, "Waiting lists").rule("wait*").build())
      .add(Code.builder(COST, "Cost of living").rule("\"cost of living\" OR price*").build())
      .build();
  private static final SpeakerList SPEAKERS = SpeakerList.of(List.of(
      new Speaker("Siobhán Ó Súilleabháin", new Participant(ParticipantId.of("F1"), "Facilitator", null, null,
          List.of(), Map.of()), true),
      new Speaker("Zoë Adams", new Participant(ParticipantId.of("P01"), "P01", null, null, List.of(), Map.of()),
          false)));
  private final Transcript transcript = TranscriptReader.of(ReadMode.STRICT).withSpeakers(SPEAKERS).read(
      new StringReader("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Siobhán Ó Súilleabháin>Are waiting lists or "
          + "the cost of living the bigger issue?</v>\n\n00:00:04.000 --> 00:00:09.000\n<v Zoë Adams>We waited "
          + "months.  Prices went up too. And nothing else changed.</v>\n"), "g.vtt", TranscriptFormat.WEBVTT)
      .value();

  @Test
  void applyRules_bySentence_codesParticipantSentencesWithRuleProvenance_andSkipsStaff() {
    TranscriptCoding coding = TranscriptCoding.builder(transcript, ActivityId.of("fg1"), FRAME)
        .applyRules(RuleCoder.of(FRAME), SegmentBy.SENTENCE, AT).build();

    assertThat(coding.codedSegments()).extracting(CodedSegment::text, s -> s.assignment().code()).containsExactly(
        org.assertj.core.groups.Tuple.tuple("We waited months.", WAITING),
        org.assertj.core.groups.Tuple.tuple("Prices went up too.", COST));
    Provenance provenance = coding.codedSegments().get(0).assignment().provenance();
    assertThat(provenance).isInstanceOf(Provenance.Rule.class);
    assertThat(((Provenance.Rule) provenance).matched()).containsExactly("waited");
    assertThat(provenance.at()).isEqualTo(AT);
  }

  @Test
  void applyRules_byTurn_oneSegmentPerTurn_andHandCodingIsNotDuplicated() {
    TranscriptCoding.Builder builder = TranscriptCoding.builder(transcript, ActivityId.of("fg1"), FRAME);
    builder.code(1, 0, transcript.turn(1).text().length(), WAITING, "AB", AT);

    TranscriptCoding coding = builder.applyRules(RuleCoder.of(FRAME), SegmentBy.TURN, AT).build();

    assertThat(coding.segments()).hasSize(1);
    assertThat(coding.codedSegments()).extracting(s -> s.assignment().provenance().source())
        .containsExactly("AB", "rule: \"cost of living\" OR price*");
  }

  @Test
  void applyRules_ruleCoderOfAnotherFrame_fails() {
    Codeframe other = Codeframe.builder("other").add(Code.builder(WAITING, "W").rule("wait").build()).build();

    assertThatThrownBy(() -> TranscriptCoding.builder(transcript, ActivityId.of("fg1"), FRAME)
        .applyRules(RuleCoder.of(other), SegmentBy.TURN, AT)).hasMessageStartingWith("the rule coder's codeframe");
  }
}
