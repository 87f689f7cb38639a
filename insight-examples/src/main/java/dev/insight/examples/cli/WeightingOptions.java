package dev.insight.examples.cli;

import dev.insight.stats.design.CalibrationFunction;
import dev.insight.stats.design.ModelCalibration;
import dev.insight.stats.design.SurveyDesign;
import dev.insight.stats.design.Margin;
import dev.insight.stats.design.MissingPolicy;
import dev.insight.stats.design.PostStratification;
import dev.insight.stats.design.Raking;
import dev.insight.stats.design.Trimming;
import dev.insight.stats.design.WeightingResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The weighting options shared by {@code insight weight}, {@code estimate}, {@code table} and {@code report}. */
final class WeightingOptions {
  @Option(names = "--margins", paramLabel = "M.csv",
      description = "Population targets: a CSV with columns variable,category,target. Targets summing to 1 in "
          + "every margin are shares (the weights then sum to the respondents weighted, or to --population), "
          + "otherwise counts (which must agree on the total).")
  @Nullable Path margins;

  @Option(names = "--population", paramLabel = "N",
      description = "The population total: shares in --margins become counts of it (share x N).")
  @Nullable Double population;

  @Option(names = "--method", paramLabel = "rake|poststratify|linear|calibrate",
      description = "Weighting method: rake (iterative proportional fitting, the default), poststratify (one "
          + "variable), linear (GREG calibration on the margins' main effects) or calibrate (R's calibrate: "
          + "numeric totals, interactions and main effects in --margins, with --calfun; the default when --calfun "
          + "is given).")
  @Nullable String method;

  @Option(names = "--calfun", paramLabel = "linear|raking|logit",
      description = "The calibration's distance function for --method calibrate (R's calfun): linear (GREG, the "
          + "default), raking or logit (needs --bounds).")
  @Nullable String calfun;

  @Option(names = "--base-weight", paramLabel = "COL",
      description = "Column of starting (design) weights. Without it the starting weights are equal and sum to "
          + "the margins' total (to the number of respondents for proportions).")
  @Nullable String baseWeight;

  @Option(names = "--bounds", paramLabel = "LOW,HIGH",
      description = "Bounds on the g-weights (final / starting weight) for --method linear or calibrate, e.g. "
          + "0.3,3 (-Inf or Inf leave a side open).")
  @Nullable String bounds;

  @Option(names = "--bounds-on-weights",
      description = "With --method calibrate: --bounds bound the weights themselves, not the g-weights (R's "
          + "bounds.const = TRUE).")
  boolean boundsOnWeights;

  @Option(names = "--calibration-trim", paramLabel = "LOW,HIGH",
      description = "With --method calibrate: trim the g-weights to LOW,HIGH after calibrating, sharing the weight "
          + "taken off among the others in proportion to their starting weights (R's calibrate trim =).")
  @Nullable String calibrationTrim;

  @Option(names = "--epsilon", paramLabel = "E",
      description = "With --method rake: R's stopping rule (rake control epsilon) instead of --tolerance: stop "
          + "after --max-iterations sweeps or when no cell of the weighted cross-table of the margins moves by E "
          + "(below 1: a share of the weights' total).")
  @Nullable Double epsilon;

  @Option(names = "--trim", paramLabel = "LOW,HIGH",
      description = "After weighting, trim the weights to LOW,HIGH as R's trimWeights: the weight taken off shared "
          + "equally among the weights inside the bounds, in one pass (LOW 0: no lower bound; HIGH Inf: none).")
  @Nullable String trim;

  @Option(names = "--trim-strict",
      description = "With --trim: repeat the pass until every weight is within the bounds (R's strict = TRUE).")
  boolean trimStrict;

  @Option(names = "--max-iterations", paramLabel = "N",
      description = "Iteration limit: raking sweeps (default 1000) or calibration steps (default 50, R's maxit).")
  @Nullable Integer maxIterations;

  @Option(names = "--tolerance", paramLabel = "T", defaultValue = "1e-9",
      description = "Largest relative gap |achieved - target| / target accepted (with --method linear or "
          + "calibrate, R's epsilon: |total - achieved| / (1 + |total|)). Default: ${DEFAULT-VALUE}.")
  double tolerance = 1e-9;

  @Option(names = "--missing", paramLabel = "fail|exclude", defaultValue = "fail",
      description = "A respondent with a missing weighting variable: fail (default) stops with an error naming "
          + "them; exclude leaves them out of the weighted sample (weight 0, left out of the weights file).")
  String missing = "fail";

  @Option(names = "--allow-non-convergence",
      description = "Write the weights even when the targets are not met within the limit (flagged in the report "
          + "and on standard error) instead of failing.")
  boolean allowNonConvergence;

