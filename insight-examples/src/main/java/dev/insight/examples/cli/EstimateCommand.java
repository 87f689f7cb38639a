package dev.insight.examples.cli;

import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Category;
import dev.insight.core.data.Dataset;
import dev.insight.stats.design.SurveyDesign;
import dev.insight.stats.design.Filter;
import dev.insight.stats.estimate.Estimate;
import dev.insight.stats.estimate.Estimator;
import dev.insight.stats.estimate.IntervalMethod;
import dev.insight.stats.design.Margin;
import dev.insight.stats.design.WeightingResult;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code insight estimate}: a weighted proportion, mean or total with design-based uncertainty, overall and by a subgroup. */
@Command(name = "estimate", mixinStandardHelpOptions = true,
    description = {"Estimates a proportion, mean or total with its standard error, confidence interval, bases and "
        + "design effect, for the whole sample and each category of --by (domains keep the whole design).",
        "Weights come from a weights file, a column, or weighting to --margins (then the standard error accounts "
            + "for the calibration). A failure exits 1 with the message on standard error and writes nothing."})
final class EstimateCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Mixin
  private DataOptions input = new DataOptions();

  @Option(names = "--weights", paramLabel = "W.csv",
      description = "Fixed weights from a file of id,weight (as insight weight writes); respondents absent from it "
          + "(left out by --missing exclude) are outside the sample, and counted on standard error.")
  private @Nullable Path weightsFile;

  @Option(names = "--weight", paramLabel = "COL", description = "Fixed weights from a column of the data.")
  private @Nullable String weightColumn;

  @Mixin
  private WeightingOptions weighting = new WeightingOptions();

  @Option(names = "--proportion", paramLabel = "VAR[=CATEGORY]",
      description = "The proportion with 1 in a 0/1 column VAR, or in CATEGORY of a categorical column VAR (among "
          + "respondents who answered VAR).")
  private @Nullable String proportion;

  @Option(names = "--mean", paramLabel = "VAR", description = "The weighted mean of a numeric column.")
  private @Nullable String mean;

  @Option(names = "--total", paramLabel = "VAR", description = "The weighted total of a numeric column.")
  private @Nullable String total;

  @Option(names = "--by", paramLabel = "VAR", description = "Also estimate for each category of this column.")
  private @Nullable String by;

  @Option(names = "--strata", paramLabel = "COL", description = "Strata column of the design.")
  private @Nullable String strata;

  @Option(names = "--cluster", paramLabel = "COL", description = "Cluster (primary sampling unit) column.")
  private @Nullable String cluster;

  @Option(names = "--fpc", paramLabel = "COL",
      description = "Finite population correction: PSUs in the stratum's population (> 1) or sampling fraction.")
  private @Nullable String fpc;

  @Option(names = "--ci", paramLabel = "logit|beta|xlogit|wilson|wald",
      description = "Confidence interval method for a proportion (default logit); means and totals use wald.")
  private @Nullable String ci;

  @Option(names = "--level", paramLabel = "L", defaultValue = "0.95",
      description = "Confidence level. Default: ${DEFAULT-VALUE}.")
  private double level = 0.95;

  @Option(names = "--out", required = true, paramLabel = "E.csv",
      description = "Where to write subgroup,unweighted_n,weighted_n,effective_n,estimate,se,ci_low,ci_high,deff.")
  private Path out;

  @Override
  public Integer call() {
    int sources = (weightsFile == null ? 0 : 1) + (weightColumn == null ? 0 : 1)
        + (weighting.margins == null ? 0 : 1);
    if (sources != 1) {
      throw new IllegalArgumentException("give exactly one of --weights, --weight or --margins");
    }
    int quantities = (proportion == null ? 0 : 1) + (mean == null ? 0 : 1) + (total == null ? 0 : 1);
    if (quantities != 1) {
      throw new IllegalArgumentException("give exactly one of --proportion, --mean or --total");
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("--level must be between 0 and 1: " + level);
    }
    IntervalMethod method = ci == null ? (proportion != null ? IntervalMethod.LOGIT : IntervalMethod.WALD)
        : IntervalMethod.parse(ci);
    if (proportion == null && method != IntervalMethod.WALD) {
      throw new IllegalArgumentException("--ci " + ci + " applies to --proportion; means and totals get wald "
          + "intervals");
    }
    VariableRoles roles = new VariableRoles();
    List<Margin> margins = weighting.margins == null ? List.of() : weighting.readMargins();
    if (weighting.margins != null) {
      weighting.map(margins, roles);
    }
    String variable;
    String category = null;
    if (proportion != null) {
      int eq = proportion.indexOf('=');
      variable = eq < 0 ? proportion : proportion.substring(0, eq);
      category = eq < 0 ? null : proportion.substring(eq + 1);
      if (category == null) {
        roles.numeric(variable);
      } else {
        roles.categorical(variable);
      }
    } else {
      variable = mean != null ? mean : total;
      roles.numeric(variable);
    }
    if (by != null) {
      roles.categorical(by);
    }
    if (strata != null) {
      roles.categorical(strata);
    }
    if (cluster != null) {
      roles.categorical(cluster);
    }
    if (fpc != null) {
      roles.numeric(fpc);
    }
    if (weightColumn != null) {
      roles.numeric(weightColumn);
    }
    PrintWriter err = spec.commandLine().getErr();
    Dataset dataset = SurveyFiles.read(input, roles.mapping(input.id), err, "estimate");
    SurveyDesign.Builder builder = SurveyDesign.builder(dataset);
    if (strata != null) {
      builder.strata(strata);
    }
    if (cluster != null) {
      builder.cluster(cluster);
    }
    if (fpc != null) {
      builder.fpc(fpc);
    }
    SurveyDesign design;
    if (weightsFile != null) {
      design = WeightingFiles.withWeights(builder, weightsFile, dataset, err, "estimate");
    } else if (weightColumn != null) {
      design = builder.weights(weightColumn).build();
    } else {
      WeightingResult result = weighting.apply(weighting.startWeights(builder, margins, dataset.rowCount()).build(),
          margins);
      if (!result.report().converged()) {
        spec.commandLine().getErr().println("insight estimate: warning: weighting NOT converged: "
            + result.report().summary());
      }
      design = result.design();
    }
    Estimator estimator = Estimator.of(design).withInterval(method).withLevel(level);
    String finalCategory = category;
    Function<Filter, Estimate> estimate = proportion != null
        ? (finalCategory == null ? d -> estimator.proportion(variable, d)
            : d -> estimator.proportion(variable, finalCategory, d))
        : mean != null ? d -> estimator.mean(variable, d) : d -> estimator.total(variable, d);
        // every estimate is computed before anything is written: a failing subgroup leaves no file
    List<List<String>> rows = new ArrayList<>();
    rows.add(row("(all)", estimate, Filter.all()));
    if (by != null) {
      CategoricalVariable groups = dataset.categorical(by);
      for (Category group : groups.categories()) {
        rows.add(row(group.code(), estimate, Filter.category(by, group.code())));
      }
      noteBlank(groups, design, err);
    }
    try (Outputs outputs = Outputs.begin()) {
      outputs.csv(out, csv -> {
        csv.record("subgroup", "unweighted_n", "weighted_n", "effective_n", "estimate", "se", "ci_low", "ci_high",
            "deff");
        rows.forEach(csv::record);
      });
      outputs.commit();
    }
    return 0;
  }

  /** Respondents with no answer to --by are in (all) but in no subgroup: said, never silently dropped. */
  private void noteBlank(CategoricalVariable groups, SurveyDesign design, PrintWriter err) {
    int blank = 0;
    String first = null;
    for (int row = 0; row < groups.size(); row++) {
      if (design.inSample(row) && groups.categoryIndex(row) == CategoricalVariable.NO_ANSWER) {
        if (blank++ == 0) {
          first = design.data().id(row).value();
        }
      }
    }
    if (blank > 0) {
      err.println("insight estimate: note: " + blank + " respondent" + (blank == 1 ? " has" : "s have")
          + " no answer to --by " + by + " (the first: " + first + "); counted in (all), in no subgroup");
      err.flush();
    }
  }

  private static List<String> row(String subgroup, Function<Filter, Estimate> estimate, Filter domain) {
    Estimate e = estimate.apply(domain);
    return List.of(subgroup, Integer.toString(e.unweightedN()),
        WeightingFiles.number(e.weightedBase()), WeightingFiles.number(e.effectiveBase()),
        WeightingFiles.number(e.value()), WeightingFiles.number(e.standardError()),
        WeightingFiles.number(e.interval().low()), WeightingFiles.number(e.interval().high()),
        WeightingFiles.number(e.designEffect()));
  }
}
