package dev.insight.examples.report;

import static com.google.common.base.Preconditions.checkArgument;

import dev.insight.codeframe.agreement.AgreementReport;
import dev.insight.codeframe.agreement.CodeAgreement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a reader needs to trust comments coded by a machine, for the report's appendix: how many comments the machine
 * coded (the rest were left for a person), the precision and recall that cross-validation expects at that coverage,
 * how the machine agreed with a person on a sample the person checked (kappa pooled and per code), and the codes the
 * machine never assigned.
 *
 * @param comments the comments in the survey
 * @param codedByMachine how many of them the machine coded (it abstains on the rest, which a person codes)
 * @param expectedPrecision the precision cross-validation expects at this coverage, in [0, 1]; NaN when unknown
 * @param expectedRecall the recall cross-validation expects at this coverage, in [0, 1]; NaN when unknown
 * @param check agreement between the person (first coding) and the machine (second) on the checked sample, or null
 *     when no sample was checked
 * @param neverAssigned the labels of codes the machine never assigned
 */
public record MachineCoding(int comments, int codedByMachine, double expectedPrecision, double expectedRecall,
    @Nullable AgreementReport check, List<String> neverAssigned) {
  /**
   * Validates the counts and shares.
   *
   * @param comments the comments in the survey
   * @param codedByMachine how many the machine coded
   * @param expectedPrecision the expected precision, or NaN
   * @param expectedRecall the expected recall, or NaN
   * @param check the agreement on a checked sample, or null
   * @param neverAssigned codes the machine never assigned
   */
  public MachineCoding {
    checkArgument(comments >= 0 && codedByMachine >= 0 && codedByMachine <= comments,
        "machine coding: %s of %s comments coded by machine", codedByMachine, comments);
    checkArgument(Double.isNaN(expectedPrecision) || expectedPrecision >= 0 && expectedPrecision <= 1,
        "expected precision out of [0, 1]: %s", expectedPrecision);
    checkArgument(Double.isNaN(expectedRecall) || expectedRecall >= 0 && expectedRecall <= 1,
        "expected recall out of [0, 1]: %s", expectedRecall);
    neverAssigned = List.copyOf(neverAssigned);
  }

  /**
   * The share of comments the machine coded.
   *
   * @return in [0, 1]; NaN without comments
   */
  public double coverage() {
    return comments == 0 ? Double.NaN : (double) codedByMachine / comments;
  }

  /** The appendix. */
  Html appendix() {
    Html html = new Html();
    html.element("p", String.format(Locale.ROOT, "A learned model coded %d of the %d comments (%s); it abstained on "
        + "the other %d, which a person coded. These are the figures a reader needs to judge how far the machine's "
        + "coding can be trusted.", codedByMachine, comments, share(coverage()), comments - codedByMachine),
        "class", "lead");
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("Comments", String.valueOf(comments)));
    rows.add(List.of("Coded by the machine", codedByMachine + " (" + share(coverage()) + ")"));
    rows.add(List.of("Left for a person", String.valueOf(comments - codedByMachine)));
    rows.add(List.of("Precision expected at this coverage (cross-validation)", share(expectedPrecision)));
    rows.add(List.of("Recall expected at this coverage (cross-validation)", share(expectedRecall)));
    if (check != null) {
      rows.add(List.of("Comments checked by a person", String.valueOf(check.unitsCompared())));
      rows.add(List.of("Agreement with the person, all codes (Cohen's kappa)", decimal(check.kappa())));
      rows.add(List.of("Comments given exactly the same codes", share(check.exactMatch())));
    }
    html.table("Machine coding at a glance", List.of("Measure", "Value"), rows, true);
    if (check == null) {
      html.element("p", "No sample of the machine's coding was checked by a person, so its agreement with people "
          + "is not known; the expected precision comes from cross-validation on the training comments only.",
          "class", "note");
    } else {
      List<List<String>> codes = new ArrayList<>();
      for (CodeAgreement code : check.codes()) {
        codes.add(List.of(code.label(), String.valueOf(code.units()), String.valueOf(code.both()),
            String.valueOf(code.onlyFirst()), String.valueOf(code.onlySecond()), share(code.percentAgreement()),
            decimal(code.kappa())));
      }
      html.table("Agreement per code on the " + check.unitsCompared() + " comments a person checked", List.of("Code",
          "Checked", "Both", "Person only", "Machine only", "Agreement", "Kappa"), codes, true);
      html.element("p", "Kappa corrects agreement for chance: 1 is perfect, 0 is what chance alone gives; above "
          + "0.8 is usually read as strong and 0.6 to 0.8 as substantial. It is not shown (n/a) where a code was "
          + "never or always given in the sample.", "class", "note");
    }
    html.element("h3", "Codes the machine never assigns");
    html.element("p", neverAssigned.isEmpty() ? "None: the machine assigned every code at least once."
        : String.join("; ", neverAssigned) + ". Comments on these topics were coded only by a person; a count for "
            + "them counts only what people coded.");
    return html;
  }

  private static String share(double value) {
    return Double.isNaN(value) ? "not known" : Html.percent(value, 0);
  }

  private static String decimal(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
  }
}
