package dev.insight.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.insight.core.csv.CsvFile;
import dev.insight.core.csv.CsvOptions;
import dev.insight.core.csv.SurveyCsvReader;
import dev.insight.core.csv.SurveyMapping;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.input.ProblemCollector;
import dev.insight.core.input.ReadMode;
import dev.insight.core.redact.RedactedText;
import dev.insight.core.redact.Redaction;
import dev.insight.core.redact.Redactor;
import dev.insight.core.sss.TripleS;
import dev.insight.core.sss.TripleSMetadata;
import dev.insight.core.transcript.TranscriptFormat;
import dev.insight.core.transcript.TranscriptReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Hostile files for the readers of insight-core and the redactor: whatever the bytes, a reader either reads them
 * or fails with the project's own clear input error (a message naming the file), never with another exception, a
 * hang or exhausted memory.
 *
 * <p>Every build runs each target on the committed inputs in {@code HostileInputFuzzTestInputs/<target>}; the
 * {@code fuzz} profile fuzzes each for a bounded time (docs/fuzzing.md).
 */
class HostileInputFuzzTest {
  private static final SurveyMapping MAPPING = SurveyMapping.builder("id").categorical("sector").numeric("age")
      .multiColumns("pri", "Priorities", List.of("pri_a", "pri_b")).text("comment").build();
  private static final String HEADER = "id,sector,age,pri_a,pri_b,comment\n";

  /** The project's own clear input error: the documented exception, with a message. */
  private static void clearInputError(RuntimeException e, Class<?>... allowed) {
    for (Class<?> type : allowed) {
      if (type.isInstance(e)) {
        assertThat(e.getMessage()).as("message of %s", e.getClass().getName()).isNotBlank();
        return;
      }
    }
    throw e;
  }

  @FuzzTest(maxDuration = "10s")
  void surveyCsv(FuzzedDataProvider data) {
    boolean withHeader = data.consumeBoolean();
    ReadMode mode = data.consumeBoolean() ? ReadMode.LENIENT : ReadMode.STRICT;
    String text = (withHeader ? HEADER : "") + data.consumeRemainingAsString();
    try {
      SurveyCsvReader.read(new StringReader(text), "fuzz.csv", MAPPING, mode);
    } catch (InvalidInputException e) {
      clearInputError(e, InvalidInputException.class);
    }
  }

  @FuzzTest(maxDuration = "10s")
  void webVtt(FuzzedDataProvider data) {
    TranscriptFormat format = data.pickValue(TranscriptFormat.values());
    ReadMode mode = data.consumeBoolean() ? ReadMode.LENIENT : ReadMode.STRICT;
    String text = (format == TranscriptFormat.WEBVTT && data.consumeBoolean() ? "WEBVTT\n\n" : "")
        + data.consumeRemainingAsString();
    try {
      TranscriptReader.of(mode).read(new StringReader(text), "fuzz.vtt", format);
    } catch (InvalidInputException e) {
      clearInputError(e, InvalidInputException.class);
    }
  }

  @FuzzTest(maxDuration = "10s")
  void wordTranscript(byte[] bytes) throws IOException {
    Path file = Files.createTempFile("fuzz", ".docx");
    try {
      Files.write(file, bytes);
      TranscriptReader.of(ReadMode.LENIENT).read(file, TranscriptFormat.TEAMS_TEXT);
    } catch (InvalidInputException | IllegalArgumentException | UncheckedIOException e) {
      // not a zip, not a Word document, malformed XML, too large once expanded: each says so and names the file
      clearInputError(e, InvalidInputException.class, IllegalArgumentException.class, UncheckedIOException.class);
      assertThat(e.getMessage()).contains(file.getFileName().toString());
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /**
   * Triple-S: any metadata with any data beside it, fixed-width or CSV, strict and lenient. The input is the
   * metadata, then (after the first form feed) the data.
   */
  @FuzzTest(maxDuration = "10s")
  void tripleS(byte[] bytes) throws IOException {
    int split = 0;
    while (split < bytes.length && bytes[split] != '\f') {
      split++;
    }
    Path folder = Files.createTempDirectory("fuzz");
    Path metadata = folder.resolve("survey.sss");
    try {
      Files.write(metadata, java.util.Arrays.copyOfRange(bytes, 0, split));
      byte[] data = java.util.Arrays.copyOfRange(bytes, Math.min(split + 1, bytes.length), bytes.length);
      Files.write(folder.resolve("survey.asc"), data);
      Files.write(folder.resolve("survey.csv"), data);
      ReadMode mode = bytes.length % 2 == 0 ? ReadMode.LENIENT : ReadMode.STRICT;
      try (CsvFile csv = TripleS.open(metadata, CsvOptions.defaults(), ProblemCollector.of("fuzz.sss", mode))) {
        while (csv.next()) {
          assertThat(csv.fieldCount()).isEqualTo(csv.header().size());
        }
      }
      TripleSMetadata.read(metadata).codebook();
    } catch (InvalidInputException e) {
      clearInputError(e, InvalidInputException.class);
    } finally {
      try (var files = Files.list(folder)) {
        for (Path file : files.toList()) {
          Files.deleteIfExists(file);
        }
      }
      Files.deleteIfExists(folder);
    }
  }

  @FuzzTest(maxDuration = "10s")
  void redactor(FuzzedDataProvider data) {
    List<String> names = new ArrayList<>();
    int count = data.consumeInt(0, 3);
    for (int i = 0; i < count; i++) {
      String name = data.consumeString(30);
      if (!name.isBlank()) {
        names.add(name);
      }
    }
    String text = data.consumeRemainingAsString();
    Redactor redactor;
    try {
      redactor = Redactor.of(names);
    } catch (IllegalArgumentException e) {
      clearInputError(e, IllegalArgumentException.class);
      redactor = Redactor.standard();
    }
    RedactedText redacted = redactor.redact(text);
    for (Redaction r : redacted.redactions()) {
      assertThat(r.start()).isBetween(0, text.length());
      assertThat(r.end()).isBetween(r.start(), text.length());
      assertThat(r.redactedEnd()).isLessThanOrEqualTo(redacted.text().length());
    }
  }
}
