package dev.insight.examples.cli.code;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.learn.AbstentionReport;
import dev.insight.codeframe.learn.TrainingCsv;
import dev.insight.codeframe.learn.LabelMode;
import dev.insight.codeframe.learn.LearnedCoder;
import dev.insight.codeframe.learn.Prediction;
import dev.insight.examples.cli.Outputs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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

  @Option(names = "--out", required = true, paramLabel = "P.csv", description = "Where to write the codes.")
  private Path out = Path.of("");

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

  /** Creates the command (picocli does). */
  public PredictCommand() {}

  @Override
  public Integer call() {
    if (abstainBelow != null && precision != null) {
      throw new IllegalArgumentException("give --abstain-below or --precision, not both");
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
    List<List<String>> columns = TrainingCsv.readColumns(data, wanted);
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
    try (Outputs outputs = Outputs.begin()) {
      outputs.csv(out, csv -> {
        List<String> header = new ArrayList<>();
        header.add("row");
        if (id != null) {
          header.add(id);
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
      });
      outputs.commit();
    }
    var console = spec.commandLine().getOut();
    console.println(AbstentionReport.of(predictions, threshold).describe());
    console.println("codes written to " + out);
    console.flush();
    return 0;
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }
}
