package dev.insight.examples.cli.code;

import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.interchange.CodeframeFiles;
import dev.insight.codeframe.interchange.CodingCsv;
import dev.insight.codeframe.interchange.CodedFileReader;
import dev.insight.codeframe.interchange.CodedData;
import dev.insight.codeframe.qdpx.QdpxImporter;
import dev.insight.codeframe.qdpx.QdpxProject;
import dev.insight.core.input.ReadMode;
import dev.insight.core.input.ReadResult;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code insight code import}: a team's spreadsheet of codes, or a REFI-QDA project coded in NVivo, MAXQDA,
 * ATLAS.ti or QualCoder, as a coded file.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Turn the codes people gave in a spreadsheet (one 0/1 column per code, headed by id or label, or "
        + "one column listing the codes) into the coded file the other commands read, with the coder as "
        + "provenance.",
        "Every problem is reported with its line and column: an unknown code, a cell that is not 1/0/blank, a "
            + "none-code with another code, a unit coded twice, a blank id. A file with several coders "
            + "(--coder-column) gives one coded file per coder: --out is then a folder.",
        "With --qdpx, a REFI-QDA project (.qdpx) instead: every coded segment of its texts becomes a row of the coded "
            + "file (its id the selection's GUID, the coder and time as the project records them), its code book "
            + "the codeframe (--codeframe-out) and its segments' text a CSV (--segments-out). Pictures, audio, "
            + "video and the areas of PDFs are not read: the command fails naming them, or with --lenient imports "
            + "the rest and lists them."})
public final class ImportCommand implements Callable<Integer> {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Option(names = "--codeframe", paramLabel = "F", description = "The codeframe (with --data).")
  private @Nullable Path codeframe;

  @Option(names = "--data", paramLabel = "S.csv", description = "The spreadsheet, as CSV.")
  private @Nullable Path data;

  @Option(names = "--id", paramLabel = "COL", description = "The column of comment ids (with --data).")
  private @Nullable String id;

  @Option(names = "--qdpx", paramLabel = "P.qdpx", description = "A REFI-QDA project instead of a spreadsheet.")
  private @Nullable Path qdpx;

  @Option(names = "--codeframe-out", paramLabel = "F", description = "With --qdpx: write the project's code book "
      + "as a codeframe (.json, .csv or .qdc), for the commands that read the coded file.")
  private @Nullable Path codeframeOut;

  @Option(names = "--segments-out", paramLabel = "S.csv", description = "With --qdpx: write the coded segments "
      + "(id, source, start, end, cases, text, memo), for code learn --train.")
  private @Nullable Path segmentsOut;

  @Option(names = "--lenient", description = "With --qdpx: import what can be read and list what cannot (sources "
      + "that are not text, selections outside their text) as warnings.")
  private boolean lenient;

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
    if (qdpx != null) {
      if (data != null || codeframe != null || id != null || coder != null || coderColumn != null
          || codedAt != null) {
        throw new IllegalArgumentException("--qdpx reads the codes, coders and times from the project: give it "
            + "without --data, --codeframe, --id, --coder, --coder-column or --coded-at");
      }
      return project(qdpx);
    }
    if (codeframeOut != null || segmentsOut != null || lenient) {
      throw new IllegalArgumentException("--codeframe-out, --segments-out and --lenient go with --qdpx");
    }
    if (data == null || codeframe == null || id == null) {
      throw new IllegalArgumentException("give --data, --codeframe and --id (a spreadsheet), or --qdpx (a REFI-QDA "
          + "project)");
    }
    return spreadsheet(data, codeframe, id);
  }

  private Integer spreadsheet(Path data, Path codeframe, String id) {
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

  private Integer project(Path file) {
    ReadResult<QdpxProject> read = QdpxImporter.read(file, lenient ? ReadMode.LENIENT : ReadMode.STRICT);
    QdpxProject project = read.value();
    PrintWriter console = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    read.problems().forEach(problem -> err.println("warning: " + problem.describe()));
    read.notes().forEach(note -> err.println("note: " + note.describe()));
    Map<String, List<String>> casesOf = new LinkedHashMap<>();
    project.cases().forEach((name, units) -> units.forEach(unit -> casesOf.computeIfAbsent(unit.value(),
        u -> new ArrayList<>()).add(name)));
    Map<String, String> sourceNames = new LinkedHashMap<>();
    project.sources().forEach(source -> sourceNames.put(source.guid(), source.name()));
    try (Outputs outputs = Outputs.begin()) {
      outputs.text(out, writer -> CodingCsv.write(project.coding(), writer));
      if (codeframeOut != null) {
        CodeframeFiles.Format format = CodeframeFiles.Format.of(codeframeOut);
        outputs.stage(codeframeOut, stream -> CodeframeFiles.write(project.codeframe(), format, stream));
      }
      if (segmentsOut != null) {
        outputs.csv(segmentsOut, csv -> {
          csv.record(List.of("id", "source", "start", "end", "cases", "text", "memo"));
          for (QdpxProject.Segment segment : project.segments()) {
            csv.record(List.of(segment.unit().value(), sourceNames.getOrDefault(segment.source(), segment.source()),
                Integer.toString(segment.start()), Integer.toString(segment.end()),
                String.join("; ", casesOf.getOrDefault(segment.unit().value(), List.of())), segment.text(),
                segment.memo()));
          }
        });
      }
      outputs.commit();
    }
    long coded = project.segments().stream().filter(s -> !project.coding().codes(s.unit()).isEmpty()).count();
    console.printf(Locale.ROOT, "%s: %d codes, %d text sources, %d segments (%d coded, %d codings), %d cases, %d "
            + "notes%n", project.name().isBlank() ? file.getFileName() : project.name(),
        project.codeframe().codes().size(), project.sources().size(), project.segments().size(), coded,
        project.coding().assignments().size(), project.cases().size(), project.notes().size());
    if (!read.problems().isEmpty()) {
      console.printf(Locale.ROOT, "%d %s not imported (listed above)%n", read.problems().size(),
          read.problems().size() == 1 ? "thing" : "things");
    }
    console.println("coded file written to " + out);
    console.flush();
    err.flush();
    return 0;
  }

  private static String fileName(String coder) {
    String safe = coder.replaceAll("[^A-Za-z0-9._-]", "_");
    return safe.isEmpty() || safe.startsWith(".") ? "coder_" + safe : safe;
  }
}
