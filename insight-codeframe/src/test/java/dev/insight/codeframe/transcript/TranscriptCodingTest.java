package dev.insight.codeframe.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Provenance;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.core.evidence.Consent;
import dev.insight.core.evidence.QuoteId;
import dev.insight.core.evidence.Verbatim;
import dev.insight.core.input.ReadMode;
import dev.insight.core.programme.ActivityId;
import dev.insight.core.transcript.Transcript;
import dev.insight.core.transcript.TranscriptFormat;
import dev.insight.core.transcript.TranscriptReader;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TranscriptCodingTest {
  private static final Instant AT = Instant.parse("2026-11-03T10:00:00Z");
  private static final Codeframe FRAME = Codeframe.builder("cf").code("wait", "Waiting", null)
      .code("cost", "Cost of living", null).net("net", "A net", null).code("x", "X", "net").build();
  private final Transcript transcript = TranscriptReader.of(ReadMode.STRICT).read(new StringReader(
      "WEBVTT\n\n00:00:05.000 --> 00:00:09.000\n<v Zoë>The wait is long. Prices \uD83D\uDCB8 too.</v>\n\n"
          + "00:00:10.000 --> 00:00:12.000\n<v Kwame>Agreed.</v>\n"), "g.vtt", TranscriptFormat.WEBVTT).value();

  @Test
  void code_rangesOfTurns_keepCoderAndTimeAndText() {
    TranscriptCoding coding = TranscriptCoding.builder(transcript, ActivityId.of("fg1"), FRAME)
        .code(0, 0, 17, CodeId.of("wait"), "AB", AT)
        .code(0, 18, 32, CodeId.of("cost"), "CD", AT.plusSeconds(60))
        .build();

    assertThat(coding.segments()).extracting(Segment::id).containsExactly(UnitId.of("fg1:0:0-17"),
        UnitId.of("fg1:0:18-32"));
    assertThat(coding.codedSegments()).extracting(CodedSegment::text).containsExactly("The wait is long.",
        "Prices \uD83D\uDCB8 too.");
    assertThat(coding.codedSegments().get(1).assignment().provenance())
        .isEqualTo(new Provenance.Human("CD", AT.plusSeconds(60)));
    assertThat(coding.coding().codes(UnitId.of("fg1:0:0-17"))).containsExactly(CodeId.of("wait"));
  }

  @Test
  void code_sameRangeTwice_sharesOneSegment() {
    TranscriptCoding.Builder builder = TranscriptCoding.builder(transcript, ActivityId.of("fg1"), FRAME);
    builder.code(1, 0, 7, CodeId.of("wait"), "AB", AT).code(1, 0, 7, CodeId.of("cost"), "AB", AT);

    TranscriptCoding coding = builder.build();

    assertThat(coding.segments()).hasSize(1);
    assertThat(coding.coding().codes(builder.turn(1))).containsExactly(CodeId.of("wait"), CodeId.of("cost"));
  }

  @Test
  void code_badRanges_failNamingSegmentAndTurn() {
    TranscriptCoding.Builder builder = TranscriptCoding.builder(transcript, ActivityId.of("fg1"), FRAME);

    assertThatThrownBy(() -> builder.code(1, 0, 50, CodeId.of("wait"), "AB", AT))
        .hasMessage("segment fg1:1:0-50: the range [0, 50) runs past the end of turn 1 (7 characters)");
    assertThatThrownBy(() -> builder.code(5, 0, 1, CodeId.of("wait"), "AB", AT))
        .hasMessage("segment fg1:5:0-1: g.vtt has no turn 5 (it has 2)");
    assertThatThrownBy(() -> builder.code(0, 26, 30, CodeId.of("wait"), "AB", AT))
        .hasMessage("segment fg1:0:26-30: the range [26, 30) splits a character");
    assertThatThrownBy(() -> builder.code(0, 3, 3, CodeId.of("wait"), "AB", AT))
        .hasMessage("segment fg1:0:3-3: the range [3, 3) must hold at least one character");
    assertThatThrownBy(() -> builder.code(0, 0, 3, CodeId.of("net"), "AB", AT))
        .hasMessage("unit fg1:0:0-3: net is a net of codeframe cf, not a codable code");
  }

  @Test
  void quote_withoutRoleNeedsAnAttribution_andCarriesSourceAndConsent() {
    TranscriptCoding.Builder builder = TranscriptCoding.builder(transcript, ActivityId.of("fg1"), FRAME);
    UnitId segment = builder.segment(0, 0, 17);
    TranscriptCoding coding = builder.build();

    assertThatThrownBy(() -> coding.quote(segment, QuoteId.of("Q1"), Consent.GIVEN))
        .hasMessage("segment fg1:0:0-17: the speaker has no role on the speaker list to attribute the quote by; "
            + "give an attribution");
    Verbatim quote = coding.quote(segment, QuoteId.of("Q1"), "a parent", Consent.REFUSED);
    assertThat(quote.text()).isEqualTo("The wait is long.");
    assertThat(quote.source().activity()).isEqualTo(ActivityId.of("fg1"));
    assertThat(quote.source().participant()).isNull();
    assertThat(quote.source().locator()).isEqualTo("00:00:05");
    assertThat(quote.publishable()).isFalse();
    assertThatThrownBy(() -> coding.quote(UnitId.of("nope"), QuoteId.of("Q2"), "x", Consent.GIVEN))
        .hasMessage("no segment nope in the coding of g.vtt");
  }
}
