package dev.insight.examples.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The options every command that reads a survey shares: the file, its id column, its encoding, the read mode. */
final class DataOptions {
  @Option(names = "--data", required = true, paramLabel = "D.csv",
      description = "The survey data: CSV with a header row (UTF-8 with or without a byte-order mark, UTF-16 with "
          + "one, or the encoding given with --encoding; comma, semicolon or tab detected).")
  Path data;

  @Option(names = "--id", required = true, paramLabel = "COL", description = "The respondent id column.")
  String id;

  @Option(names = "--encoding", paramLabel = "CHARSET",
      description = "The encoding of a data file without a byte-order mark, such as windows-1252 (default UTF-8; "
          + "bytes not valid in it are an error naming their line and offset).")
  @Nullable String encoding;

  @Option(names = "--format", paramLabel = "csv|qualtrics|surveymonkey",
      description = "The export's header layout, when detection from the header is not wanted: csv (one header "
          + "row), qualtrics (names, question text, import ids) or surveymonkey (question text, then responses).")
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
