package dev.insight.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir
  Path folder;

  @Test
  void write_givesTheFileTheUsualPermissionsNotOwnerOnly() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions only");
    Path usual = Files.writeString(folder.resolve("usual.txt"), "x");
    Path file = folder.resolve("report.csv");

    AtomicFiles.writeText(file, writer -> writer.write("a,b\n1,2\n"));

    assertThat(Files.readString(file)).isEqualTo("a,b\n1,2\n");
    // createTempFile would give rw------- whatever the umask: a report colleagues cannot open
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(usual));
  }

  @Test
  void write_failingHalfWay_leavesTheOldFileAndNoTemporary() throws IOException {
    Path file = folder.resolve("model.bin");
    Files.writeString(file, "old");

    assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
      out.write("partial".getBytes(StandardCharsets.UTF_8));
      throw new IOException("disk full");
    })).isInstanceOf(IOException.class).hasMessage("disk full");

    assertThat(Files.readString(file)).isEqualTo("old");
    try (var files = Files.list(folder)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void write_returnsWhatTheContentGaveBack() throws IOException {
    Integer written = AtomicFiles.write(folder.resolve("n.bin"), out -> {
      out.write(new byte[] {1, 2, 3});
      return 3;
    });

    assertThat(written).isEqualTo(3);
    assertThat(Files.readAllBytes(folder.resolve("n.bin"))).containsExactly(1, 2, 3);
  }
}
