package dev.insight.examples.cli.code;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.Comments;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.codeframe.interchange.CodeframeFiles;
import dev.insight.codeframe.interchange.CodingCsv;
import dev.insight.codeframe.interchange.CodedData;
import dev.insight.codeframe.interchange.CodedFileReader;
import dev.insight.codeframe.learn.AbstentionReport;
import dev.insight.codeframe.learn.LabelMode;
import dev.insight.codeframe.learn.LearnedCoder;
import dev.insight.codeframe.learn.Prediction;
import dev.insight.codeframe.interchange.DataColumns;
import dev.insight.core.internal.CsvOutput;
import dev.insight.examples.cli.Outputs;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code insight code predict}: codes the comments of a CSV file with a saved model. */
@Command(name = "predict", mixinStandardHelpOptions = true,
    description = {"Code comments with a model saved by 'insight code learn'.",
        "The output keeps the input's row order: a 'row' column (1-based data row), then the model's code columns "
            + "(0/1) and a '<code> confidence' column per code, or for a single-label model a 'code' column; then "
            + "'confidence' (the probability the row is coded exactly right) and 'abstained' (1 = left for a "
            + "person). With --id, the id column follows 'row'.",
        "A model trained with --context reads the same column from D.csv."})
public final class PredictCommand implements Callable<Integer> {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "M", description = "The model file.")
  private Path model = Path.of("");

  @Option(names = "--data", required = true, paramLabel = "D.csv", description = "The comments to code (CSV).")
  private Path data = Path.of("");

  @Option(names = "--text", required = true, paramLabel = "COL", description = "The column holding the comment.")
  private String text = "";

  @Option(names = "--out", paramLabel = "P.csv", description = "Where to write the predictions table (codes and "
      + "confidences per row).")
  private @Nullable Path out;

  @Option(names = "--coding", paramLabel = "C.csv", description = "Where to write the coded file (the format code "
      + "apply writes and report --coding reads), one row per code given with the model's provenance and "
      + "confidence; comments the model abstains on are left out. Needs --id and --codeframe.")
  private @Nullable Path coding;

  @Option(names = "--codeframe", paramLabel = "F", description = "The codeframe the model's codes belong to (for "
      + "--coding).")
  private @Nullable Path codeframe;

  @Option(names = "--reviewed", paramLabel = "R.csv", description = "A coded file of comments people have already "
      + "coded (e.g. by insight code review): they keep the people's codes and are not predicted (for --coding).")
  private @Nullable Path reviewed;

  @Option(names = "--abstain-below", paramLabel = "C", description = "Leave comments with confidence below C "
      + "(0..1) for a person.")
  private @Nullable Double abstainBelow;

  @Option(names = "--precision", paramLabel = "P", description = "Abstain below the confidence at which the "
      + "model's cross-validation reached precision P (0 < P <= 1) on the comments it coded.")
  private @Nullable Double precision;

  @Option(names = "--id", paramLabel = "COL", description = "Copy this column of the input (the comments' ids) "
      + "into the output after 'row', so 'insight code agree --id COL' can compare the model's codes with a "
      + "person's.")
  private @Nullable String id;

  /** Rows of --data without a comment (counted while building the coding). */
  private int blank;

  /** Creates the command (picocli does). */
  public PredictCommand() {}

  @Override
  public Integer call() {
    if (abstainBelow != null && precision != null) {
      throw new IllegalArgumentException("give --abstain-below or --precision, not both");
    }
    if (out == null && coding == null) {
      throw new IllegalArgumentException("give --out (the predictions table), --coding (the coded file) or both");
    }
    if (coding != null && (id == null || codeframe == null)) {
      throw new IllegalArgumentException("--coding needs --id (to join the codes to the comments) and --codeframe");
    }
    if (reviewed != null && coding == null) {
      throw new IllegalArgumentException("--reviewed needs --coding: the people's codes go into the coded file");
    }
    LearnedCoder coder = LearnedCoder.load(model);
    // one pass over the data for the comments, their ids and the context a model trained with one needs
    List<String> wanted = new ArrayList<>(List.of(text));
    if (id != null) {
      wanted.add(id);
    }
    if (!coder.contextName().isEmpty()) {
      wanted.add(coder.contextName());
    }
    List<List<String>> columns = DataColumns.readColumns(data, wanted);
    List<String> texts = columns.get(0);
    List<String> ids = id == null ? null : columns.get(1);
    List<String> contexts = coder.contextName().isEmpty() ? null : columns.get(columns.size() - 1);
    double threshold = abstainBelow != null ? abstainBelow
        : precision != null ? coder.confidenceForPrecision(precision) : 0;
    coder = coder.withAbstention(threshold);
    // a model trained with a context (learn --context) reads the same column of the new comments
    List<Prediction> predictions = contexts == null ? coder.predictAll(texts) : coder.predictAll(texts, contexts);
    List<CodeId> codes = coder.codes();
    boolean single = coder.mode() == LabelMode.SINGLE_LABEL;
    Path table = out;
    Coding combined = coding == null ? null
        : coded(coder, texts, java.util.Objects.requireNonNull(ids), contexts);
    try (Outputs outputs = Outputs.begin()) {
      if (table != null) {
        outputs.csv(table, csv -> writeTable(csv, predictions, ids, id, codes, single));
      }
      if (combined != null) {
        outputs.text(coding, writer -> CodingCsv.write(combined, writer));
      }
      outputs.commit();
    }
    var console = spec.commandLine().getOut();
    console.println(AbstentionReport.of(predictions, threshold).describe());
    if (table != null) {
      console.println("codes written to " + table);
    }
    if (combined != null) {
      Coding.SourceCounts by = combined.unitsBySource();
      console.printf(Locale.ROOT, "coded file written to %s: %d comments coded by people, %d by the model, %d "
          + "left for a person; %d rows without a comment not coded%n", coding, by.person(), by.model(),
          texts.size() - blank - combined.units().size(), blank);
    }
    console.flush();
    return 0;
  }

  /** The coding for --coding: people's codes from --reviewed, the model's for the other comments. */
  private Coding coded(LearnedCoder coder, List<String> texts, List<String> ids, @Nullable List<String> contexts) {
    Codeframe frame = CodeframeFiles.read(codeframe);
    List<UnitId> units = new ArrayList<>(ids.size());
    ids.forEach(i -> units.add(UnitId.of(i.strip())));
    Comments all = new Comments(units, texts, contexts == null ? Collections.nCopies(texts.size(), "") : contexts);
    Coding.Builder combined = Coding.builder(frame);
    Set<UnitId> done = new HashSet<>();
    if (reviewed != null) {
      CodedData people = CodedFileReader.coded(frame).read(reviewed);
      people.checkIn(all.units(), data.toString());
      for (UnitId unit : people.coding().units()) {
        combined.unit(unit);
        people.coding().assignments(unit).forEach(combined::add);
      }
      done.addAll(people.coding().units());
    }
    List<UnitId> rest = new ArrayList<>();
    List<String> restTexts = new ArrayList<>();
    List<String> restContexts = new ArrayList<>();
    blank = 0;
    for (int i = 0; i < units.size(); i++) {
      if (all.texts().get(i).isBlank()) {
        blank++; // no comment: nothing to code, and not in the base of the themes
      } else if (!done.contains(units.get(i))) {
        rest.add(units.get(i));
        restTexts.add(all.texts().get(i));
        restContexts.add(all.contexts().get(i));
      }
    }
    Coding predicted = coder.coder(frame, model.getFileName().toString())
        .code(new Comments(rest, restTexts, restContexts), Instant.now());
    // the model codes only the comments people did not: the two parts never overlap
    for (UnitId unit : predicted.units()) {
      combined.unit(unit);
      predicted.assignments(unit).forEach(combined::add);
    }
    return combined.build();
  }

  private static void writeTable(CsvOutput csv, List<Prediction> predictions, @Nullable List<String> ids,
      @Nullable String idName, List<CodeId> codes, boolean single) {
    List<String> header = new ArrayList<>();
    header.add("row");
    if (ids != null) {
      header.add(idName);
    }
    if (single) {
      header.add("code");
    } else {
      codes.forEach(c -> header.add(c.value()));
      codes.forEach(c -> header.add(c.value() + " confidence"));
    }
    header.add("confidence");
    header.add("abstained");
    csv.record(header);
    List<String> fields = new ArrayList<>(header.size());
    for (int i = 0; i < predictions.size(); i++) {
      Prediction p = predictions.get(i);
      fields.clear();
      fields.add(Integer.toString(i + 1));
      if (ids != null) {
        fields.add(ids.get(i));
      }
      if (single) {
        fields.add(p.assigned().get(0).value());
      } else {
        for (int c = 0; c < codes.size(); c++) {
          fields.add(p.isAssigned(c) ? "1" : "0");
        }
        for (int c = 0; c < codes.size(); c++) {
          fields.add(number(p.probability(c)));
        }
      }
      fields.add(number(p.confidence()));
      fields.add(p.abstained() ? "1" : "0");
      csv.record(fields);
    }
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }
}
