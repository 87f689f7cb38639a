package dev.insight.benchmarks;

import dev.insight.core.input.ReadMode;
import dev.insight.core.redact.Redactor;
import dev.insight.core.transcript.Speaker;
import dev.insight.core.transcript.SpeakerList;
import dev.insight.core.transcript.Transcript;
import dev.insight.core.transcript.TranscriptFormat;
import dev.insight.core.transcript.TranscriptReader;
import dev.insight.core.transcript.Turn;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a two-hour Teams WebVTT transcript of 20,000 cues (eight speakers, about one cue in ten overlapping the
 * one before it, as Teams writes cross-talk) into turns mapped to a speaker list; and redacting every turn of it.
 *
 * <p>Run: {@code java -jar insight-benchmarks/target/benchmarks.jar TranscriptReadBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class TranscriptReadBenchmark {
  private static final String[] NAMES = {"Siobhán Ó Súilleabháin", "Zoë Adams", "Kwame Mensah", "Amira Haddad",
      "Dafydd ap Gruffydd", "Łucja Nowak", "Chidi Okafor", "Mei Lin"};
  private static final String[] WORDS = ("the waiting list for camhs is long and families call us because they have "
      + "nowhere else to go cost of living comes up in most of our calls we need trusted community members and "
      + "better information in plain language about services").split(" ");

  @Param("20000")
  int cues;

  private String vtt;
  private SpeakerList speakers;
  private Transcript transcript;
  private Redactor redactor;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(7);
    StringBuilder text = new StringBuilder(cues * 120).append("WEBVTT\n\n");
    long millis = 0;
    // two hours over the cues: 360 ms a cue on average
    long step = 7_200_000L / cues;
    int speaker = 0;
    for (int i = 0; i < cues; i++) {
      long start = millis;
      if (i > 0 && random.nextInt(10) == 0) {
        start -= step / 2;
      }
      long end = start + step + random.nextInt((int) step);
      if (random.nextInt(3) == 0) {
        speaker = random.nextInt(NAMES.length);
      }
      text.append("3f1c0e2a-").append(i).append("/11-0\n").append(time(start)).append(" --> ").append(time(end))
          .append("\n<v ").append(NAMES[speaker]).append('>');
      int words = 6 + random.nextInt(10);
      for (int w = 0; w < words; w++) {
        text.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
      }
      text.append(".</v>\n\n");
      millis += step;
    }
    vtt = text.toString();
    List<Speaker> list = new ArrayList<>();
    for (int i = 0; i < NAMES.length; i++) {
      list.add(new Speaker(NAMES[i], new dev.insight.core.programme.Participant(
          dev.insight.core.programme.ParticipantId.of("P" + i), "P" + i, null, null, List.of(), Map.of()), i == 0));
    }
    speakers = SpeakerList.of(list);
    transcript = read();
    redactor = Redactor.of(speakers.names());
  }

  private static String time(long millis) {
    return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d.%03d", millis / 3_600_000, millis / 60_000 % 60,
        millis / 1000 % 60, millis % 1000);
  }

  /** Parses the cues, orders them by start, merges speakers' runs into turns and maps the names. */
  @Benchmark
  public Transcript read() {
    return TranscriptReader.of(ReadMode.STRICT).requireSpeakers(speakers)
        .read(new StringReader(vtt), "two-hours.vtt", TranscriptFormat.WEBVTT).value();
  }

  /** Redacts every turn of the transcript (e-mail, phone, postcode, NHS number and the eight names). */
  @Benchmark
  public int redactAllTurns() {
    int redactions = 0;
    for (Turn turn : transcript.turns()) {
      redactions += redactor.redact(turn.text()).redactions().size();
    }
    return redactions;
  }
}
