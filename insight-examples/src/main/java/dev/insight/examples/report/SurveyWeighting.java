package dev.insight.examples.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.data.Dataset;
import dev.insight.stats.design.Margin;
import dev.insight.stats.design.Raking;
import dev.insight.stats.design.SurveyDesign;
import dev.insight.stats.design.WeightingReport;
import dev.insight.stats.design.WeightingResult;
import java.util.List;

/**
 * How a report's survey was weighted: the weighted design every figure comes from, and what was done in words, so
 * the methods text says what weighting was actually done (raking, post-stratification, calibration with its distance
 * and bounds, trimming and its limits).
 *
 * @param result the final weights, on the survey's data, and their report (the trimming's when trimmed)
 * @param fitted the report of the weighting to the targets, before any trimming (the result's own without it)
 * @param method how the weights were made, as a participle, for example {@code "raked (iterative proportional
 *     fitting)"} or {@code "calibrated (R's calibrate) with the raking distance, the g-weights (final over starting
 *     weight) bounded to between 0.5 and 2"}
 * @param start what the weighting started from, for example {@code "starting from equal weights"}
 * @param trimming how the weights were then trimmed, as a clause after "then", for example {@code "trimmed to
 *     between 28 and 50 (R's trimWeights ...)"}; empty when they were not
 * @param variables the weighting variables, at least one
 */
public record SurveyWeighting(WeightingResult result, WeightingReport fitted, String method, String start,
    String trimming, List<String> variables) {
  /**
   * Validates the parts.
   *
   * @param result the final weights and their report
   * @param fitted the report of the weighting to the targets, before any trimming
   * @param method how the weights were made, as a participle
   * @param start what the weighting started from
   * @param trimming how the weights were then trimmed, or empty
   * @param variables the weighting variables, at least one
   */
  public SurveyWeighting {
    checkNotNull(result, "result");
    checkNotNull(fitted, "fitted");
    checkArgument(!checkNotNull(method, "method").isBlank(), "the weighting method cannot be blank");
    checkNotNull(start, "start");
    checkNotNull(trimming, "trimming");
    variables = List.copyOf(variables);
    checkArgument(!variables.isEmpty(), "a survey report needs at least one weighting variable");
  }

  /**
   * Raking to margins from equal weights summing to the margins' total (the report's default weighting).
   *
   * @param survey the survey data
   * @param margins the population targets, as counts
   * @return the weighting
   * @throws IllegalArgumentException when there is no margin
   */
  public static SurveyWeighting raked(Dataset survey, List<Margin> margins) {
    checkArgument(!margins.isEmpty(), "a survey report needs at least one weighting margin");
    SurveyDesign start = SurveyDesign.builder(survey).equalWeights(margins.get(0).total()).build();
    WeightingResult raked = Raking.of(margins).withTolerance(1e-9).apply(start);
    return new SurveyWeighting(raked, raked.report(), "raked (iterative proportional fitting)",
        "starting from equal weights", "", margins.stream().map(Margin::variable).distinct().toList());
  }

  /**
   * The weighting steps in the order they were done, each with its report: the weighting to the targets, then the
   * trimming when the weights were trimmed (whose report is the final weights').
   *
   * @return one or two reports, the last the final weights'
   */
  public List<WeightingReport> steps() {
    return trimming.isEmpty() ? List.of(result.report()) : List.of(fitted, result.report());
  }

  /**
   * The trimming as a sentence of the methods text.
   *
   * @return the sentence, or empty when the weights were not trimmed
   */
  public String trimmingSentence() {
    return trimming.isEmpty() ? "" : "The weights were then " + trimming + ", so the weighted sample need not meet "
        + "every target exactly.";
  }
}
