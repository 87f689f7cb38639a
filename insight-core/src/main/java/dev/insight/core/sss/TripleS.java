package dev.insight.core.sss;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.csv.CsvFile;
import dev.insight.core.csv.CsvOptions;
import dev.insight.core.csv.ExportLayout;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.input.ProblemCollector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a Triple-S survey: its {@code .sss} metadata and the data file beside it, as a {@link CsvFile} of the
 * metadata's columns, so a Triple-S survey goes through the same readers, codebook and commands as a CSV export.
 *
 * <p>The data file is the one the record's {@code href} names, or the metadata file's name with {@code .asc},
 * {@code .dat} or {@code .csv} (either case), in the same folder. It is read in the encoding the metadata's XML
 * declaration gives (Triple-S writes both files in one encoding), UTF-8 without one, or the encoding in the options.
 */
public final class TripleS {
  private TripleS() {}

  /**
   * Whether a file is Triple-S metadata: its name ends in {@code .sss}, or it is XML whose first element is
   * {@code <sss>}.
   *
   * @param file a file given as survey data
   * @return true for Triple-S metadata
   */
  public static boolean isMetadata(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".sss")) {
      return true;
    }
    if (name.endsWith(".csv") || name.endsWith(".xlsx") || !Files.isRegularFile(file)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file)) {
      String head = new String(in.readNBytes(4096), StandardCharsets.ISO_8859_1);
      int at = head.indexOf('<');
      return head.stripLeading().startsWith("<?xml") && head.matches("(?s).*<sss[\\s>].*")
          || at >= 0 && head.startsWith("<sss", at) && head.substring(0, at).isBlank();
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The data file of a survey: the one its record names, or the metadata file's name with {@code .asc},
   * {@code .dat} or {@code .csv} beside it.
   *
   * @param metadataFile the {@code .sss} file
   * @param metadata what it declares
   * @return the data file, which exists
   * @throws InvalidInputException naming the metadata file and the names looked for, when there is none
   */
  public static Path dataFile(Path metadataFile, TripleSMetadata metadata) {
    Path folder = metadataFile.toAbsolutePath().getParent();
    if (metadata.href() != null) {
      Path named = Path.of(metadata.href());
      if (named.isAbsolute() || named.normalize().startsWith("..")) {
        throw problem(metadataFile, "the record's href \"" + metadata.href() + "\" is not a file name beside the "
            + "metadata; only files in its folder are read");
      }
      Path file = folder.resolve(named);
      if (!Files.isRegularFile(file)) {
        throw problem(metadataFile, "the data file the record names (href \"" + metadata.href() + "\") does not "
            + "exist beside it");
      }
      return metadataFile.resolveSibling(named);
    }
    String name = metadataFile.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    List<String> tried = new ArrayList<>();
    List<String> extensions = metadata.csv() ? List.of(".csv", ".asc", ".dat") : List.of(".asc", ".dat", ".csv");
    for (String extension : extensions) {
      for (String candidate : List.of(base + extension, base + extension.toUpperCase(Locale.ROOT))) {
        if (!tried.contains(candidate)) {
          tried.add(candidate);
        }
        if (Files.isRegularFile(folder.resolve(candidate))) {
          return metadataFile.resolveSibling(candidate);
        }
      }
    }
    throw problem(metadataFile, "no data file beside it: looked for " + String.join(", ", tried)
        + " (a Triple-S survey is the .sss metadata and its data file, with the same name, in one folder)");
  }

  private static InvalidInputException problem(Path file, String message) {
    return new InvalidInputException(new InputProblem(file.toString(), 0, null, null, message));
  }

  /**
   * Opens a Triple-S survey as CSV records: the header is the metadata's columns ({@link TripleSMetadata#columns()})
   * labelled with the question text (and, for a multiple's columns, the option's label), each record one
   * respondent's cells: codes as declared, numbers as written, dates as ISO dates, a multiple's options 1 or 0.
   * Notes about the metadata go to {@code problems}; problems with the data go to a collector for the data file
   * sharing its mode and lists ({@link ProblemCollector#about(String)}).
   *
   * @param metadataFile the {@code .sss} file
   * @param options the encoding of the data file (when not the metadata's) and bounds; the layout is not used
   * @param problems where problems and notes go; its source names the metadata file
   * @return the open records, positioned after the header
   * @throws InvalidInputException when the metadata is not Triple-S, the data file is missing, or (strict mode) the
   *     first data problem
   * @throws UncheckedIOException when a file cannot be read
   */
  public static CsvFile open(Path metadataFile, CsvOptions options, ProblemCollector problems) {
    checkNotNull(options, "options");
    TripleSMetadata metadata = TripleSMetadata.read(metadataFile);
    Path data = dataFile(metadataFile, metadata);
    metadata.notes().forEach(note -> problems.note(0, null, null, note));
    Charset charset;
    if (options.encoding() != null) {
      charset = options.encoding();
    } else if (metadata.encoding() != null) {
      try {
        charset = Charset.forName(metadata.encoding());
      } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
        throw problem(metadataFile, "the XML declaration's encoding \"" + metadata.encoding() + "\" is not one "
            + "this Java knows; give the data file's encoding with --encoding");
      }
    } else {
      charset = StandardCharsets.UTF_8;
    }
    ProblemCollector dataProblems = problems.about(data.toString());
    TripleSRows rows = new TripleSRows(metadata, data, charset, options, dataProblems);
    return CsvFile.of(rows, options.withLayout(ExportLayout.PLAIN), dataProblems);
  }
}
