package dev.insight.examples.cli;

import dev.insight.stats.design.Margin;
import dev.insight.stats.design.WeightingReport;
import dev.insight.stats.design.WeightingResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What weighting to {@code --margins} did, in words, from the options that asked for it and the results: the table's
 * notes and the report's methods text say the same thing.
 *
 * @param method how the weights were made, as a participle: {@code "calibrated (R's calibrate) with the raking
 *     distance, the g-weights (final over starting weight) bounded to between 0.5 and 2"}
 * @param start what the weighting started from: {@code "starting from the weights in column pw"}
 * @param trimming how the weights were trimmed after it, as a clause after "then": {@code "trimmed to between 28
 *     and 50 (R's trimWeights ...)"}, or empty without {@code --trim}
 * @param variables the weighting variables, in the order of the margins file
 * @param fitted the report of the weighting to the targets (before any trimming)
 * @param result the final weights and their report (the trimming's when trimmed)
 */
record WeightingDescription(String method, String start, String trimming, List<String> variables,
    WeightingReport fitted, WeightingResult result) {

  /** The weighting asked for by these options, fitted and (with --trim) trimmed. */
  static WeightingDescription of(WeightingOptions options, WeightingOptions.Targets targets,
      WeightingResult fitted, WeightingResult result) {
    Set<String> variables = new LinkedHashSet<>();
    if (targets.totals() != null) {
      targets.totals().terms().forEach(t -> variables.addAll(t.variables()));
    } else {
      targets.margins().stream().map(Margin::variable).forEach(variables::add);
    }
    String start = options.baseWeight == null ? "starting from equal weights"
        : "starting from the weights in column " + options.baseWeight;
    return new WeightingDescription(method(options, targets), start, trimming(options, result.report()),
        List.copyOf(variables), fitted.report(), result);
  }

  private static String method(WeightingOptions options, WeightingOptions.Targets targets) {
    List<String> parts = new ArrayList<>();
    if (targets.totals() != null) {
      parts.add("calibrated (R's calibrate) with the "
          + (options.calfun == null ? "linear" : options.calfun.strip().toLowerCase(Locale.ROOT)) + " distance");
      if (options.bounds != null) {
        double[] b = WeightingOptions.pair("--bounds", options.bounds, "0.3,3");
        parts.add((options.boundsOnWeights ? "the weights" : "the g-weights (final over starting weight)")
            + " bounded to " + range(b[0], b[1]));
      }
      if (options.calibrationTrim != null) {
        double[] t = WeightingOptions.pair("--calibration-trim", options.calibrationTrim, "0.5,2");
        parts.add("the g-weights then trimmed to " + range(t[0], t[1]) + " (R's calibrate trim)");
      }
      return String.join(", ", parts);
    }
    String method = options.method == null ? "rake" : options.method.strip().toLowerCase(Locale.ROOT);
    return switch (method) {
      case "poststratify" -> "post-stratified";
      case "linear" -> "calibrated linearly (GREG)" + (options.bounds == null ? ""
          : ", the g-weights bounded to " + range(WeightingOptions.pair("--bounds", options.bounds, "0.3,3")[0],
              WeightingOptions.pair("--bounds", options.bounds, "0.3,3")[1]));
      default -> "raked (iterative proportional fitting)";
    };
  }

  private static String trimming(WeightingOptions options, WeightingReport trimmed) {
    if (options.trim == null) {
      return "";
    }
    double[] t = WeightingOptions.pair("--trim", options.trim, "0,150");
    // one pass shares the weight taken off among the others, which can take one past a bound again: said
    boolean outside = trimmed.minWeight() < t[0] || trimmed.maxWeight() > t[1];
    return "trimmed to " + range(t[0], t[1]) + " (R's trimWeights: the weight taken off shared equally among the "
        + "weights inside the bounds, " + (options.trimStrict ? "repeated until every weight is within them"
        : "in one pass") + ")" + (outside ? String.format(Locale.ROOT, ", which left the weights between %.4g and "
        + "%.4g", trimmed.minWeight(), trimmed.maxWeight()) : "");
  }

  /** The trimming as a sentence of the methods text, or empty without it. */
  String trimmingSentence() {
    return trimming.isEmpty() ? "" : "The weights were then " + trimming + ", so the weighted sample need not meet "
        + "every target exactly.";
  }

  /** {@code between 0.5 and 2}, {@code at most 50}, {@code at least 0.3}. */
  static String range(double low, double high) {
    if (Double.isInfinite(high)) {
      return "at least " + number(low);
    }
    if (low <= 0) {
      return "at most " + number(high);
    }
    return "between " + number(low) + " and " + number(high);
  }

  private static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** The notes of a table weighted this way: what was done, then the weighting's (and trimming's) report. */
  List<String> notes(String margins, @Nullable String design) {
    List<String> notes = new ArrayList<>();
    notes.add("Weights: weighted to " + margins + ": " + method + ", " + start + (trimming.isEmpty() ? ""
        : "; then " + trimming)
        + "; variances, letters and Rao-Scott tests account for the weighting"
        + (design == null ? "" : "; design: " + design));
    notes.add("Weighting report: " + fitted.summary());
    if (!trimming.isEmpty()) {
      notes.add("Trimming report: " + result.report().summary());
    }
    return notes;
  }
}