  /**
   * What {@code --margins} holds, read once: margins (rake, poststratify, linear) or the terms of a calibration.
   *
   * @param margins the margins, empty for a calibration
   * @param totals the calibration's terms, or null
   */
  record Targets(List<Margin> margins, @Nullable CalibrationTotals totals) {}

  /** Whether the method is R's calibrate: asked for, or implied by --calfun. */
  boolean calibrate() {
    if (method == null) {
      return calfun != null;
    }
    boolean calibrate = method.strip().equalsIgnoreCase("calibrate");
    if (!calibrate && calfun != null) {
      throw new IllegalArgumentException("--calfun applies to --method calibrate, not " + method);
    }
    return calibrate;
  }

  Targets readTargets() {
    if (margins == null) {
      throw new IllegalArgumentException("--margins is required");
    }
    if (calibrate()) {
      return new Targets(List.of(), CalibrationTotals.read(margins, population));
    }
    return new Targets(WeightingFiles.readMargins(margins, population), null);
  }

  List<Margin> readMargins() {
    if (margins == null) {
      throw new IllegalArgumentException("--margins is required");
    }
    return WeightingFiles.readMargins(margins, population);
  }

  void map(Targets targets, VariableRoles roles) {
    if (targets.totals() != null) {
      targets.totals().categorical().forEach(roles::categorical);
      targets.totals().numeric().forEach(roles::numeric);
      if (baseWeight != null) {
        roles.numeric(baseWeight);
      }
    } else {
      map(targets.margins(), roles);
    }
  }

  void map(List<Margin> targets, VariableRoles roles) {
    for (Margin margin : targets) {
      roles.categorical(margin.variable());
    }
    if (baseWeight != null) {
      roles.numeric(baseWeight);
    }
  }

  MissingPolicy missingPolicy() {
    return switch (missing.toLowerCase(Locale.ROOT)) {
      case "fail" -> MissingPolicy.FAIL;
      case "exclude" -> MissingPolicy.EXCLUDE;
      default -> throw new IllegalArgumentException("--missing must be fail or exclude, not " + missing);
    };
  }

  /** The starting design's weights: the base weight column, or equal weights summing to the population. */
  SurveyDesign.Builder startWeights(SurveyDesign.Builder builder, Targets targets, int respondents) {
    if (baseWeight != null) {
      return builder.weights(baseWeight);
    }
    if (targets.totals() != null) {
      double size = targets.totals().needsPopulationSize() ? population == null ? Double.NaN : population
          : targets.totals().populationSize();
      if (Double.isNaN(size)) {
        throw new IllegalArgumentException("--margins has no term of counts, so the population size is unknown: "
            + "give --population N (R's (Intercept) total)");
      }
      return builder.equalWeights(size);
    }
    return startWeights(builder, targets.margins(), respondents);
  }

  /** The starting design's weights: the base weight column, or equal weights summing to the margins' total. */
  SurveyDesign.Builder startWeights(SurveyDesign.Builder builder, List<Margin> targets, int respondents) {
    if (baseWeight != null) {
      return builder.weights(baseWeight);
    }
    return WeightingFiles.startWeights(builder, targets, respondents);
  }

  WeightingResult apply(SurveyDesign start, Targets targets) {
    return trim(fit(start, targets));
  }

  /** The weighting to the targets, before any --trim. */
  WeightingResult fit(SurveyDesign start, Targets targets) {
    return targets.totals() != null ? calibrate(start, targets.totals()) : apply(start, targets.margins());
  }

  /** The fitted weights trimmed as --trim asks, or as they are without it. */
  WeightingResult trim(WeightingResult result) {
    if (trim == null) {
      if (trimStrict) {
        throw new IllegalArgumentException("--trim-strict applies to --trim");
      }
      return result;
    }
    double[] t = pair("--trim", trim, "0,150");
    Trimming trimming = Trimming.between(t[0], t[1]);
    return (trimStrict ? trimming.strict() : trimming).apply(result.design());
  }

