package dev.insight.core.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.input.ReadMode;
import dev.insight.core.input.ReadResult;
import dev.insight.core.programme.ParticipantId;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class TranscriptReaderTest {
  private static final TranscriptReader STRICT = TranscriptReader.of(ReadMode.STRICT);
  private static final TranscriptReader LENIENT = TranscriptReader.of(ReadMode.LENIENT);

  static Path resource(String name) {
    try {
      return Path.of(TranscriptReaderTest.class.getResource("/transcript/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ReadResult<Transcript> vtt(TranscriptReader reader, String text) {
    return reader.read(new StringReader(text), "t.vtt", TranscriptFormat.WEBVTT);
  }

  @Test
  void teamsVtt_interleavedCues_orderedByStartAndConsecutiveCuesMerged() {
    Transcript transcript = STRICT.read(resource("teams.vtt")).value();

    assertThat(transcript.format()).isEqualTo(TranscriptFormat.WEBVTT);
    assertThat(transcript.turns()).extracting(Turn::speakerName).containsExactly("Siobhán Ó Súilleabháin",
        "Zoë Adams", "Kwame Mensah", "Zoë Adams", "Kwame Mensah");
    Turn opening = transcript.turn(0);
    assertThat(opening.text()).isEqualTo("Thanks everyone for coming. Could we start with the main issues you see? "
        + "Zoë, would you like to go first?");
    assertThat(opening.startMillis()).isEqualTo(3_120);
    assertThat(opening.endMillis()).isEqualTo(9_000);
    assertThat(opening.line()).isEqualTo(7);
    assertThat(transcript.turn(1).text()).isEqualTo("Yes. The waiting lists for CAMHS are the biggest thing & it's"
        + " getting worse.");
    assertThat(transcript.turn(2).text()).isEqualTo("Mm-hmm.");
    assertThat(transcript.turn(2).startLabel()).isEqualTo("00:00:14");
    assertThat(transcript.turn(3).text()).startsWith("Families call us").endsWith("if anyone needs it.");
    assertThat(transcript.turn(3).endMillis()).isEqualTo(24_000);
    assertThat(transcript.turn(4).text()).isEqualTo("Cost of living comes up in most of our calls, honestly.");
    assertThat(transcript.speakerNames()).containsExactly("Siobhán Ó Súilleabháin", "Zoë Adams", "Kwame Mensah");
  }

  @Test
  void teamsVtt_withSpeakerList_mapsNamesToPseudonymousParticipants() {
    SpeakerList speakers = SpeakerListReader.read(resource("speakers.csv"));

    Transcript transcript = STRICT.requireSpeakers(speakers).read(resource("teams.vtt")).value();

    assertThat(transcript.turns()).extracting(Turn::speakerLabel).containsExactly("Facilitator", "P01", "P02", "P01",
        "P02");
    Speaker zoe = transcript.turn(1).mappedSpeaker().orElseThrow();
    assertThat(zoe.participant().id()).isEqualTo(ParticipantId.of("P01"));
    assertThat(zoe.participant().organisation().value()).isEqualTo("org-youth");
    assertThat(zoe.participant().audiences()).extracting(a -> a.value()).containsExactly("cyp", "parents");
    assertThat(zoe.participant().attributes()).containsEntry("area", "North");
    assertThat(transcript.turn(0).mappedSpeaker().orElseThrow().staff()).isTrue();
  }

  @Test
  void zoomVtt_speakerNameColonCues_mergedAndColonInSpeechKept() {
    Transcript transcript = STRICT.read(resource("zoom.vtt")).value();

    assertThat(transcript.turns()).extracting(Turn::speakerName).containsExactly("Siobhán Ó Súilleabháin",
        "Zoë Adams", "Kwame Mensah");
    assertThat(transcript.turn(1).text()).isEqualTo("I think the priorities are right, but there are too many. "
        + "How will they be monitored: who checks?");
    assertThat(transcript.turn(1).startMillis()).isEqualTo(5_000);
    assertThat(transcript.turn(1).endMillis()).isEqualTo(12_000);
    assertThat(transcript.turn(2).line()).isEqualTo(16);
  }

  @Test
  void vtt_cueWithoutClosingVoiceTagAndWithTagsAndReferences_isCleaned() {
    Transcript transcript = vtt(STRICT, "WEBVTT\n\n00:01.000 --> 00:02.000 align:start\n"
        + "<v.first.loud Zoë Adams><i>Really</i> &lt;important&gt;&nbsp;point &#8211; yes\n").value();

    assertThat(transcript.turn(0).speakerName()).isEqualTo("Zoë Adams");
    assertThat(transcript.turn(0).text()).isEqualTo("Really <important> point \u2013 yes");
  }

  @Test
  void vtt_twoVoicesInOneCue_becomeTwoTurns() {
    Transcript transcript = vtt(STRICT, "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n"
        + "<v Zoë Adams>Is that right?</v> <v Kwame Mensah>It is.</v>\n").value();

    assertThat(transcript.turns()).extracting(Turn::speakerName, Turn::text).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Zoë Adams", "Is that right?"),
        org.assertj.core.groups.Tuple.tuple("Kwame Mensah", "It is."));
  }

  @Test
  void vtt_withoutHeader_failsNamingLineOne_evenWhenLenient() {
    assertThatThrownBy(() -> vtt(LENIENT, "1\n00:00:01.000 --> 00:00:02.000\n<v A>Hi</v>\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("t.vtt:1: value \"1\", not a WebVTT file: the first line must be WEBVTT");
  }

  @Test
  void vtt_malformedTimingLine_strict_failsNamingTheLine() {
    String text = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\n<v A>Hi</v>\n\n2\n00:00:03,000 --> 00:00:04.000\n"
        + "<v B>Hello</v>\n";

    assertThatThrownBy(() -> vtt(STRICT, text)).isInstanceOf(InvalidInputException.class)
        .hasMessage("t.vtt:8: value \"00:00:03,000 --> 00:00:04.000\", malformed cue timing: expected "
            + "'hh:mm:ss.ttt --> hh:mm:ss.ttt'; the cue is left out");
  }

  @Test
  void vtt_badBlocks_lenient_reportedAndTheRestKept() {
    String text = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v A>one</v>\n\n"
        + "00:00:03.000 --> 00:00:61.000\n<v B>lost</v>\n\n"
        + "00:00:09.000 --> 00:00:08.000\n<v A>backwards</v>\n\n"
        + "just some words\nwith no timing\n\n"
        + "00:00:10.000 --> 00:00:11.000\n<v B>four</v>\n";

    ReadResult<Transcript> result = vtt(LENIENT, text);

    assertThat(result.value().turns()).extracting(Turn::text).containsExactly("one backwards", "four");
    assertThat(result.value().turn(0).endMillis()).isEqualTo(9_000);
    assertThat(result.problems()).extracting(InputProblem::describe).containsExactly(
        "t.vtt:6: value \"00:00:03.000 --> 00:00:61.000\", malformed cue timing: expected "
            + "'hh:mm:ss.ttt --> hh:mm:ss.ttt'; the cue is left out",
        "t.vtt:9: value \"00:00:09.000 --> 00:00:08.000\", the cue ends (00:00:08.000) before it starts "
            + "(00:00:09.000); kept with its end set to its start",
        "t.vtt:12: value \"just some words\", expected a cue timing line such as "
            + "'00:01:02.500 --> 00:01:04.000' after the cue id; the block is left out");
  }

  @Test
  void vtt_cueStartingLongBeforeAnEarlierOne_isTimesRunningBackwards_butCrossTalkIsNot() {
    String crossTalk = "WEBVTT\n\n00:00:10.000 --> 00:00:15.000\n<v A>one</v>\n\n"
        + "00:00:08.000 --> 00:00:09.000\n<v B>two</v>\n";
    String spliced = "WEBVTT\n\n00:05:10.000 --> 00:05:15.000\n<v A>one</v>\n\n"
        + "00:00:08.000 --> 00:00:09.000\n<v B>two</v>\n";

    assertThat(vtt(STRICT, crossTalk).value().turns()).extracting(Turn::text).containsExactly("two", "one");
    assertThatThrownBy(() -> vtt(STRICT, spliced)).isInstanceOf(InvalidInputException.class)
        .hasMessage("t.vtt:6: value \"00:00:08.000 --> 00:00:09.000\", times run backwards: the cue starts at "
            + "00:00:08.000, more than 30 s before the cue on line 3 (00:05:10.000); kept and ordered by its start");
    ReadResult<Transcript> lenient = vtt(LENIENT, spliced);
    assertThat(lenient.problems()).hasSize(1);
    assertThat(lenient.value().turns()).extracting(Turn::text).containsExactly("two", "one");
  }

  @Test
  void vtt_unknownSpeakerWhenRequired_strict_failsNamingLineAndName() {
    SpeakerList speakers = SpeakerListReader.read(resource("speakers.csv"));
    String text = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Zoë Adams>Hi</v>\n\n"
        + "00:00:03.000 --> 00:00:04.000\n<v Guest 4471>Hello</v>\n";

    assertThatThrownBy(() -> vtt(STRICT.requireSpeakers(speakers), text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("t.vtt:6: column \"speaker\", value \"Guest 4471\", unknown speaker: the name is not on the "
            + "speaker list (3 names); its turns are kept unmapped (reported once, at its first line)");
  }

  @Test
  void vtt_unknownSpeaker_lenient_keptUnmappedAndReportedOnce_andOptionalMappingDoesNotReport() {
    SpeakerList speakers = SpeakerListReader.read(resource("speakers.csv"));
    String text = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Guest>Hi</v>\n\n"
        + "00:00:03.000 --> 00:00:04.000\n<v ZOË  ADAMS>Hello</v>\n\n"
        + "00:00:05.000 --> 00:00:06.000\n<v Guest>Bye</v>\n";

    ReadResult<Transcript> required = vtt(LENIENT.requireSpeakers(speakers), text);
    ReadResult<Transcript> optional = vtt(STRICT.withSpeakers(speakers), text);

    assertThat(required.problems()).hasSize(1);
    assertThat(required.problems().get(0).line()).isEqualTo(3);
    assertThat(required.value().turns()).extracting(Turn::speakerLabel).containsExactly("Guest", "P01", "Guest");
    assertThat(optional.isClean()).isTrue();
    assertThat(optional.value().turn(1).mappedSpeaker()).isPresent();
  }

  @Test
  void zoomVtt_cueWithoutSpeaker_isUnknownSpeaker() {
    Transcript transcript = vtt(STRICT, "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nsomething inaudible\n").value();

    assertThat(transcript.turn(0).speakerName()).isEqualTo(Turn.UNKNOWN_SPEAKER);
    assertThat(transcript.turn(0).text()).isEqualTo("something inaudible");
  }

  @Test
  void teamsText_speakerLinesWithOddSpacing_turnsWithClockTimesAndPreambleKept() {
    Transcript transcript = STRICT.read(resource("teams-transcript.txt"), TranscriptFormat.TEAMS_TEXT).value();

    assertThat(transcript.preamble()).containsExactly("Focus group 4 - children and young people",
        "3 November 2026, 10:02AM");
    assertThat(transcript.turns()).extracting(Turn::speakerName).containsExactly("Siobhán Ó Súilleabháin",
        "Zoë Adams", "Kwame Mensah", "Siobhán Ó Súilleabháin");
    assertThat(transcript.turn(0).text()).isEqualTo("Thanks everyone for coming. Could we start with the main issues?");
    assertThat(transcript.turn(1).text()).isEqualTo("The waiting lists are the biggest thing. Families call us "
        + "because they have nowhere else to go.");
    assertThat(transcript.turn(1).startMillis()).isEqualTo(15_000);
    assertThat(transcript.turn(1).endMillis()).isEqualTo(62_000);
    assertThat(transcript.turn(3).startMillis()).isEqualTo(3_723_000);
    assertThat(transcript.turn(3).line()).isEqualTo(17);
  }

  @Test
  void teamsText_timesRunningBackwards_strict_failsNamingTheLine() {
    String text = "Zoë Adams   0:15\nFirst.\nKwame Mensah   0:09\nSecond.\n";

    assertThatThrownBy(() -> STRICT.read(new StringReader(text), "t.txt", TranscriptFormat.TEAMS_TEXT))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("t.txt:3: value \"Kwame Mensah   0:09\", times run backwards: 00:00:09 comes after 00:00:15 on"
            + " line 1; the turn is kept in file order");
  }

  @Test
  void teamsDocx_paragraphsReadAsLines(@TempDir Path dir) throws IOException {
    Path docx = dir.resolve("Focus group 4.docx");
    writeDocx(docx, List.of("Focus group 4", "Zoë Adams   0:03", "We need more <b>support</b> & time.",
        "Siobhán Ó Súilleabháin   0:10", "Thank you."));

    Transcript transcript = STRICT.read(docx).value();

    assertThat(transcript.format()).isEqualTo(TranscriptFormat.TEAMS_TEXT);
    assertThat(transcript.preamble()).containsExactly("Focus group 4");
    assertThat(transcript.turns()).extracting(Turn::speakerName, Turn::text).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Zoë Adams", "We need more <b>support</b> & time."),
        org.assertj.core.groups.Tuple.tuple("Siobhán Ó Súilleabháin", "Thank you."));
  }

  @Test
  void teamsDocx_zipBomb_refusedNamingTheFileAndTheLimit(@TempDir Path dir) throws IOException {
    Path docx = dir.resolve("Focus group 5.docx");
    // 32 MiB of one repeated paragraph compresses about a thousand times: the shape of a docx bomb, kept small
    String paragraph = "<w:p><w:r><w:t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</w:t></w:r></w:p>";
    try (OutputStream out = Files.newOutputStream(docx); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      zip.write(("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>")
          .getBytes(StandardCharsets.UTF_8));
      byte[] block = paragraph.repeat(1 << 14).getBytes(StandardCharsets.UTF_8);
      for (long written = 0; written < 32L << 20; written += block.length) {
        zip.write(block);
      }
      zip.closeEntry();
    }

    assertThatThrownBy(() -> STRICT.read(docx))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(docx + ": the entry word/document.xml expands more than 100 times its compressed size")
        .hasMessageEndingWith("raise the limit with -Dinsight.zip.maxCompressionRatio=N");
  }

  @Test
  void teamsDocx_notAZip_refusedNamingTheFile(@TempDir Path dir) throws IOException {
    Path docx = dir.resolve("renamed.docx");
    Files.writeString(docx, "Zoë Adams   0:03\nHello.\n");

    assertThatThrownBy(() -> STRICT.read(docx))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(docx + ": not a zip archive");
  }

  // a guard against a hang, far above the tenth of a second these take; the lines used to cost a step per
  // character per possible name length (seconds for each megabyte)
  @Timeout(60)
  @Test
  void hostileLongLines_inBothTextFormats_areReadAsSpeech() {
    String spaces = "Zoë" + " ".repeat(2_000_000) + "x";
    String timed = "[00:00:01]" + " ".repeat(2_000_000) + "x";
    String text = "Kwame Mensah   0:01\n" + spaces + "\n" + timed + "\n";

    Transcript teams = LENIENT.read(new StringReader(text), "t.txt", TranscriptFormat.TEAMS_TEXT).value();
    Transcript plain = LENIENT.read(new StringReader("Kwame: hello\n" + spaces + "\n" + timed + "\n"), "p.txt",
        TranscriptFormat.PLAIN_TEXT).value();

    assertThat(teams.turns()).singleElement().extracting(Turn::text).isEqualTo("Zoë x [00:00:01] x");
    assertThat(plain.turns()).singleElement().extracting(Turn::text).isEqualTo("hello Zoë x [00:00:01] x");
  }

  @Test
  void plainText_nameColonTurns_continuationLinesAndTimesInSpeechAreNotTurns() {
    Transcript transcript = STRICT.read(resource("plain.txt")).value();

    assertThat(transcript.format()).isEqualTo(TranscriptFormat.PLAIN_TEXT);
    assertThat(transcript.preamble()).hasSize(1);
    assertThat(transcript.turns()).extracting(Turn::speakerName).containsExactly("Siobhán Ó Súilleabháin",
        "Kwame Mensah", "Siobhán Ó Súilleabháin");
    assertThat(transcript.turn(1).text()).isEqualTo("People get passed between services. We see it every week, at "
        + "10:30 on a Monday. Trusted community members help.");
    assertThat(transcript.turn(1).startLabel()).isEqualTo("00:00:09");
    assertThat(transcript.turn(1).endMillis()).isEqualTo(120_000);
  }

  @Test
  void plainText_withoutTimes_turnsHaveNoTime() {
    Transcript transcript = STRICT.read(new StringReader("Zoë: Hello.\nKwame:   Hi there.\n"), "p.txt",
        TranscriptFormat.PLAIN_TEXT).value();

    assertThat(transcript.turns()).extracting(Turn::speakerName).containsExactly("Zoë", "Kwame");
    assertThat(transcript.turn(0).timed()).isFalse();
    assertThat(transcript.turn(0).startLabel()).isEmpty();
  }

  static void writeDocx(Path file, List<String> paragraphs) throws IOException {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
    for (String paragraph : paragraphs) {
      String escaped = paragraph.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
      xml.append("<w:p><w:r><w:t xml:space=\"preserve\">").append(escaped).append("</w:t></w:r></w:p>");
    }
    xml.append("</w:body></w:document>");
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      zip.write(xml.toString().getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
  }
}
