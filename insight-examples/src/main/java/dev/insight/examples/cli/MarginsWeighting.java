package dev.insight.examples.cli;

import dev.insight.stats.design.Margin;
import dev.insight.stats.design.SurveyDesign;
import dev.insight.stats.design.WeightingResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Weighting to {@code --margins} ({@link WeightingOptions}) in a command that may take its weights otherwise
 * ({@code insight table}, {@code insight report}): which variables the targets need, and the weighting with its
 * description. An option of the weighting given without {@code --margins} is an error, never ignored.
 */
final class MarginsWeighting {
  private MarginsWeighting() {}

  /**
   * The targets of {@code --margins}, read once, or null without it.
   *
   * @param spec the command, for the options given on its command line
   * @param options its weighting options
   * @param otherWeights whether the weights come from elsewhere (a file, a column, or none)
   * @param others the other ways of giving weights, for the message when none or two are given
   */
  static WeightingOptions.@Nullable Targets targets(CommandSpec spec, WeightingOptions options,
      boolean otherWeights, String others) {
    if (options.margins != null && otherWeights) {
      throw new IllegalArgumentException("give one of " + others + " or --margins, not two (to weight to --margins "
          + "from the weights of a column, give it as --base-weight COL)");
    }
    if (options.margins == null) {
      refuseWithoutMargins(spec, options);
      if (!otherWeights) {
        throw new IllegalArgumentException("give one of " + others + " or --margins");
      }
      return null;
    }
    return options.readTargets();
  }

  /**
   * Refuses an option of the weighting given without {@code --margins}: it would change nothing, and saying so is
   * better than ignoring it.
   *
   * @param spec the command, for the options given on its command line
   * @param options its weighting options, without {@code --margins}
   */
  static void refuseWithoutMargins(CommandSpec spec, WeightingOptions options) {
    ParseResult parsed = spec.commandLine().getParseResult();
    for (CommandSpec mixin : spec.mixins().values()) {
      if (mixin.userObject() != options) {
        continue;
      }
      for (OptionSpec option : mixin.options()) {
        if (parsed.hasMatchedOption(option)) {
          throw new IllegalArgumentException(option.longestName() + " applies to weighting to --margins; give "
              + "--margins M.csv, or leave " + option.longestName() + " out");
        }
      }
    }
  }

  /** The targets' categorical variables (margins, or the categorical variables of calibration terms). */
  static List<String> categorical(WeightingOptions.@Nullable Targets targets) {
    if (targets == null) {
      return List.of();
    }
    return targets.totals() != null ? targets.totals().categorical()
        : targets.margins().stream().map(Margin::variable).distinct().toList();
  }

  /** The targets' numeric variables (of calibration terms) and the base weight column. */
  static List<String> numeric(WeightingOptions.@Nullable Targets targets, WeightingOptions options) {
    List<String> columns = new ArrayList<>();
    if (targets != null && targets.totals() != null) {
      columns.addAll(targets.totals().numeric());
    }
    if (targets != null && options.baseWeight != null) {
      columns.add(options.baseWeight);
    }
    return columns;
  }

  /**
   * Weights the design to the targets, then trims as asked; a weighting that did not converge (allowed by
   * {@code --allow-non-convergence}) is said on standard error.
   */
  static WeightingDescription weigh(WeightingOptions options, WeightingOptions.Targets targets, SurveyDesign start,
      PrintWriter err, String command) {
    WeightingResult fitted = options.fit(start, targets);
    WeightingResult result = options.trim(fitted);
    if (!fitted.report().converged()) {
      err.println("insight " + command + ": warning: weighting NOT converged: " + fitted.report().summary());
      err.flush();
    }
    return WeightingDescription.of(options, targets, fitted, result);
  }
}
