package dev.insight.examples.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options of the commands that look at a whole export ({@code describe}, {@code convert}): the file and how to
 * read it, with the id column optional (found by its name when not given) and personal columns left out unless
 * asked for.
 */
final class ExportFileOptions {
  @Option(names = "--data", required = true, paramLabel = "D.csv", description = "The survey file (CSV, XLSX, or Triple-S .sss with its data beside it).")
  Path data;

  @Option(names = "--id", paramLabel = "COL",
      description = "The respondent id column (default: a column named id, Respondent ID, ResponseId or the like).")
  @Nullable String id;

  @Option(names = "--encoding", paramLabel = "CHARSET",
      description = "The encoding of a file without a byte-order mark (default UTF-8).")
  @Nullable String encoding;

  @Option(names = "--codebook", paramLabel = "FILE",
      description = "A codebook (JSON or CSV) whose variables replace those inferred.")
  @Nullable Path codebook;

  @Option(names = "--format", paramLabel = "NAME",
      description = "The export's header layout, instead of detecting it from the header: csv, qualtrics, "
          + "surveymonkey, microsoft-forms, google-forms, smartsurvey, citizen-space or triple-s (Triple-S "
          + "metadata whatever the file's name).")
  @Nullable String format;

  @Option(names = "--sheet", paramLabel = "NAME",
      description = "The sheet of an XLSX workbook to read (default: the first).")
  @Nullable String sheet;

  @Option(names = "--personal", description = "Include the columns the export marks as personal data (Microsoft "
      + "Forms' Email and Name), which are left out by default.")
  boolean personal;

  /** These options as the reading options the other commands share (the id is not needed to open the file). */
  DataOptions reading() {
    DataOptions input = new DataOptions();
    input.data = data;
    input.encoding = encoding;
    input.codebook = codebook;
    input.format = format;
    input.sheet = sheet;
    return input;
  }
}
