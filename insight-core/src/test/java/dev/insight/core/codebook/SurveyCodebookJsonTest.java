package dev.insight.core.codebook;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.core.input.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurveyCodebookJsonTest {
  @Test
  void read_jsonNull_failsSayingWhatACodebookFileHolds(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("codebook.json");
    Files.writeString(file, "null");

    assertThatThrownBy(() -> SurveyCodebook.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(file + ":1: at $, value \"null\", not a codebook: a codebook file holds one JSON object with "
            + "\"variables\", not null");
  }

  @Test
  void read_deepNesting_refusedNamingTheLimitAndProperty(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("codebook.json");
    Files.writeString(file, "{\"variables\": [], \"extra\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}");

    assertThatThrownBy(() -> SurveyCodebook.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith("not a codebook: the JSON passes a read limit: Document nesting depth (101) exceeds "
            + "the maximum allowed (100); if the file is trusted, raise the limit with "
            + "-Dinsight.json.maxNestingDepth=N");
  }
}
