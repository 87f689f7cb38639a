package dev.insight.examples.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.codeframe.Code;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.agreement.Agreement;
import dev.insight.codeframe.agreement.AgreementReport;
import dev.insight.codeframe.agreement.CodeAgreement;
import dev.insight.codeframe.coding.Assignment;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.Provenance;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.codeframe.learn.CodeMetrics;
import dev.insight.codeframe.learn.CoveragePoint;
import dev.insight.codeframe.learn.EvaluationReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What a reader needs to trust comments coded by a machine, for the report's appendix: how many comments the machine
 * (rules or a learned model) coded, per code how many were coded by a person, by rules and by a model, the precision
 * and recall that cross-validation measured at that coverage, how the machine agreed with a person on a sample the
 * person checked (kappa pooled and per code), and the codes the machine never assigned.
 *
 * <p>Build it from the coded files with {@link #of}: every figure is derived from the provenance of the assignments;
 * what was not measured (no cross-validation report, no checked sample) is NaN or null and the appendix says so.
 *
 * @param comments the comments in the survey
 * @param codedByMachine how many of them rules or a model coded (the rest were coded by a person or not at all)
 * @param byCode per codable code, how many comments a person, rules and a model gave it, in the frame's order
 * @param validatedCoverage the coverage of the cross-validation point the expected figures are read at, in (0, 1];
 *     NaN when no cross-validation report was given
 * @param expectedPrecision the precision cross-validation measured at that coverage, in [0, 1]; NaN when unknown
 * @param expectedRecall the recall cross-validation measured on the comments coded at that coverage, in [0, 1];
 *     NaN when unknown
 * @param check agreement between the person (first coding) and the machine (second) on the checked sample, or null
 *     when no sample was checked
 * @param neverAssigned the labels of codes the machine never assigned
 */
public record MachineCoding(int comments, int codedByMachine, List<CodeCount> byCode, double validatedCoverage,
    double expectedPrecision, double expectedRecall, @Nullable AgreementReport check, List<String> neverAssigned) {

  /**
   * How many comments were given one code, by kind of coder.
   *
   * @param code the code's id
   * @param label the code's label
   * @param by the counts by person, rules and model
   */
  public record CodeCount(String code, String label, Coding.SourceCounts by) {
    /**
     * Validates the fields.
     *
     * @param code the code's id
     * @param label the code's label
     * @param by the counts
     */
    public CodeCount {
      checkNotNull(code, "code");
      checkNotNull(label, "label");
      checkNotNull(by, "by");
    }
  }

  /**
   * Validates the counts and shares.
   *
   * @param comments the comments in the survey
   * @param codedByMachine how many the machine coded
   * @param byCode per code, how many by person, rules and model
   * @param validatedCoverage the cross-validated coverage the expected figures are read at, or NaN
   * @param expectedPrecision the expected precision, or NaN
   * @param expectedRecall the expected recall, or NaN
   * @param check the agreement on a checked sample, or null
   * @param neverAssigned codes the machine never assigned
   */
  public MachineCoding {
    checkArgument(comments >= 0 && codedByMachine >= 0 && codedByMachine <= comments,
        "machine coding: %s of %s comments coded by machine", codedByMachine, comments);
    checkArgument(Double.isNaN(validatedCoverage) || validatedCoverage > 0 && validatedCoverage <= 1,
        "validated coverage out of (0, 1]: %s", validatedCoverage);
    checkArgument(Double.isNaN(expectedPrecision) || expectedPrecision >= 0 && expectedPrecision <= 1,
        "expected precision out of [0, 1]: %s", expectedPrecision);
    checkArgument(Double.isNaN(expectedRecall) || expectedRecall >= 0 && expectedRecall <= 1,
        "expected recall out of [0, 1]: %s", expectedRecall);
    byCode = List.copyOf(byCode);
    neverAssigned = List.copyOf(neverAssigned);
  }

  /**
   * The appendix's figures from what the user has.
   *
   * @param coding the comments' coding (every coded file combined), with the provenance of each assignment
   * @param comments the number of comments in the survey (non-blank answers to the open question)
   * @param validation the learned model's cross-validation report ({@code insight code learn --report}), or null
   * @param checked a person's coding of some of the machine-coded comments, or null
   * @return the figures
   * @throws IllegalArgumentException when the checked sample has comments the machine did not code, or the
   *     cross-validation report is of codes not in the coding's codeframe (the message names them)
   */
  public static MachineCoding of(Coding coding, int comments, @Nullable EvaluationReport validation,
      @Nullable Coding checked) {
    checkNotNull(coding, "coding");
    List<UnitId> machineUnits = coding.units().stream().filter(u -> byMachine(coding.assignments(u))).toList();
    List<CodeCount> byCode = new ArrayList<>();
    List<String> never = new ArrayList<>();
    for (Map.Entry<CodeId, Coding.SourceCounts> e : coding.countsBySource().entrySet()) {
      Code code = coding.codeframe().code(e.getKey());
      byCode.add(new CodeCount(code.id().value(), code.label(), e.getValue()));
      if (e.getValue().rule() + e.getValue().model() == 0) {
        never.add(code.label());
      }
    }
    double coverage = comments == 0 ? Double.NaN : (double) machineUnits.size() / comments;
    double validatedCoverage = Double.NaN;
    double precision = Double.NaN;
    double recall = Double.NaN;
    if (validation != null) {
      checkCodes(validation, coding);
      CoveragePoint point = pointAt(validation.coverage(), coverage);
      if (point != null) {
        validatedCoverage = point.coverage();
        precision = point.precision();
        recall = recall(point.precision(), point.microF1());
      }
    }
    AgreementReport check = null;
    if (checked != null) {
      Set<UnitId> machine = Set.copyOf(machineUnits);
      List<String> outside = checked.units().stream().filter(u -> !machine.contains(u)).map(UnitId::value)
          .toList();
      checkArgument(outside.isEmpty(), "%s of the %s checked comments were not coded by the machine in the coded "
          + "files (%s): a checked sample compares a person with the machine on comments the machine coded",
          outside.size(), checked.units().size(), examples(outside));
      Coding.Builder sample = Coding.builder(coding.codeframe());
      for (UnitId unit : checked.units()) {
        sample.unit(unit);
        coding.assignments(unit).forEach(sample::add);
      }
      check = Agreement.between(checked, sample.build());
    }
    return new MachineCoding(comments, machineUnits.size(), byCode, validatedCoverage, precision, recall, check,
        never);
  }

  /** A unit is coded by the machine when it has codes and none of them came from a person. */
  private static boolean byMachine(List<Assignment> assignments) {
    return !assignments.isEmpty() && assignments.stream().noneMatch(a -> a.provenance() instanceof Provenance.Human);
  }

  private static void checkCodes(EvaluationReport validation, Coding coding) {
    Set<String> unknown = new TreeSet<>();
    for (CodeMetrics m : validation.perCode()) {
      if (!coding.codeframe().contains(CodeId.of(m.code()))) {
        unknown.add(m.code());
      }
    }
    checkArgument(unknown.isEmpty(), "the cross-validation report is of another codeframe: its codes %s are not in "
        + "codeframe %s", examples(List.copyOf(unknown)), coding.codeframe().name());
  }

  /**
   * The cross-validated point at the smallest coverage that is at least the coverage used: precision falls as
   * coverage rises, so this is the cautious reading between two points.
   */
  private static @Nullable CoveragePoint pointAt(List<CoveragePoint> curve, double coverage) {
    if (Double.isNaN(coverage)) {
      return null;
    }
    return curve.stream().filter(p -> p.coverage() >= coverage - 1e-9)
        .min(Comparator.comparingDouble(CoveragePoint::coverage))
        .orElse(curve.stream().max(Comparator.comparingDouble(CoveragePoint::coverage)).orElse(null));
  }

  /** Recall from precision and F1 (F1 = 2PR / (P + R)). */
  static double recall(double precision, double f1) {
    double denominator = 2 * precision - f1;
    if (Double.isNaN(precision) || Double.isNaN(f1) || f1 == 0 || denominator <= 0) {
      return f1 == 0 && precision > 0 ? 0 : Double.NaN;
    }
    return Math.min(1, f1 * precision / denominator);
  }

  private static String examples(List<String> values) {
    return values.size() <= 5 ? String.join(", ", values)
        : String.join(", ", values.subList(0, 5)) + " and " + (values.size() - 5) + " more";
  }

  /**
   * The share of comments the machine coded.
   *
   * @return in [0, 1]; NaN without comments
   */
  public double coverage() {
    return comments == 0 ? Double.NaN : (double) codedByMachine / comments;
  }

  /** The appendix's model: the figures with their shares formatted. */
  ReportModel.MachineCodingAppendix appendix() {
    List<List<String>> agreement = new ArrayList<>();
    if (check != null) {
      for (CodeAgreement code : check.codes()) {
        agreement.add(List.of(code.label(), String.valueOf(code.both() + code.onlyFirst() + code.onlySecond()
            + code.neither()), String.valueOf(code.both()), String.valueOf(code.onlyFirst()),
            String.valueOf(code.onlySecond()), share(code.percentAgreement()), decimal(code.kappa())));
      }
    }
    return new ReportModel.MachineCodingAppendix(this, share(coverage()),
        Double.isNaN(validatedCoverage) ? null : share(validatedCoverage), share(expectedPrecision),
        share(expectedRecall), check == null ? null : decimal(check.kappa()),
        check == null ? null : share(check.exactMatch()), check == null ? 0 : check.unitsCompared(), agreement);
  }

  private static String share(double value) {
    return Double.isNaN(value) ? "not known" : BarChart.percent(value, 0);
  }

  private static String decimal(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
  }
}
