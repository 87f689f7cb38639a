package dev.insight.examples.cli;

import dev.insight.core.data.Dataset;
import dev.insight.examples.report.JsonOutputs;
import dev.insight.stats.design.DesignStep;
import dev.insight.stats.design.SurveyDesign;
import dev.insight.stats.design.WeightingReport;
import dev.insight.stats.design.WeightingResult;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code insight weight}: weights a survey to population margins and writes one weight per respondent. */
@Command(name = "weight", mixinStandardHelpOptions = true,
    description = {"Weights a survey CSV to population margins (raking, post-stratification or linear "
        + "calibration) or to the totals of a calibration model (numeric totals, interactions; linear, raking or "
        + "logit, bounded or not), optionally trims the weights, and writes id,weight in the input's row order.",
        "A failure exits 1 with the message on standard error and writes nothing."})
final class WeightCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private DataOptions input = new DataOptions();

  @Mixin
  private WeightingOptions weighting = new WeightingOptions();

  @Option(names = "--out", required = true, paramLabel = "W.csv",
      description = "Where to write id,weight (12+ significant digits).")
  private Path out;

  @Option(names = "--report", paramLabel = "R.json", description = "Where to write the weighting report (JSON).")
  private @Nullable Path report;

  @Override
  public Integer call() {
    WeightingOptions.Targets targets = weighting.readTargets();
    VariableRoles roles = new VariableRoles();
    weighting.map(targets, roles);
    Dataset dataset = SurveyFiles.read(input, roles.mapping(SurveyFiles.id(input)), spec.commandLine().getErr(), "weight");
    SurveyDesign start = weighting.startWeights(SurveyDesign.builder(dataset), targets, dataset.rowCount()).build();
    WeightingResult fitted = weighting.fit(start, targets);
    WeightingResult result = weighting.trim(fitted);
    List<WeightingReport> steps = result == fitted ? List.of(result.report())
        : List.of(fitted.report(), result.report());
    SurveyDesign weighted = result.design();
    try (Outputs outputs = Outputs.begin()) {
      outputs.csv(out, csv -> {
        csv.record("id", "weight");
        for (int row = 0; row < dataset.rowCount(); row++) {
          if (weighted.inSample(row)) {
            csv.record(dataset.id(row).value(), WeightingFiles.number(weighted.weight(row)));
          }
        }
      });
      if (report != null) {
        outputs.text(report, writer -> writeReport(writer, steps, weighted.history()));
      }
      outputs.commit();
    }
    for (WeightingReport step : steps) {
      if (!step.converged()) {
        spec.commandLine().getErr().println("insight weight: warning: NOT converged: " + step.summary());
      }
    }
    spec.commandLine().getOut().println(result.report().summary());
    return 0;
  }

  static void writeReport(Writer writer, List<WeightingReport> steps, List<DesignStep> history) {
    JsonOutputs.writeWeighting(writer, steps, history.stream().map(DesignStep::toString).toList());
  }
}
