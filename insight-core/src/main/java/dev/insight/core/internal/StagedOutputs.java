package dev.insight.core.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * All the outputs of one command, whole or none: each is written to a hidden temporary file in its target's folder
 * ({@link #stage}), and only {@link #commit} moves them into place, once every step has succeeded. Closing without
 * a commit deletes the temporary files and the folders {@link #directory} created, so a failure at any step leaves
 * nothing new behind and every existing file at a target as it was.
 *
 * <p>When a move fails part way through a commit (a folder removed meanwhile), the files already moved are taken
 * back and the files they replaced restored. Use with try-with-resources:
 *
 * <pre>{@code
 * try (StagedOutputs outputs = StagedOutputs.begin()) {
 *   outputs.stage(table, out -> write(table, out));
 *   outputs.stage(report, out -> write(report, out));
 *   outputs.commit();
 * }
 * }</pre>
 */
public final class StagedOutputs implements AutoCloseable {
  /** Staged targets (absolute) and their temporary files, in staging order. */
  private final Map<Path, Path> staged = new LinkedHashMap<>();
  private final List<Path> createdDirectories = new ArrayList<>();
  private boolean committed;

  private StagedOutputs() {}

  /**
   * Starts staging a command's outputs.
   *
   * @return an empty set of outputs
   */
  public static StagedOutputs begin() {
    return new StagedOutputs();
  }

  /**
   * Creates a folder for outputs if it does not exist, with its missing parents; they are removed again unless the
   * outputs are committed.
   *
   * @param folder the folder
   * @throws IOException if it cannot be created
   */
  public void directory(Path folder) throws IOException {
    checkOpen();
    List<Path> missing = new ArrayList<>();
    for (Path p = folder.toAbsolutePath().normalize(); p != null && !Files.isDirectory(p); p = p.getParent()) {
      missing.add(0, p);
    }
    for (Path p : missing) {
      Files.createDirectory(p);
      createdDirectories.add(p);
    }
  }

  /**
   * Writes one output to a temporary file beside its target.
   *
   * @param file the target (replaced on commit if it exists)
   * @param content what writes it
   * @param <T> what the content gives back
   * @return what the content gave back
   * @throws IOException if the temporary file cannot be written, or the target is a folder or already staged
   */
  public <T> T stage(Path file, AtomicFiles.Content<T> content) throws IOException {
    checkOpen();
    Path target = file.toAbsolutePath().normalize();
    if (staged.containsKey(target)) {
      throw new IOException(file + " is given for two outputs");
    }
    if (Files.isDirectory(target)) {
      throw new IOException(file + " is a folder, not a file");
    }
    Path temporary = AtomicFiles.temporaryBeside(target);
    staged.put(target, temporary);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE), 1 << 16)) {
      return content.writeTo(out);
    }
  }

  /**
   * Writes one UTF-8 text output to a temporary file beside its target.
   *
   * @param file the target (replaced on commit if it exists)
   * @param text what writes it
   * @throws IOException if the temporary file cannot be written
   */
  public void stageText(Path file, AtomicFiles.Text text) throws IOException {
    stage(file, out -> {
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      text.writeTo(writer);
      writer.flush();
      return null;
    });
  }

  /**
   * The targets staged so far, in order.
   *
   * @return the absolute target paths
   */
  public List<Path> targets() {
    return List.copyOf(staged.keySet());
  }

  /**
   * Moves every staged output into place. If a move fails, the outputs already moved are taken back and the files
   * they replaced restored before the exception is thrown.
   *
   * @throws IOException if an output cannot be moved into place
   */
  public void commit() throws IOException {
    checkOpen();
    if (staged.size() == 1) {
      Map.Entry<Path, Path> only = staged.entrySet().iterator().next();
      AtomicFiles.moveIntoPlace(only.getValue(), only.getKey());
      committed = true;
      return;
    }
    // several files: set aside each file replaced, so a failed move can put everything back
    List<Path> placed = new ArrayList<>();
    List<@Nullable Path> backups = new ArrayList<>();
    try {
      for (Map.Entry<Path, Path> e : staged.entrySet()) {
        Path target = e.getKey();
        Path backup = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
          backup = AtomicFiles.temporaryBeside(target);
          Files.move(target, backup, StandardCopyOption.ATOMIC_MOVE);
        }
        placed.add(target);
        backups.add(backup);
        AtomicFiles.moveIntoPlace(e.getValue(), target);
      }
    } catch (IOException | RuntimeException failure) {
      for (int i = placed.size() - 1; i >= 0; i--) {
        Path target = placed.get(i);
        Path backup = backups.get(i);
        try {
          Path temporary = staged.get(target);
          if (temporary != null && !Files.exists(temporary, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(target);
          }
          if (backup != null) {
            Files.move(backup, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
          }
        } catch (IOException undo) {
          failure.addSuppressed(undo);
        }
      }
      throw failure;
    }
    committed = true;
    for (Path backup : backups) {
      if (backup != null) {
        Files.deleteIfExists(backup);
      }
    }
  }

  /** Deletes what was staged and the folders created, unless committed. */
  @Override
  public void close() {
    if (committed) {
      return;
    }
    for (Path temporary : staged.values()) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // best effort: the temporary file is hidden and named after its target
      }
    }
    for (int i = createdDirectories.size() - 1; i >= 0; i--) {
      try {
        Files.deleteIfExists(createdDirectories.get(i));
      } catch (IOException ignored) {
        // not empty (someone else wrote there meanwhile) or not removable: left as it is
      }
    }
    committed = true;
  }

  private void checkOpen() {
    if (committed) {
      throw new IllegalStateException("these outputs are already committed or closed");
    }
  }
}
