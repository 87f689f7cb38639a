package dev.insight.examples.cli.code;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.Comments;
import dev.insight.codeframe.coding.Provenance;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.codeframe.interchange.CodeframeFiles;
import dev.insight.codeframe.interchange.CodedData;
import dev.insight.codeframe.interchange.CodedFileReader;
import dev.insight.codeframe.interchange.DataColumns;
import dev.insight.codeframe.learn.CodedExample;
import dev.insight.codeframe.learn.CodedExamples;
import dev.insight.codeframe.learn.CrossValidation;
import dev.insight.codeframe.learn.EvaluationReport;
import dev.insight.codeframe.learn.LabelMode;
import dev.insight.codeframe.learn.LearnedCoder;
import dev.insight.codeframe.learn.LearnerOptions;
import dev.insight.codeframe.learn.TextEmbedder;
import dev.insight.codeframe.learn.ThresholdPolicy;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import dev.insight.embeddings.BgeSmallEmbedder;
import dev.insight.examples.cli.Outputs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code insight code learn}: trains a coder on a coded CSV file and saves it, optionally cross-validating. */
@Command(name = "learn", mixinStandardHelpOptions = true,
    description = {"Learn a coder from coded comments and save the model.",
        "The codes are one 0/1 column per code (--code-columns), a column of ;-separated codes (--codes-from) or "
            + "one code per comment (--label, single-label).",
        "With --folds K, also cross-validates (K models, each tested on the fold it did not see) and prints "
            + "micro/macro F1, per-code precision/recall/F1 with support, exact match, Hamming loss and the "
            + "coverage-versus-precision curve."})
public final class LearnCommand implements Callable<Integer> {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Option(names = "--train", required = true, paramLabel = "T.csv", description = "The coded comments (CSV, UTF-8, "
      + "header row).")
  private Path train = Path.of("");

  @Option(names = "--text", required = true, paramLabel = "COL", description = "The column holding the comment.")
  private String text = "";

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Codes codes = new Codes();

  static final class Codes {
    @Option(names = "--codes-from", paramLabel = "COL",
        description = "A column listing each comment's codes separated by ';' (multi-label).")
    @Nullable String codesFrom;

    @Option(names = "--code-columns", paramLabel = "A,B,...", description = "The code columns (1 = coded, 0 or "
        + "blank = not), comma-separated; or FIRST..LAST for every column from FIRST to LAST (for code names that "
        + "contain commas) (multi-label).")
    @Nullable String codeColumns;

    @Option(names = "--label", paramLabel = "COL", description = "A column with one code per comment "
        + "(single-label).")
    @Nullable String label;

    @Option(names = "--coding", paramLabel = "C.csv", description = "A coded file (as code apply, code predict and "
        + "code review write) joined to T.csv by --id; trains on the comments people coded (multi-label). Needs "
        + "--codeframe and --id.")
    @Nullable Path coding;
  }

  @Option(names = "--codeframe", paramLabel = "F", description = "The codeframe of the coded file (with --coding).")
  private @Nullable Path codeframe;

  @Option(names = "--id", paramLabel = "COL", description = "The id column of T.csv (with --coding).")
  private @Nullable String id;

  @Option(names = "--model", required = true, paramLabel = "M", description = "Where to save the model.")
  private Path model = Path.of("");

  @Option(names = "--folds", paramLabel = "K", description = "Cross-validate with K folds (2 or more) and report.")
  private @Nullable Integer folds;

