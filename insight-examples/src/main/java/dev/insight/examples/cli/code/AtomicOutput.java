package dev.insight.examples.cli.code;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes an output file through a temporary file in the same folder, so a failure leaves no partial output. */
final class AtomicOutput {
  private AtomicOutput() {}

  interface Body {
    void write(Writer writer) throws IOException;
  }

  static void write(Path file, Body body) {
    Path folder = file.toAbsolutePath().getParent();
    try {
      Path temporary = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
      try {
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
          body.write(writer);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
