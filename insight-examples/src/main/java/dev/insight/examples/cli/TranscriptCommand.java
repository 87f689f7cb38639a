package dev.insight.examples.cli;

import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.framework.CasesBy;
import dev.insight.codeframe.framework.ExportFormat;
import dev.insight.codeframe.framework.FrameworkMatrix;
import dev.insight.codeframe.framework.MatrixExporter;
import dev.insight.codeframe.interchange.CodeframeFiles;
import dev.insight.codeframe.qdpx.QdpxExporter;
import dev.insight.codeframe.rules.RuleCoder;
import dev.insight.codeframe.transcript.SegmentBy;
import dev.insight.codeframe.transcript.TranscriptCoding;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.ReadMode;
import dev.insight.core.input.ReadResult;
import dev.insight.core.programme.ActivityId;
import dev.insight.core.redact.RedactionAudit;
import dev.insight.core.transcript.SpeakerList;
import dev.insight.core.transcript.SpeakerListReader;
import dev.insight.core.transcript.Transcript;
import dev.insight.core.transcript.TranscriptFormat;
import dev.insight.core.transcript.TranscriptReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code insight transcript}: transcripts to a coded, redacted framework matrix. */
@Command(name = "transcript", mixinStandardHelpOptions = true,
    description = {"Reads focus group or interview transcripts (WebVTT from Teams or Zoom, a Teams .docx "
        + "transcript, plain text), codes the participants' sentences with the codeframe's rules and writes the "
        + "Framework Method matrix (cases x themes) with the coded segments and references to transcript and time.",
        "Quotes and names are redacted (e-mail, UK phone numbers, postcodes, NHS numbers, the speakers' names) "
            + "unless --internal-use-only is given."})
final class TranscriptCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--in", required = true, paramLabel = "T",
      description = "a transcript: .vtt, .docx or text; repeat for several groups (each is one activity, named by "
          + "its file name)")
  private List<Path> inputs = new ArrayList<>();

  @Option(names = "--format", paramLabel = "F",
      description = "the transcripts' format: webvtt, teams_text or plain_text (default: by file extension)")
  private @Nullable String format;

  @Option(names = "--speakers", paramLabel = "S.csv",
      description = "speaker list: name,participant,pseudonym[,role,organisation,audiences,staff]; maps names "
          + "to pseudonymous participants and adds every name on it to those redacted")
  private @Nullable Path speakers;

  @Option(names = "--require-speakers",
      description = "fail (or, with --lenient, report) when a name heard is not on the speaker list")
  private boolean requireSpeakers;

  @Option(names = "--codeframe", required = true, paramLabel = "C",
      description = "the codeframe with a rule per code: .json, .csv codebook or REFI-QDA .qdc")
  private Path codeframe;

  @Option(names = "--out", required = true, paramLabel = "M",
      description = "the matrix: .csv, .json, .xlsx or .html")
  private Path out;

  @Option(names = "--by", paramLabel = "CASES", defaultValue = "participant",
      description = "the matrix rows: participant or group (default: ${DEFAULT-VALUE})")
  private String casesBy = "participant";

  @Option(names = "--segments", paramLabel = "UNIT", defaultValue = "sentence",
      description = "what the rules code: sentence or turn (default: ${DEFAULT-VALUE})")
  private String segments = "sentence";

  @Option(names = "--qdpx", paramLabel = "P.qdpx",
      description = "also write the coded transcripts as a REFI-QDA project for NVivo, MAXQDA or QualCoder")
  private @Nullable Path qdpx;

  @Option(names = "--report", paramLabel = "R.json", description = "write what was redacted, and where")
  private @Nullable Path report;

  @Option(names = "--lenient",
      description = "report bad input (malformed cues, unknown speakers) as warnings and keep what can be kept")
  private boolean lenient;

  @Option(names = "--internal-use-only", paramLabel = "REASON",
      description = "do not redact, for the research team's own analysis; the output says so")
  private @Nullable String internalUseOnly;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    ExportFormat.forFile(out);
    CasesBy by = choice(CasesBy.class, casesBy, "--by");
    SegmentBy unit = choice(SegmentBy.class, segments, "--segments");
    TranscriptFormat given = format == null ? null : choice(TranscriptFormat.class, format, "--format");
    ReadMode mode = lenient ? ReadMode.LENIENT : ReadMode.STRICT;
    SpeakerList list = SpeakerList.empty();
    if (speakers != null) {
      ReadResult<SpeakerList> read = SpeakerListReader.read(speakers, mode);
      warn(err, read.problems());
      list = read.value();
    }
    Codeframe frame = CodeframeFiles.read(codeframe);
    RuleCoder rules = RuleCoder.of(frame);
    TranscriptReader reader = TranscriptReader.of(mode);
    reader = requireSpeakers ? reader.requireSpeakers(list) : reader.withSpeakers(list);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    List<TranscriptCoding> codings = new ArrayList<>();
    for (Path input : inputs) {
      ReadResult<Transcript> read = given == null ? reader.read(input) : reader.read(input, given);
      warn(err, read.problems());
      Transcript transcript = read.value();
      TranscriptCoding coding = TranscriptCoding.builder(transcript, ActivityId.of(stem(input)), frame)
          .applyRules(rules, unit, now).build();
      codings.add(coding);
      stdout.printf("%s: %d turns, %d speakers, %d coded segments%n", input.getFileName(),
          transcript.turns().size(), transcript.speakerNames().size(), coding.segments().size());
    }
    FrameworkMatrix matrix = FrameworkMatrix.of(codings, by);
    MatrixExporter exporter = internalUseOnly != null ? MatrixExporter.internalUseOnly(internalUseOnly)
        : MatrixExporter.redacting(list.names());
    ExportFormat matrixFormat = ExportFormat.forFile(out);
    RedactionAudit[] audit = new RedactionAudit[1];
    try (Outputs outputs = Outputs.begin()) {
      outputs.stage(out, stream -> audit[0] = exporter.write(matrix, matrixFormat, stream));
      if (qdpx != null) {
        QdpxExporter projects = internalUseOnly != null ? QdpxExporter.internalUseOnly(internalUseOnly)
            : QdpxExporter.redacting(list.names());
        outputs.stage(qdpx, stream -> projects.write(stem(codeframe), codings, stream));
      }
      if (report != null) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("matrix", out.getFileName().toString());
        outputs.redactionReport(report, audit[0], extra);
      }
      outputs.commit();
    }
    stdout.printf("matrix: %d cases x %d themes -> %s (%s)%n", matrix.cases().size(), matrix.themes().size(), out,
        audit[0].redacted() ? audit[0].entries().size() + " redactions" : "NOT redacted: internal use only");
    if (qdpx != null) {
      stdout.printf("REFI-QDA project -> %s%n", qdpx);
    }
    stdout.flush();
    return 0;
  }

  private static void warn(PrintWriter err, List<InputProblem> problems) {
    for (InputProblem problem : problems) {
      err.println("warning: " + problem.describe());
    }
  }

  private static <E extends Enum<E>> E choice(Class<E> type, String value, String option) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value.strip())) {
        return constant;
      }
    }
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      names.add(constant.name().toLowerCase(Locale.ROOT));
    }
    throw new IllegalArgumentException(option + ": '" + value + "' is not one of " + names);
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
