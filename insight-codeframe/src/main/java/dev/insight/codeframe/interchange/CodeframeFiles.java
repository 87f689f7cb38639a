package dev.insight.codeframe.interchange;


import dev.insight.codeframe.Codeframe;
import dev.insight.core.internal.AtomicFiles;
import dev.insight.core.input.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads and writes codeframe files, choosing the format by extension: {@code .json} ({@link CodeframeJson}),
 * {@code .csv} ({@link CodebookCsv}), {@code .qdc} ({@link RefiQdaCodebook}).
 */
public final class CodeframeFiles {
  private CodeframeFiles() {}

  /** The formats, by file extension. */
  public enum Format {
    /** {@code .json}. */
    JSON,
    /** {@code .csv}. */
    CSV,
    /** {@code .qdc}, REFI-QDA codebook. */
    QDC;

    /**
     * The format of a file.
     *
     * @param file the file
     * @return its format
     * @throws IllegalArgumentException when the extension is not {@code .json}, {@code .csv} or {@code .qdc}
     */
    public static Format of(Path file) {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".json")) {
        return JSON;
      } else if (name.endsWith(".csv")) {
        return CSV;
      } else if (name.endsWith(".qdc")) {
        return QDC;
      }
      throw new IllegalArgumentException("codeframe file " + file + " must end in .json, .csv or .qdc");
    }
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /**
   * Reads a codeframe file; CSV and REFI-QDA frames are named after the file.
   *
   * @param file the file
   * @return the frame
   * @throws InvalidInputException listing every problem with its line
   * @throws IllegalArgumentException when the extension is unknown
   * @throws UncheckedIOException when the file cannot be read
   */
  public static Codeframe read(Path file) {
    Format format = Format.of(file);
    String source = file.toString();
    try {
      switch (format) {
        case JSON:
          try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CodeframeJson.read(reader, source);
          }
        case CSV:
          try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CodebookCsv.read(reader, source, stem(file), "");
          }
        default:
          try (InputStream in = Files.newInputStream(file)) {
            return RefiQdaCodebook.read(in, source, stem(file));
          }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read codeframe " + file, e);
    }
  }

  /**
   * Writes a codeframe file atomically (to a temporary file in the same folder, then moved), so a failure leaves no
   * partial file.
   *
   * @param codeframe the frame
   * @param file the file; its extension chooses the format
   * @throws IllegalArgumentException when the extension is unknown, or the frame cannot be written in that format
   *     without loss (code sets in CSV)
   * @throws UncheckedIOException when the file cannot be written
   */
  public static void write(Codeframe codeframe, Path file) {
    Format format = Format.of(file);
    try {
      AtomicFiles.write(file, out -> {
        write(codeframe, format, out);
        return null;
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write codeframe " + file, e);
    }
  }

  /**
   * Writes a codeframe in a format (UTF-8), for a caller that writes several files together.
   *
   * @param codeframe the frame
   * @param format the format
   * @param out where it goes (flushed, not closed)
   * @throws IllegalArgumentException when the frame cannot be written in that format without loss (code sets in CSV)
   * @throws UncheckedIOException when writing fails
   */
  public static void write(Codeframe codeframe, Format format, OutputStream out) {
    if (format == Format.QDC) {
      RefiQdaCodebook.write(codeframe, out);
      return;
    }
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    try {
      if (format == Format.JSON) {
        CodeframeJson.write(codeframe, writer);
      } else {
        CodebookCsv.write(codeframe, writer);
      }
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
