package dev.insight.examples.cli;

import dev.insight.stats.design.SurveyDesign;
import dev.insight.stats.design.LinearCalibration;
import dev.insight.stats.design.Margin;
import dev.insight.stats.design.MissingPolicy;
import dev.insight.stats.design.PostStratification;
import dev.insight.stats.design.Raking;
import dev.insight.stats.design.WeightingResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The weighting options shared by {@code insight weight} and {@code insight estimate}. */
final class WeightingOptions {
  @Option(names = "--margins", paramLabel = "M.csv",
      description = "Population targets: a CSV with columns variable,category,target. Targets summing to 1 in "
          + "every margin are shares (the weights then sum to the respondents weighted, or to --population), "
          + "otherwise counts (which must agree on the total).")
  @Nullable Path margins;

  @Option(names = "--population", paramLabel = "N",
      description = "The population total: shares in --margins become counts of it (share x N).")
  @Nullable Double population;

  @Option(names = "--method", paramLabel = "rake|poststratify|linear", defaultValue = "rake",
      description = "Weighting method: rake (iterative proportional fitting), poststratify (one variable) or "
          + "linear (GREG calibration on the margins' main effects). Default: ${DEFAULT-VALUE}.")
  String method = "rake";

  @Option(names = "--base-weight", paramLabel = "COL",
      description = "Column of starting (design) weights. Without it the starting weights are equal and sum to "
          + "the margins' total (to the number of respondents for proportions).")
  @Nullable String baseWeight;

  @Option(names = "--bounds", paramLabel = "LOW,HIGH",
      description = "Bounds on the g-weights (final / starting weight) for --method linear, e.g. 0.3,3.")
  @Nullable String bounds;

  @Option(names = "--max-iterations", paramLabel = "N", defaultValue = "1000",
      description = "Iteration limit (raking sweeps or calibration steps). Default: ${DEFAULT-VALUE}.")
  int maxIterations = 1000;

  @Option(names = "--tolerance", paramLabel = "T", defaultValue = "1e-9",
      description = "Largest relative gap |achieved - target| / target accepted. Default: ${DEFAULT-VALUE}.")
  double tolerance = 1e-9;

  @Option(names = "--missing", paramLabel = "fail|exclude", defaultValue = "fail",
      description = "A respondent with a missing weighting variable: fail (default) stops with an error naming "
          + "them; exclude leaves them out of the weighted sample (weight 0, left out of the weights file).")
  String missing = "fail";

  @Option(names = "--allow-non-convergence",
      description = "Write the weights even when the targets are not met within the limit (flagged in the report "
          + "and on standard error) instead of failing.")
  boolean allowNonConvergence;

  List<Margin> readMargins() {
    if (margins == null) {
      throw new IllegalArgumentException("--margins is required");
    }
    return WeightingFiles.readMargins(margins, population);
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

  /** The starting design's weights: the base weight column, or equal weights summing to the margins' total. */
  SurveyDesign.Builder startWeights(SurveyDesign.Builder builder, List<Margin> targets, int respondents) {
    if (baseWeight != null) {
      return builder.weights(baseWeight);
    }
    return WeightingFiles.startWeights(builder, targets, respondents);
  }

  WeightingResult apply(SurveyDesign start, List<Margin> targets) {
    String m = method.toLowerCase(Locale.ROOT);
    if (bounds != null && !m.equals("linear")) {
      throw new IllegalArgumentException("--bounds applies to --method linear only, not " + method);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("--max-iterations must be at least 1: " + maxIterations);
    }
    if (!(tolerance > 0)) {
      throw new IllegalArgumentException("--tolerance must be above 0: " + tolerance);
    }
    MissingPolicy policy = missingPolicy();
    switch (m) {
      case "rake" -> {
        Raking raking = Raking.of(targets).withTolerance(tolerance).withMaxIterations(maxIterations)
            .withMissing(policy);
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
        LinearCalibration linear = LinearCalibration.of(targets).withTolerance(tolerance)
            .withMaxIterations(maxIterations).withMissing(policy);
        if (bounds != null) {
          String[] parts = bounds.split(",");
          if (parts.length != 2) {
            throw new IllegalArgumentException("--bounds must be LOW,HIGH, such as 0.3,3: " + bounds);
          }
          try {
            linear = linear.withBounds(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--bounds must be two numbers LOW,HIGH, such as 0.3,3: " + bounds, e);
          }
        }
        return (allowNonConvergence ? linear.allowingNonConvergence() : linear).apply(start);
      }
      default -> throw new IllegalArgumentException("--method must be rake, poststratify or linear, not " + method);
    }
  }
}
