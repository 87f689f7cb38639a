package dev.insight.examples.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The options every command that reads a survey shares: the file, its id column, its encoding, the read mode. */
final class DataOptions {
  @Option(names = "--data", required = true, paramLabel = "D.csv",
      description = "The survey data: CSV with a header row (UTF-8 with or without a byte-order mark, UTF-16 with "
          + "one, or the encoding given with --encoding; comma, semicolon or tab detected), an XLSX workbook, or "
          + "Triple-S metadata (.sss) with its .asc, .dat or .csv data beside it.")
  Path data;

  @Option(names = "--sheet", paramLabel = "NAME",
      description = "The sheet of an XLSX workbook to read (default: the first).")
  @Nullable String sheet;

  @Option(names = "--id", paramLabel = "COL",
      description = "The respondent id column (default: a column named id, Respondent ID, ResponseId, UserID or the "
          + "like; in a file with none, such as a Google Forms download, each respondent is identified by the line "
          + "their record starts on).")
  @Nullable String id;

  /** How the id was found when --id was not given, said once on standard error. */
  @Nullable String idNote;

  @Option(names = "--encoding", paramLabel = "CHARSET",
      description = "The encoding of a data file without a byte-order mark, such as windows-1252 (default UTF-8; "
          + "bytes not valid in it are an error naming their line and offset).")
  @Nullable String encoding;

  @Option(names = "--format", paramLabel = "NAME",
      description = "The export's header layout, when detection from the header is not wanted: csv (one header "
          + "row), qualtrics (names, question text, import ids), surveymonkey (question text, then responses), "
          + "microsoft-forms (Id, Start time, Completion time, Email, Name, then the questions), google-forms "
          + "(Timestamp, then the questions), smartsurvey (UserID ... Ended, then numbered questions) or "
          + "citizen-space (Response ID, Submitted on, then the questions); triple-s reads the file as Triple-S "
          + "metadata whatever its name.")
  @Nullable String format;

  @Option(names = "--codebook", paramLabel = "FILE",
      description = "What the columns are (JSON, as insight describe --json writes, or CSV variable,code,label"
          + "[,missing]): categories in the order given, multiple choices in one cell split at the delimiter given; "
          + "values outside a variable's categories are then errors.")
  @Nullable Path codebook;

  @Option(names = "--lenient",
      description = "Keep every respondent that can be kept and list every problem on standard error, instead of "
          + "stopping at the first problem.")
  boolean lenient;
}
