package dev.insight.codeframe.framework;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.transcript.TranscriptCoding;
import dev.insight.core.input.ReadMode;
import dev.insight.core.programme.ActivityId;
import dev.insight.core.transcript.SpeakerList;
import dev.insight.core.transcript.SpeakerListReader;
import dev.insight.core.transcript.Transcript;
import dev.insight.core.transcript.TranscriptReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;

/** A small focus group (group4.vtt), its speakers and a coding of it, shared by the framework tests. */
final class FocusGroupFixture {
  static final Instant CODED_AT = Instant.parse("2026-11-03T14:00:00Z");
  static final CodeId WAITING = CodeId.of("waiting");
  static final CodeId COST = CodeId.of("cost");
  static final CodeId TOO_MANY = CodeId.of("too-many");
  static final CodeId ACCESS = CodeId.of("access");
  static final CodeId PRIORITIES = CodeId.of("priorities");

  private FocusGroupFixture() {}

  static Path resource(String name) {
    try {
      return Path.of(FocusGroupFixture.class.getResource("/framework/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Codeframe codeframe() {
    return Codeframe.builder("focus groups").version("1")
        .net("access", "Access to services", null)
        .code("waiting", "Waiting lists", "access")
        .code("info", "Timely information", "access")
        .code("cost", "Cost of living", null)
        .net("priorities", "Views on the draft priorities", null)
        .code("too-many", "Too many priorities", "priorities")
        .build();
  }

  static SpeakerList speakers() {
    return SpeakerListReader.read(resource("speakers.csv"));
  }

  static Transcript transcript() {
    return TranscriptReader.of(ReadMode.STRICT).withSpeakers(speakers()).read(resource("group4.vtt")).value();
  }

  /**
   * By hand: Zoë's first sentence as waiting and her second turn as cost, Kwame's turn as cost, Amira's turn as
   * too many.
   */
  static TranscriptCoding coding() {
    Transcript transcript = transcript();
    TranscriptCoding.Builder coding = TranscriptCoding.builder(transcript, ActivityId.of("fg4"), codeframe());
    String zoe = transcript.turn(1).text();
    coding.code(1, 0, zoe.indexOf("thing.") + 6, WAITING, "AB", CODED_AT);
    coding.code(3, 0, transcript.turn(3).text().length(), COST, "AB", CODED_AT);
    coding.code(2, 0, transcript.turn(2).text().length(), COST, "CD", CODED_AT);
    String amira = transcript.turn(4).text();
    coding.code(4, 0, amira.length(), TOO_MANY, "AB", CODED_AT);
    return coding.build();
  }
}
