package dev.insight.examples.cli.code;

import dev.insight.core.internal.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;

/** Writes a file through a temporary file in the same folder, moved into place only when complete. */
final class AtomicFile {
  interface Body {
    void write(Writer writer) throws IOException;
  }

  private AtomicFile() {}

  static void write(Path file, Body body) {
    try {
      AtomicFiles.writeText(file, body::write);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
