package dev.insight.codeframe.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.core.input.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataColumnsTest {

  @Test
  void readColumns_readsSeveralInOnePassAndNamesEveryMissingOne(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("d.csv");
    Files.writeString(file, "id,question,comment\nc1,What was good?,Nothing\nc2,Better?,\"Parking, again\"\n");

    List<List<String>> columns = DataColumns.readColumns(file, List.of("comment", "id", "question"));

    assertThat(columns).containsExactly(List.of("Nothing", "Parking, again"), List.of("c1", "c2"),
        List.of("What was good?", "Better?"));
    assertThatThrownBy(() -> DataColumns.readColumns(file, List.of("comment", "Comment ID", "FFT question")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("column \"Comment ID\", no such column in the header")
        .hasMessageContaining("column \"FFT question\", no such column in the header");
  }
}
