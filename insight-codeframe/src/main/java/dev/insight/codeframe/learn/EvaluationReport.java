package dev.insight.codeframe.learn;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Locale;

/**
 * The cross-validated quality of a learned coder on a coded file.
 *
 * @param mode multi-label or single-label
 * @param comments how many coded comments
 * @param folds the number of folds
 * @param seed the seed of the fold assignment
 * @param stratification how folds were stratified, in words
 * @param model what was cross-validated: features, classifier, calibration and thresholds, in words (empty when
 *     the predictions were scored without saying)
 * @param microPrecision precision over all (comment, code) decisions
 * @param microRecall recall over all decisions
 * @param microF1 F1 over all decisions (for single-label: equals accuracy)
 * @param macroF1 the mean of per-code F1 over codes present (support above 0)
 * @param codesPresent how many codes the macro average is over
 * @param exactMatch the share of comments whose code set was exactly right (single-label: accuracy)
 * @param hammingLoss the share of (comment, code) decisions that were wrong
 * @param perCode the metrics of every code, in code order, with support
 * @param coverage the coverage-versus-precision curve for the abstention threshold, coverage 10% to 100%
 * @param seconds the wall-clock time of the whole cross-validation
 */
public record EvaluationReport(LabelMode mode, int comments, int folds, long seed, String stratification,
    String model, double microPrecision, double microRecall, double microF1, double macroF1, int codesPresent, double exactMatch,
    double hammingLoss, List<CodeMetrics> perCode, List<CoveragePoint> coverage, double seconds) {

  /**
   * Validates and copies the lists.
   *
   * @param mode multi-label or single-label
   * @param comments how many coded comments
   * @param folds the number of folds
   * @param seed the seed of the fold assignment
   * @param stratification how folds were stratified, in words
   * @param model what was cross-validated: features, classifier, calibration and thresholds, in words (empty when the predictions were scored without saying)
   * @param microPrecision precision over all (comment, code) decisions
   * @param microRecall recall over all decisions
   * @param microF1 F1 over all decisions (for single-label: equals accuracy)
   * @param macroF1 the mean of per-code F1 over codes present (support above 0)
   * @param codesPresent how many codes the macro average is over
   * @param exactMatch the share of comments whose code set was exactly right (single-label: accuracy)
   * @param hammingLoss the share of (comment, code) decisions that were wrong
   * @param perCode the metrics of every code, in code order, with support
   * @param coverage the coverage-versus-precision curve for the abstention threshold, coverage 10% to 100%
   * @param seconds the wall-clock time of the whole cross-validation
   */
  public EvaluationReport {
    checkNotNull(mode, "mode");
    checkNotNull(stratification, "stratification");
    checkNotNull(model, "model");
    perCode = List.copyOf(perCode);
    coverage = List.copyOf(coverage);
  }

  /**
   * This report saying what model it is of.
   *
   * @param description the model, in words
   * @return a new report
   */
  public EvaluationReport describing(String description) {
    return new EvaluationReport(mode, comments, folds, seed, stratification, description, microPrecision,
        microRecall, microF1, macroF1, codesPresent, exactMatch, hammingLoss, perCode, coverage, seconds);
  }

  /**
   * The accuracy of a single-label coder (the exact match rate).
   *
   * @return the share of comments given the right code
   */
  public double accuracy() {
    return exactMatch;
  }

  /**
   * The report as JSON (pretty-printed; field names as the record components).
   *
   * @return the JSON text
   */
  public String toJson() {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report as JSON: " + e.getMessage(), e);
    }
  }

  /**
   * The report as a plain-text table for people.
   *
   * @return the table
   */
  public String toTable() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%d-fold cross-validation of %d comments (%s, seed %d; %s), %.1f s%n",
        folds, comments, mode == LabelMode.MULTI_LABEL ? "multi-label" : "single-label", seed, stratification,
        seconds));
    if (!model.isEmpty()) {
      out.append("model: ").append(model).append(System.lineSeparator());
    }
    if (mode == LabelMode.MULTI_LABEL) {
      out.append(String.format(Locale.ROOT, "micro precision %.3f  recall %.3f  F1 %.3f%n", microPrecision,
          microRecall, microF1));
      out.append(String.format(Locale.ROOT, "macro F1 %.3f over the %d codes present%n", macroF1, codesPresent));
      out.append(String.format(Locale.ROOT, "exact match %.3f  Hamming loss %.4f%n", exactMatch, hammingLoss));
    } else {
      out.append(String.format(Locale.ROOT, "accuracy %.3f  macro F1 %.3f over the %d codes present%n",
          exactMatch, macroF1, codesPresent));
    }
    out.append(String.format(Locale.ROOT, "%n%-50s %7s %7s %9s %7s %7s%n", "code", "support", "given", "precision",
        "recall", "F1"));
    for (CodeMetrics m : perCode) {
      String name = m.code().length() > 50 ? m.code().substring(0, 47) + "..." : m.code();
      out.append(String.format(Locale.ROOT, "%-50s %7d %7d %9.3f %7.3f %7.3f%n", name, m.support(), m.predicted(),
          m.precision(), m.recall(), m.f1()));
    }
    out.append(String.format(Locale.ROOT, "%n%8s %8s %11s %9s %9s %8s %8s%n", "coverage", "comments",
        "confidence", "precision", "expected", "micro F1", "exact"));
    for (CoveragePoint p : coverage) {
      out.append(String.format(Locale.ROOT, "%7.0f%% %8d %11.4f %9.3f %9.3f %8.3f %8.3f%n", 100 * p.coverage(),
          p.comments(), p.confidenceThreshold(), p.precision(), p.expectedPrecision(), p.microF1(),
          p.exactMatch()));
    }
    return out.toString();
  }
}
