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
import dev.insight.codeframe.rules.RuleCoder;
import dev.insight.codeframe.rules.RuleMatch;
import dev.insight.codeframe.rules.RuleSyntaxException;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.input.ReadMode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

/**
 * Hostile files for the readers and parsers of insight-codeframe: a REFI-QDA codebook, a coded file (every layout),
 * a coding rule and a saved learned model are either read or refused with the project's own clear error, never another exception, a hang or
 * exhausted memory.
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