  @Option(names = "--report", paramLabel = "R.json", description = "Write the cross-validation report as JSON "
      + "(needs --folds).")
  private @Nullable Path report;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed of the fold assignment and "
      + "training (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--thresholds", paramLabel = "KIND", defaultValue = "GLOBAL_HALF_BEST_F1",
      description = "How code thresholds are chosen (multi-label): ${COMPLETION-CANDIDATES} "
          + "(default: ${DEFAULT-VALUE}).")
  private ThresholdPolicy.Kind thresholds = ThresholdPolicy.Kind.GLOBAL_HALF_BEST_F1;

  @Option(names = "--precision", paramLabel = "P", description = "Choose each code's threshold for this "
      + "precision instead (0 < P < 1; a code that cannot reach it is never given).")
  private @Nullable Double precision;

  @Option(names = "--context", paramLabel = "COL", description = "A column that changes what the words mean, "
      + "typically the question answered (\"Nothing\" is praise after \"What could we do better?\" and a complaint "
      + "after \"What was good?\"): each word is also learned within its context. Predict then reads the same "
      + "column.")
  private @Nullable String context;

  @Option(names = "--embeddings", description = "Also use sentence embeddings (bge-small-en-v1.5, run offline) "
      + "beside the word and character n-grams: better on rare codes, but training and prediction embed about 150 "
      + "comments a second instead of coding tens of thousands. The model records it; predict finds it again.")
  private boolean embeddings;

  /** Creates the command (picocli does). */
  public LearnCommand() {}

  @Override
  public Integer call() {
    if (report != null && folds == null) {
      throw new IllegalArgumentException("--report needs --folds: the report is of the cross-validation");
    }
    var out = spec.commandLine().getOut();
    CodedExamples examples = codes.coding != null ? joined(codes.coding, out) : coded();
    ThresholdPolicy policy = precision != null ? ThresholdPolicy.precision(precision) : ThresholdPolicy.of(thresholds);
    LearnerOptions options = LearnerOptions.defaults().withThresholds(policy);
    options = options.withSeed(seed);
    long start = System.nanoTime();
    if (embeddings) {
      out.printf(Locale.ROOT, "embedding %d comments with %s (about 150 a second on two cores)...%n",
          examples.examples().size(), BgeSmallEmbedder.NAME);
      out.flush();
      options = options.withEmbedder(TextEmbedder.precomputed(new BgeSmallEmbedder(), examples.texts()));
    }
    LearnedCoder coder = LearnedCoder.train(examples, options);
    double seconds = (System.nanoTime() - start) / 1e9;
    try (Outputs outputs = Outputs.begin()) {
      // the model is staged, not saved: a failing cross-validation or report leaves no model behind
      outputs.stage(model, coder::write);
      out.printf(Locale.ROOT, "trained on %d comments, %d codes (%s), %d features, in %.1f s%n",
          examples.examples().size(), examples.codes().size(), examples.mode().name().toLowerCase(Locale.ROOT)
              .replace('_', '-'), coder.features(), seconds);
      if (folds != null) {
        EvaluationReport evaluation = CrossValidation.evaluate(examples, options, folds, seed);
        out.print(evaluation.toTable());
        if (report != null) {
          String json = evaluation.toJson();
          outputs.text(report, writer -> writer.write(json));
        }
      }
      outputs.commit();
    }
    out.println("model saved to " + model);
    if (report != null) {
      out.println("report written to " + report);
    }
    out.flush();
    return 0;
  }

  /** The comments of T.csv that people coded in the coded file, with their codes. */
  private CodedExamples joined(Path file, java.io.PrintWriter out) {
    if (codeframe == null || id == null) {
      throw new IllegalArgumentException("--coding needs --codeframe (the codes' frame) and --id (the column of "
          + train + " that the coded file's ids refer to)");
    }
    Codeframe frame = CodeframeFiles.read(codeframe);
    CodedData read = CodedFileReader.coded(frame).read(file);
    Comments comments = CommentsFile.read(train, id, text, context);
    read.checkIn(comments.units(), train.toString());
    Coding decisions = read.coding();
    Map<UnitId, Integer> row = new HashMap<>();
    for (int i = 0; i < comments.size(); i++) {
      row.put(comments.units().get(i), i);
    }
    List<CodedExample> examples = new ArrayList<>();
    int notByPeople = 0;
    for (UnitId unit : decisions.units()) {
      if (decisions.assignments(unit).stream().anyMatch(a -> !(a.provenance() instanceof Provenance.Human))) {
        notByPeople++;
        continue;
      }
      int i = row.get(unit);
      examples.add(new CodedExample(comments.texts().get(i), decisions.codes(unit), comments.contexts().get(i)));
    }
    if (notByPeople > 0) {
      out.printf(Locale.ROOT, "left out %d comments of %s coded by rules or a model: the model learns from "
          + "people's codes%n", notByPeople, file);
    }
    List<CodeId> codeIds = new ArrayList<>();
    frame.codable().forEach(c -> codeIds.add(c.id()));
    return new CodedExamples(LabelMode.MULTI_LABEL, codeIds, examples, context == null ? "" : context);
  }

  /** The comments of T.csv with their codes, in whichever wide layout the options name. */
  private CodedExamples coded() {
    CodedFileReader reader;
    LabelMode mode = LabelMode.MULTI_LABEL;
    if (codes.codesFrom != null) {
      reader = CodedFileReader.list(codes.codesFrom, ";");
    } else if (codes.label != null) {
      reader = CodedFileReader.label(codes.label);
      mode = LabelMode.SINGLE_LABEL;
    } else {
      reader = CodedFileReader.columns(codeColumns());
    }
    reader.rowIds().text(text);
    if (context != null) {
      reader.context(context);
    }
    CodedData data = reader.read(train);
    Coding coding = data.coding();
    if (coding.units().isEmpty()) {
      throw new InvalidInputException(new InputProblem(train.toString(), 0, null, null,
          "the file has no coded comments"));
    }
    return CodedExamples.of(mode, coding, data.comments(), context == null ? "" : context);
  }

  private List<String> codeColumns() {
    String spec = codes.codeColumns == null ? "" : codes.codeColumns;
    int range = spec.indexOf("..");
    if (range >= 0) {
      String first = spec.substring(0, range).strip();
      String last = spec.substring(range + 2).strip();
      List<String> header = DataColumns.columns(train);
      int from = header.indexOf(first);
      int to = header.indexOf(last);
      if (from < 0 || to < 0 || to < from) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "--code-columns %s: %s; the columns of %s "
            + "are %s", spec, from < 0 ? "no column \"" + first + "\"" : to < 0 ? "no column \"" + last + "\""
            : "\"" + last + "\" comes before \"" + first + "\"", train, header));
      }
      return header.subList(from, to + 1);
    }
    List<String> columns = new ArrayList<>();
    for (String part : spec.split(",")) {
      if (!part.isBlank()) {
        columns.add(part.strip());
      }
    }
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("--code-columns names no column: give A,B,... or FIRST..LAST");
    }
    return columns;
  }
}
