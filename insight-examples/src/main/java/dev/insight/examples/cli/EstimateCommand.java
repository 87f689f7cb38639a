package dev.insight.examples.cli;

import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Category;
import dev.insight.core.data.Dataset;
import dev.insight.stats.design.SurveyDesign;
import dev.insight.stats.design.Filter;
import dev.insight.stats.estimate.Difference;
import dev.insight.stats.estimate.Estimate;
import dev.insight.stats.estimate.Estimator;
import dev.insight.stats.estimate.IntervalMethod;
import dev.insight.stats.estimate.Quantity;
import dev.insight.stats.design.WeightingResult;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code insight estimate}: a weighted proportion, mean, total, ratio, variance or quantiles with design-based uncertainty
 * (linearised or replicate), overall, by subgroups and compared between them.
 */
@Command(name = "estimate", mixinStandardHelpOptions = true,
    description = {"Estimates a proportion, mean, total, ratio or variance with its standard error, confidence "
        + "interval, bases and design effect, for the whole sample and each domain of --by (domains keep the whole "
        + "design), and with --compare the difference between every pair of domains with its design-based t test.",
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

  @Option(names = "--ratio", paramLabel = "NUM/DEN",
      description = "The ratio of the weighted totals of two numeric columns (R's svyratio).")
  private @Nullable String ratio;

  @Option(names = "--variance", paramLabel = "VAR",
      description = "The population variance of a numeric column, with its standard error (R's svyvar).")
  private @Nullable String variance;

  @Option(names = "--quantile", paramLabel = "VAR:P1[,P2...]",
      description = "Quantiles of a numeric column at probabilities in (0, 1] (0.5 the median), with Woodruff "
          + "intervals (R 4.x svyquantile defaults; on a replicate design the share's replicate variance); one row "
          + "per domain and probability, subgroup 'DOMAIN @ P'.")
  private @Nullable String quantile;

  @Option(names = "--by", paramLabel = "VAR[,VAR2]", split = ",",
      description = "Also estimate in each domain: each category of VAR, or each combination of categories of "
          + "VAR and VAR2 that has respondents (R's svyby).")
  private List<String> by = new ArrayList<>();

  @Option(names = "--compare",
      description = "Add the difference between every pair of --by domains (first minus second, in category "
          + "order) with its design-based standard error, t, df and p (R's svycontrast and svyttest).")
  private boolean compare;

  @Mixin
  private DesignOptions designOptions = new DesignOptions();

  @Option(names = "--ci", paramLabel = "logit|beta|xlogit|wilson|wald",
      description = "Confidence interval method for a proportion (default logit); means and totals use wald.")
  private @Nullable String ci;

  @Option(names = "--level", paramLabel = "L", defaultValue = "0.95",
      description = "Confidence level. Default: ${DEFAULT-VALUE}.")
  private double level = 0.95;

  @Option(names = "--out", paramLabel = "E.csv",
      description = "Where to write subgroup,unweighted_n,weighted_n,effective_n,estimate,se,ci_low,ci_high,deff,"
          + "df,t,p (see docs/weighting.md); without it the same CSV goes to standard output.")
  private @Nullable Path out;

  @Override
  public Integer call() {
    int sources = (weightsFile == null ? 0 : 1) + (weightColumn == null ? 0 : 1)
        + (weighting.margins == null ? 0 : 1);
    if (sources > 1) {
      throw new IllegalArgumentException("give at most one of --weights, --weight or --margins");
    }
    int quantities = (proportion == null ? 0 : 1) + (mean == null ? 0 : 1) + (total == null ? 0 : 1)
        + (ratio == null ? 0 : 1) + (variance == null ? 0 : 1) + (quantile == null ? 0 : 1);
    if (quantities != 1) {
      throw new IllegalArgumentException("give exactly one of --proportion, --mean, --total, --ratio, "
          + "--variance or --quantile");
    }
    designOptions.validate();
    if (compare && by.isEmpty()) {
      throw new IllegalArgumentException("--compare compares the --by domains: give --by");
    }
    if (compare && variance != null) {
      throw new IllegalArgumentException("--compare compares proportions, means, totals and ratios, not variances");
    }
    if (compare && quantile != null) {
      throw new IllegalArgumentException("--compare compares proportions, means, totals and ratios, not quantiles");
    }
    if (by.size() > 2) {
      throw new IllegalArgumentException("--by takes one or two variables: " + String.join(",", by));
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("--level must be between 0 and 1: " + level);
    }
    IntervalMethod method = ci == null ? (proportion != null ? IntervalMethod.LOGIT : IntervalMethod.WALD)
        : IntervalMethod.parse(ci);
    if (proportion == null && method != IntervalMethod.WALD) {
      throw new IllegalArgumentException("--ci " + ci + " applies to --proportion; means, totals and ratios get "
          + "wald intervals");
    }
    VariableRoles roles = new VariableRoles();
    if (weighting.margins == null) {
      MarginsWeighting.refuseWithoutMargins(spec, weighting);
    }
    WeightingOptions.Targets targets = weighting.margins == null ? null : weighting.readTargets();
    if (targets != null) {
      weighting.map(targets, roles);
    }
    List<Quantity> asked = new ArrayList<>();
    Quantity quantity;
    if (quantile != null) {
      asked.addAll(quantiles("--quantile", quantile));
      quantity = asked.get(0);
      roles.numeric(((Quantity.Quantile) quantity).variable());
    } else if (proportion != null) {
      int eq = proportion.indexOf('=');
      String variable = eq < 0 ? proportion : proportion.substring(0, eq);
      String category = eq < 0 ? null : proportion.substring(eq + 1);
      if (category == null) {
        roles.numeric(variable);
      } else {
        roles.categorical(variable);
      }
      quantity = new Quantity.Proportion(variable, category);
    } else if (ratio != null) {
      int slash = ratio.indexOf('/');
      if (slash <= 0 || slash == ratio.length() - 1) {
        throw new IllegalArgumentException("--ratio " + ratio + ": expected NUMERATOR/DENOMINATOR");
      }
      String numerator = ratio.substring(0, slash);
      String denominator = ratio.substring(slash + 1);
      roles.numeric(numerator);
      roles.numeric(denominator);
      quantity = new Quantity.Ratio(numerator, denominator);
    } else if (variance != null) {
      roles.numeric(variance);
      quantity = new Quantity.Variance(variance);
    } else {
      String variable = mean != null ? mean : total;
      if (mean != null && !MeanColumns.looksNumeric(input, mean)) {
        // read as answers first: a text scale is scored in its known order, or refused (MeanColumns)
        roles.categorical(variable);
      } else {
        roles.numeric(variable);
      }
      quantity = mean != null ? new Quantity.Mean(variable) : new Quantity.Total(variable);
    }
    if (asked.isEmpty()) {
      asked.add(quantity);
    }
    by.forEach(roles::categorical);
    designOptions.categoricalColumns().forEach(roles::categorical);
    List<String> header = SurveyFiles.header(input);
    designOptions.numericColumns(header).forEach(roles::numeric);
    if (weightColumn != null) {
      roles.numeric(weightColumn);
    }
    PrintWriter err = spec.commandLine().getErr();
    Dataset read = SurveyFiles.read(input, roles.mapping(SurveyFiles.id(input)), err, "estimate");
    Dataset dataset = mean == null ? read : MeanColumns.scored(read, List.of(mean), input, "--mean", err,
        "estimate");
    SurveyDesign.Builder builder = designOptions.configure(SurveyDesign.builder(dataset), header);
    SurveyDesign design;
    if (weightsFile != null) {
      design = designOptions.finish(WeightingFiles.withWeights(builder, weightsFile, dataset, err, "estimate"));
    } else if (weightColumn != null) {
      design = designOptions.finish(builder.weights(weightColumn).build());
    } else if (weighting.margins == null) {
      // no weights: every respondent weighs 1, as R's svydesign without weights or probabilities
      if (!designOptions.fpc.isEmpty() || designOptions.repweights != null) {
        throw new IllegalArgumentException((designOptions.repweights != null ? "--repweights" : "--fpc")
            + " without weights: give the full-sample weights with --weight COL (or --weights W.csv)");
      }
      design = designOptions.finish(builder.build());
    } else {
      if (designOptions.repweights != null && weighting.baseWeight == null) {
        throw new IllegalArgumentException("--repweights with --margins needs --base-weight COL: the full-sample "
            + "weights the replicate columns were made with, from which the weighting starts");
      }
      // a replicate design is weighted with its replicates, each to the same targets (R's postStratify, rake and
      // calibrate of an svyrep.design); replicates asked with --replicates are made before the weighting
      WeightingResult result = weighting.apply(
          designOptions.finish(weighting.startWeights(builder, targets, dataset.rowCount()).build()), targets);
      if (!result.report().converged()) {
        spec.commandLine().getErr().println("insight estimate: warning: weighting NOT converged: "
            + result.report().summary());
      }
      design = result.design();
    }
    Estimator estimator = Estimator.of(design).withInterval(method).withLevel(level);
    // every estimate is computed before anything is written: a failing subgroup leaves no file
    List<List<String>> rows = new ArrayList<>();
    for (Quantity q : asked) {
      rows.add(row(label("(all)", q), estimator.estimate(q, Filter.all())));
    }
    List<String> names = new ArrayList<>();
    List<Filter> domains = new ArrayList<>();
    if (!by.isEmpty()) {
      CategoricalVariable first = dataset.categorical(by.get(0));
      for (Category a : first.categories()) {
        Filter fa = Filter.category(by.get(0), a.code());
        if (by.size() == 1) {
          names.add(a.code());
          domains.add(fa);
          continue;
        }
        boolean[] inA = fa.select(dataset);
        for (Category b : dataset.categorical(by.get(1)).categories()) {
          Filter fb = Filter.category(by.get(1), b.code());
          boolean[] inB = fb.select(dataset);
          boolean anyone = false;
          for (int i = 0; i < inA.length && !anyone; i++) {
            anyone = inA[i] && inB[i] && design.inSample(i);
          }
          if (anyone) {
            // combinations nobody is in are left out, as R's svyby does
            names.add(a.code() + " & " + b.code());
            domains.add(new Filter.And(fa, fb));
          }
        }
      }
      for (String variable : by) {
        noteBlank(variable, dataset.categorical(variable), design, err);
      }
    }
    for (int k = 0; k < domains.size(); k++) {
      for (Quantity q : asked) {
        rows.add(row(label(names.get(k), q), estimator.estimate(q, domains.get(k))));
      }
    }
    if (compare) {
      for (int a = 0; a < domains.size(); a++) {
        for (int b = a + 1; b < domains.size(); b++) {
          Difference d = estimator.difference(quantity, domains.get(a), domains.get(b));
          rows.add(List.of(names.get(a) + " - " + names.get(b), Integer.toString(d.unweightedN()), "", "",
              WeightingFiles.number(d.estimate()), WeightingFiles.number(d.standardError()),
              WeightingFiles.number(d.interval().low()), WeightingFiles.number(d.interval().high()), "",
              Integer.toString(d.degreesOfFreedom()), WeightingFiles.number(d.t()),
              WeightingFiles.number(d.pValue())));
        }
      }
    }
    Outputs.Records records = csv -> {
      csv.record("subgroup", "unweighted_n", "weighted_n", "effective_n", "estimate", "se", "ci_low", "ci_high",
          "deff", "df", "t", "p");
      rows.forEach(csv::record);
    };
    if (out == null) {
      try {
        Outputs.csv(spec.commandLine().getOut(), records);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("cannot write to standard output: " + e.getMessage(), e);
      }
      return 0;
    }
    try (Outputs outputs = Outputs.begin()) {
      outputs.csv(out, records);
      outputs.commit();
    }
    return 0;
  }

  /* A quantile's rows are told apart by their probability: "E @ 0.25"; other quantities keep the domain alone. */
  private static String label(String domain, Quantity q) {
    return q instanceof Quantity.Quantile quantile ? domain + " @ " + WeightingFiles.number(quantile.probability())
        : domain;
  }

  /* --quantile VAR:P1[,P2...] as one quantity per probability, in the order given. */
  static List<Quantity.Quantile> quantiles(String option, String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException(option + " " + text + ": expected VAR:P1[,P2...], such as api00:0.25,0.5");
    }
    String variable = text.substring(0, colon);
    List<Quantity.Quantile> out = new ArrayList<>();
    for (String part : text.substring(colon + 1).split(",", -1)) {
      double p;
      try {
        p = Double.parseDouble(part.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " " + text + ": probability '" + part + "' is not a number",
            e);
      }
      if (!(p > 0 && p <= 1)) {
        throw new IllegalArgumentException(option + " " + text + ": probability " + part + " is not in (0, 1]");
      }
      Quantity.Quantile q = new Quantity.Quantile(variable, p);
      if (out.contains(q)) {
        throw new IllegalArgumentException(option + " " + text + ": probability " + part + " is given twice");
      }
      out.add(q);
    }
    return out;
  }

  /** Respondents with no answer to --by are in (all) but in no subgroup: said, never silently dropped. */
  private static void noteBlank(String by, CategoricalVariable groups, SurveyDesign design, PrintWriter err) {
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

  private static List<String> row(String subgroup, Estimate e) {
    return List.of(subgroup, Integer.toString(e.unweightedN()),
        WeightingFiles.number(e.weightedBase()), WeightingFiles.number(e.effectiveBase()),
        WeightingFiles.number(e.value()), WeightingFiles.number(e.standardError()),
        WeightingFiles.number(e.interval().low()), WeightingFiles.number(e.interval().high()),
        WeightingFiles.number(e.designEffect()), Integer.toString(e.degreesOfFreedom()), "", "");
  }
}
