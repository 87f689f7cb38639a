package dev.insight.examples.cli.code;

import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.interchange.CodeframeFiles;
import dev.insight.codeframe.interchange.CodingCsv;
import dev.insight.codeframe.interchange.CodedFileReader;
import dev.insight.codeframe.interchange.CodedData;
import dev.insight.examples.cli.Outputs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code insight code import}: a team's spreadsheet of codes as a coded file. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Turn the codes people gave in a spreadsheet (one 0/1 column per code, headed by id or label, or "
        + "one column listing the codes) into the coded file the other commands read, with the coder as "
        + "provenance.",
        "Every problem is reported with its line and column: an unknown code, a cell that is not 1/0/blank, a "
            + "none-code with another code, a unit coded twice, a blank id. A file with several coders "
            + "(--coder-column) gives one coded file per coder: --out is then a folder."})
public final class ImportCommand implements Callable<Integer> {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Option(names = "--codeframe", required = true, paramLabel = "F", description = "The codeframe.")
  private Path codeframe = Path.of("");

  @Option(names = "--data", required = true, paramLabel = "S.csv", description = "The spreadsheet, as CSV.")
  private Path data = Path.of("");

  @Option(names = "--id", required = true, paramLabel = "COL", description = "The column of comment ids.")
  private String id = "";

  @Option(names = "--codes-from", paramLabel = "COL", description = "A column listing each comment's codes, "
      + "separated by --separator; without it, one 0/1 column per code.")
  private @Nullable String codesFrom;

  @Option(names = "--separator", defaultValue = ";", paramLabel = "S", description = "What separates codes in "
      + "--codes-from (default: ${DEFAULT-VALUE}).")
  private String separator = ";";

  @Option(names = "--coder", paramLabel = "NAME", description = "Who coded (recorded as provenance).")
  private @Nullable String coder;

  @Option(names = "--coder-column", paramLabel = "COL", description = "A column naming the coder of each row "
      + "(instead of --coder).")
  private @Nullable String coderColumn;

  @Option(names = "--coded-at", paramLabel = "TIME", description = "When the coding was done, as an ISO instant "
      + "such as 2026-11-01T10:00:00Z (default: now).")
  private @Nullable String codedAt;

  @Option(names = "--out", required = true, paramLabel = "C.csv", description = "The coded file (a folder with "
      + "--coder-column: one <coder>.csv per coder).")
  private Path out = Path.of("");

  /** Creates the command (picocli instantiates it). */
  public ImportCommand() {}

  @Override
  public Integer call() {
    if ((coder == null) == (coderColumn == null)) {
      throw new IllegalArgumentException("give --coder (one coder) or --coder-column (a column naming them)");
    }
    Codeframe frame = CodeframeFiles.read(codeframe);
    CodedFileReader reader = (codesFrom == null ? CodedFileReader.columns(frame)
        : CodedFileReader.list(frame, codesFrom, separator)).idColumn(id);
    reader = coder != null ? reader.coder(coder) : reader.coderColumn(coderColumn);
    try {
      reader = reader.at(codedAt == null ? Instant.now() : Instant.parse(codedAt));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--coded-at " + codedAt + ": expected an ISO instant such as "
          + "2026-11-01T10:00:00Z");
    }
    CodedData read;
    try (Reader in = Files.newBufferedReader(data, StandardCharsets.UTF_8)) {
      read = reader.read(in, data.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + data, e);
    }
    PrintWriter console = spec.commandLine().getOut();
    if (coder == null) {
      try {
        Files.createDirectories(out);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the folder " + out, e);
      }
    }
    try (Outputs outputs = Outputs.begin()) {
      if (coder != null) {
        Coding coding = read.coding();
        outputs.text(out, writer -> CodingCsv.write(coding, writer));
      } else {
        read.byCoder().forEach((name, coding) -> outputs.text(out.resolve(fileName(name) + ".csv"),
            writer -> CodingCsv.write(coding, writer)));
      }
      outputs.commit();
    }
    read.byCoder().forEach((name, coding) -> console.printf(Locale.ROOT, "%s: %d comments coded%n", name,
        coding.units().size()));
    if (!read.conflicts().isEmpty()) {
      console.printf(Locale.ROOT, "%d comments were coded differently by the coders (compare them with insight code "
          + "agree)%n", read.conflicts().size());
    }
    console.println("coded file" + (coder == null ? "s" : "") + " written to " + out);
    console.flush();
    return 0;
  }

  private static String fileName(String coder) {
    String safe = coder.replaceAll("[^A-Za-z0-9._-]", "_");
    return safe.isEmpty() || safe.startsWith(".") ? "coder_" + safe : safe;
  }
}
