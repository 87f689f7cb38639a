package dev.insight.core.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes output files whole or not at all: into a hidden temporary file beside the target, then moved into place,
 * so a failure (a full disk, a bad value found half way) never leaves a partial file or clobbers the old one.
 *
 * <p>The temporary file is created like any other file, so the output gets the user's usual permissions (umask);
 * {@link Files#createTempFile} would make every output readable by its owner only, which on a team's shared folder
 * hides the report from the colleagues it was written for.
 */
public final class AtomicFiles {
  /**
   * What writes a file's content, and what it gives back (e.g. an audit of what it redacted).
   *
   * @param <T> what it returns
   */
  @FunctionalInterface
  public interface Content<T> {
    /**
     * Writes the content.
     *
     * @param out where to write; closed by the caller
     * @return a result for the caller
     * @throws IOException if writing fails
     */
    T writeTo(OutputStream out) throws IOException;
  }

  /** What writes a text file's content (UTF-8). */
  @FunctionalInterface
  public interface Text {
    /**
     * Writes the content.
     *
     * @param writer where to write; flushed and closed by the caller
     * @throws IOException if writing fails
     */
    void writeTo(Writer writer) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * Writes a file atomically.
   *
   * @param file the file to write (replaced if it exists)
   * @param content what writes it
   * @param <T> what the content gives back
   * @return what the content gave back
   * @throws IOException if the file cannot be written; the target is then as it was
   */
  public static <T> T write(Path file, Content<T> content) throws IOException {
    Path target = file.toAbsolutePath();
    Path temporary = temporaryBeside(target);
    try {
      T result;
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary,
          StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
        result = content.writeTo(out);
      }
      moveIntoPlace(temporary, target);
      return result;
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * Writes a UTF-8 text file atomically.
   *
   * @param file the file to write (replaced if it exists)
   * @param text what writes it
   * @throws IOException if the file cannot be written; the target is then as it was
   */
  public static void writeText(Path file, Text text) throws IOException {
    write(file, out -> {
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      text.writeTo(writer);
      writer.flush();
      return null;
    });
  }

  /**
   * A name for a temporary file beside the target (hidden, unique, not yet created), for writing several files
   * before moving any into place.
   *
   * @param target the file it will become
   * @return the temporary file's path
   */
  public static Path temporaryBeside(Path target) {
    Path absolute = target.toAbsolutePath();
    return absolute.resolveSibling("." + absolute.getFileName() + "."
        + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
  }

  /**
   * Moves a finished temporary file onto its target, atomically where the file system can.
   *
   * @param temporary the finished file
   * @param target where it goes (replaced if it exists)
   * @throws IOException if it cannot be moved
   */
  public static void moveIntoPlace(Path temporary, Path target) throws IOException {
    try {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException notAtomic) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
