package dev.insight.codeframe.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.interchange.CodedData;
import dev.insight.codeframe.interchange.CodedFileReader;
import dev.insight.codeframe.interchange.RefiQdaCodebook;
import dev.insight.codeframe.learn.LearnedCoder;
import dev.insight.codeframe.learn.ModelFormatException;
import dev.insight.codeframe.qdpx.QdpxImporter;
import dev.insight.codeframe.qdpx.QdpxProject;
import dev.insight.codeframe.rules.RuleCoder;
import dev.insight.codeframe.rules.RuleMatch;
import dev.insight.codeframe.rules.RuleSyntaxException;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.input.ReadMode;
import dev.insight.core.input.ReadResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hostile files for the readers and parsers of insight-codeframe: a REFI-QDA codebook, a REFI-QDA project, a coded
 * file (every layout), a coding rule and a saved learned model are either read or refused with the project's own clear
 * error, never another exception, a hang or exhausted memory.
 *
 * <p>Every build runs each target on the committed inputs in {@code HostileInputFuzzTestInputs/<target>}; the
 * {@code fuzz} profile fuzzes each for a bounded time (docs/fuzzing.md).
 */
class HostileInputFuzzTest {
  private static final Codeframe FRAME = Codeframe.builder("fuzz").code("a", "A", null).build();

  private static void hasMessage(RuntimeException e) {
    assertThat(e.getMessage()).as("message of %s", e.getClass().getName()).isNotBlank();
  }

  @FuzzTest(maxDuration = "10s")
  void refiQdaCodebook(byte[] bytes) {
    try {
      Codeframe frame = RefiQdaCodebook.read(new ByteArrayInputStream(bytes), "fuzz.qdc", "fuzz");
      assertThat(frame.codes()).isNotNull();
    } catch (InvalidInputException e) {
      hasMessage(e);
    }
  }

  /** Text files a fuzzed project.qde can point at (the names the committed seeds use). */
  private static final Map<String, String> SOURCES = Map.of(
      "sources/0A1B2C3D-0000-4000-8000-00000000D001.txt", "Interview, 2 May \uD83C\uDF33.\nWe walk the dog.\n",
      "Sources/5b0d8f3e-2c4a-4e1b-9f60-3a7d1c2e4b01.txt", "\uFEFFThe library shuts at five.\r\nFull by ten.\r\n",
      "sources/t.txt", "");

  @FuzzTest(maxDuration = "10s")
  void qdpxProject(byte[] bytes) throws IOException {
    Path file = Files.createTempFile("fuzz", ".qdpx");
    try {
      try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
        zip.putNextEntry(new ZipEntry("project.qde"));
        zip.write(bytes);
        for (Map.Entry<String, String> source : SOURCES.entrySet()) {
          zip.putNextEntry(new ZipEntry(source.getKey()));
          zip.write(source.getValue().getBytes(StandardCharsets.UTF_8));
        }
      }
      for (ReadMode mode : ReadMode.values()) {
        try {
          ReadResult<QdpxProject> read = QdpxImporter.read(file, mode);
          QdpxProject project = read.value();
          assertThat(project.segments()).allSatisfy(s -> assertThat(s.end()).isGreaterThanOrEqualTo(s.start()));
          assertThat(project.coding().units()).hasSizeLessThanOrEqualTo(project.segments().size());
        } catch (InvalidInputException e) {
          hasMessage(e);
        }
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @FuzzTest(maxDuration = "10s")
  void codedFile(FuzzedDataProvider data) {
    int layout = data.consumeInt(0, 3);
    String csv = data.consumeRemainingAsString();
    CodedFileReader reader = switch (layout) {
      case 0 -> CodedFileReader.coded(FRAME);
      case 1 -> CodedFileReader.columns(FRAME).mode(ReadMode.LENIENT).coderColumn("coder").timeColumn("at");
      case 2 -> CodedFileReader.list("codes", ";").rowIds().text("text").context("q");
      default -> CodedFileReader.label("code").text("text");
    };
    try {
      CodedData read = reader.read(new StringReader(csv), "fuzz.csv");
      assertThat(read.byCoder()).isNotNull();
    } catch (InvalidInputException e) {
      hasMessage(e);
    }
  }

  @FuzzTest(maxDuration = "10s")
  void rule(FuzzedDataProvider data) {
    String rule = data.consumeString(20_000);
    String comment = data.consumeRemainingAsString();
    try {
      RuleCoder.check(CodeId.of("a"), rule);
    } catch (RuleSyntaxException e) {
      hasMessage(e);
      return;
    }
    RuleCoder coder = RuleCoder.of(FRAME, Map.of(CodeId.of("a"), rule));
    List<RuleMatch> matches = coder.match(comment);
    assertThat(coder.codes(comment)).hasSize(matches.size());
  }

  @FuzzTest(maxDuration = "10s")
  void learnedModel(byte[] bytes) throws IOException {
    try {
      LearnedCoder coder = LearnedCoder.read(new ByteArrayInputStream(bytes), "fuzz.model");
      List<String> texts = List.of("no parking at the car park", "");
      if (coder.contextName().isEmpty()) {
        assertThat(coder.predictAll(texts)).hasSize(2);
      } else {
        assertThat(coder.predictAll(texts, List.of("q1", ""))).hasSize(2);
      }
    } catch (ModelFormatException e) {
      hasMessage(e);
    }
  }
}
