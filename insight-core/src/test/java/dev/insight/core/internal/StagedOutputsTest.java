package dev.insight.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedOutputsTest {
  @TempDir
  Path dir;

  private static void text(StagedOutputs outputs, Path file, String content) throws IOException {
    outputs.stageText(file, writer -> writer.write(content));
  }

  private static String[] names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
    }
  }

  @Test
  void commit_movesEveryStagedFileIntoPlace_replacingOldOnes() throws IOException {
    Files.writeString(dir.resolve("a.csv"), "old");
    try (StagedOutputs outputs = StagedOutputs.begin()) {
      text(outputs, dir.resolve("a.csv"), "new a");
      text(outputs, dir.resolve("b.json"), "new b");
      assertThat(Files.readString(dir.resolve("a.csv"))).as("nothing moves before commit").isEqualTo("old");
      outputs.commit();
    }
    assertThat(Files.readString(dir.resolve("a.csv"))).isEqualTo("new a");
    assertThat(Files.readString(dir.resolve("b.json"))).isEqualTo("new b");
    assertThat(names(dir)).containsExactly("a.csv", "b.json");
  }

  @Test
  void closeWithoutCommit_leavesNothingNew_andTheOldFileUntouched() throws IOException {
    Files.writeString(dir.resolve("a.csv"), "old");
    try (StagedOutputs outputs = StagedOutputs.begin()) {
      outputs.directory(dir.resolve("new/deeper"));
      text(outputs, dir.resolve("a.csv"), "new a");
      text(outputs, dir.resolve("new/deeper/b.csv"), "new b");
      // a later step fails: no commit
    }
    assertThat(names(dir)).containsExactly("a.csv");
    assertThat(Files.readString(dir.resolve("a.csv"))).isEqualTo("old");
  }

  @Test
  void stage_failingHalfWay_leavesNoTemporaryFile() throws IOException {
    try (StagedOutputs outputs = StagedOutputs.begin()) {
      text(outputs, dir.resolve("a.csv"), "a");
      assertThatThrownBy(() -> outputs.stageText(dir.resolve("b.csv"), writer -> {
        writer.write("half");
        throw new IllegalStateException("a bad value half way");
      })).hasMessage("a bad value half way");
    }
    assertThat(names(dir)).isEmpty();
  }

  @Test
  void stage_targetIsAFolder_failsNamingIt() throws IOException {
    Files.createDirectory(dir.resolve("out.csv"));
    try (StagedOutputs outputs = StagedOutputs.begin()) {
      assertThatThrownBy(() -> text(outputs, dir.resolve("out.csv"), "x")).hasMessageEndingWith(
          "out.csv is a folder, not a file");
    }
    assertThat(names(dir)).containsExactly("out.csv");
  }

  @Test
  void stage_sameTargetTwice_fails() throws IOException {
    try (StagedOutputs outputs = StagedOutputs.begin()) {
      text(outputs, dir.resolve("a.csv"), "a");
      assertThatThrownBy(() -> text(outputs, dir.resolve("./a.csv"), "b")).hasMessageEndingWith(
          "a.csv is given for two outputs");
    }
    assertThat(names(dir)).isEmpty();
  }

  @Test
  void commit_aMoveFailing_putsBackTheFilesAlreadyMoved() throws IOException {
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    Files.createDirectories(first);
    Files.createDirectories(second);
    Files.writeString(first.resolve("a.csv"), "old a", StandardCharsets.UTF_8);
    try (StagedOutputs outputs = StagedOutputs.begin()) {
      text(outputs, first.resolve("a.csv"), "new a");
      text(outputs, second.resolve("b.csv"), "new b");
      // the second folder disappears between staging and commit (another program cleaned it up)
      try (Stream<Path> files = Files.list(second)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      Files.delete(second);

      assertThatThrownBy(outputs::commit).isInstanceOf(IOException.class);
    }
    assertThat(names(first)).containsExactly("a.csv");
    assertThat(Files.readString(first.resolve("a.csv"))).isEqualTo("old a");
    assertThat(names(dir)).containsExactly("first");
  }
}