  private WeightingResult calibrate(SurveyDesign start, CalibrationTotals totals) {
    if (epsilon != null) {
      throw new IllegalArgumentException("--epsilon applies to --method rake; for calibrate give --tolerance");
    }
    ModelCalibration calibration = ModelCalibration.of(totals.terms()).withTolerance(checkedTolerance())
        .withMaxIterations(iterations(50)).withMissing(missingPolicy());
    if (calfun != null) {
      calibration = calibration.withFunction(CalibrationFunction.parse(calfun));
    }
    if (bounds != null) {
      double[] b = pair("--bounds", bounds, "0.3,3");
      calibration = calibration.withBounds(b[0], b[1]);
    } else if (boundsOnWeights) {
      throw new IllegalArgumentException("--bounds-on-weights applies to --bounds");
    }
    if (boundsOnWeights) {
      calibration = calibration.withBoundsOnWeights();
    }
    if (calibrationTrim != null) {
      double[] t = pair("--calibration-trim", calibrationTrim, "0.5,2");
      calibration = calibration.withTrim(t[0], t[1]);
    }
    if (population != null && totals.needsPopulationSize()) {
      calibration = calibration.withPopulationSize(population);
    }
    return (allowNonConvergence ? calibration.allowingNonConvergence() : calibration).apply(start);
  }

  private double checkedTolerance() {
    if (!(tolerance > 0)) {
      throw new IllegalArgumentException("--tolerance must be above 0: " + tolerance);
    }
    return tolerance;
  }

  private int iterations(int defaultValue) {
    int value = maxIterations == null ? defaultValue : maxIterations;
    if (value < 1) {
      throw new IllegalArgumentException("--max-iterations must be at least 1: " + value);
    }
    return value;
  }

  /* LOW,HIGH as two numbers; -Inf and Inf allowed. */
  static double[] pair(String option, String text, String example) {
    String[] parts = text.split(",", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException(option + " must be LOW,HIGH, such as " + example + ": " + text);
    }
    double[] out = new double[2];
    for (int i = 0; i < 2; i++) {
      String part = parts[i].strip();
      if (part.equalsIgnoreCase("inf") || part.equalsIgnoreCase("+inf")) {
        out[i] = Double.POSITIVE_INFINITY;
      } else if (part.equalsIgnoreCase("-inf")) {
        out[i] = Double.NEGATIVE_INFINITY;
      } else {
        try {
          out[i] = Double.parseDouble(part);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(option + " must be two numbers LOW,HIGH, such as " + example + ": "
              + text, e);
        }
        if (!Double.isFinite(out[i])) {
          throw new IllegalArgumentException(option + " must be two numbers LOW,HIGH, such as " + example + ": "
              + text);
        }
      }
    }
    if (!(out[0] < out[1])) {
      throw new IllegalArgumentException(option + " " + text + ": LOW must be below HIGH, such as " + example);
    }
    return out;
  }

  WeightingResult apply(SurveyDesign start, List<Margin> targets) {
    String m = method == null ? "rake" : method.toLowerCase(Locale.ROOT).strip();
    if (bounds != null && !m.equals("linear")) {
      throw new IllegalArgumentException("--bounds applies to --method linear or calibrate, not " + m);
    }
    for (String[] option : new String[][] {{"--bounds-on-weights", boundsOnWeights ? "" : null},
        {"--calibration-trim", calibrationTrim}}) {
      if (option[1] != null) {
        throw new IllegalArgumentException(option[0] + " applies to --method calibrate, not " + m);
      }
    }
    if (epsilon != null && !m.equals("rake")) {
      throw new IllegalArgumentException("--epsilon applies to --method rake, not " + m);
    }
    double tol = checkedTolerance();
    MissingPolicy policy = missingPolicy();
    switch (m) {
      case "rake" -> {
        Raking raking = Raking.of(targets).withTolerance(tol).withMaxIterations(iterations(1000))
            .withMissing(policy);
        if (epsilon != null) {
          if (!(epsilon > 0 && Double.isFinite(epsilon))) {
            throw new IllegalArgumentException("--epsilon must be above 0: " + epsilon);
          }
          raking = raking.withRakeControl(iterations(10), epsilon);
        }
        return (allowNonConvergence ? raking.allowingNonConvergence() : raking).apply(start);
      }
      case "poststratify" -> {
        if (targets.size() != 1) {
          throw new IllegalArgumentException("--method poststratify takes the targets of one variable but the "
              + "margins file has " + targets.stream().map(Margin::variable).toList() + "; use --method rake");
        }
        return PostStratification.of(targets.get(0)).withMissing(policy).apply(start);
      }
      case "linear" -> {
        ModelCalibration linear = ModelCalibration.toMargins(targets).withTolerance(tol)
            .withMaxIterations(iterations(1000)).withMissing(policy);
        if (bounds != null) {
          double[] b = pair("--bounds", bounds, "0.3,3");
          linear = linear.withBounds(b[0], b[1]);
        }
        return (allowNonConvergence ? linear.allowingNonConvergence() : linear).apply(start);
      }
      default -> throw new IllegalArgumentException("--method must be rake, poststratify, linear or calibrate, not "
          + method);
    }
  }
}
