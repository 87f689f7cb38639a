package dev.insight.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.agreement.AgreementReport;
import dev.insight.codeframe.agreement.CodeAgreement;
import dev.insight.core.redact.RedactionPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class MachineCodingTest {
  private static final AgreementReport CHECKED = new AgreementReport(60, List.of(), List.of(), List.of(
      new CodeAgreement(CodeId.of("positive"), "Generally positive", 20, 3, 2, 35, 55 / 60.0, 0.8234, 0.82),
      new CodeAgreement(CodeId.of("funding"), "Needs adequate funding", 0, 0, 0, 60, 1.0, Double.NaN, Double.NaN)),
      0.95, 0.85, 0.8012, 0.80);

  @Test
  void appendix_givesCoverageExpectedPrecisionKappaPerCodeAndCodesNeverAssigned() {
    String html = EngagementReportTest.caseStudy(RedactionPolicy.standard())
        .withMachineCoding(new MachineCoding(180, 144, List.of(), 0.8, 0.87, 0.71, CHECKED,
            List.of("Co-production needed")))
        .html();

    assertThat(html).containsSubsequence("id=\"methods\"", "appendix on machine coding", "id=\"machine-coding\"")
        .contains("The machine (keyword rules or a learned model) coded 144 of the 180 comments (80%); the other 36")
        .containsPattern("Precision expected at this coverage \\(cross-validation at 80% coverage\\)</th>\\s*"
            + "<td class=\"num\">87%")
        .containsPattern("Agreement with the person, all codes \\(Cohen's kappa\\)</th>\\s*<td class=\"num\">0\\.80")
        .containsPattern("<th scope=\"row\">Generally positive</th>\\s*<td class=\"num\">60</td>\\s*<td class=\"num\">"
            + "20</td>\\s*<td class=\"num\">3</td>\\s*<td class=\"num\">2</td>\\s*<td class=\"num\">92%</td>\\s*"
            + "<td class=\"num\">0\\.82</td>")
        .containsPattern("Needs adequate funding</th>(\\s*<td class=\"num\">[^<]*</td>){5}\\s*<td class=\"num\">n/a")
        .contains("Co-production needed. Comments on these topics were coded only by a person");
  }

  @Test
  void appendix_withoutACheckedSample_saysAgreementIsNotKnown() {
    String html = EngagementReportTest.caseStudy(RedactionPolicy.standard())
        .withMachineCoding(new MachineCoding(180, 180, List.of(), Double.NaN, Double.NaN, Double.NaN, null,
            List.of())).html();

    assertThat(html).contains("No sample of the machine's coding was checked by a person, so its agreement with "
            + "people was not measured.")
        .contains("The model's cross-validation report was not given, so the precision to expect at this "
            + "coverage was not measured.")
        .doesNotContain("Precision expected at this coverage")
        .contains("None: the machine assigned every code at least once.");
  }

  @Test
  void withoutMachineCoding_thereIsNoAppendix() {
    assertThat(EngagementReportTest.caseStudy(RedactionPolicy.standard()).html()).doesNotContain("machine-coding");
  }

  @Test
  void moreCodedByMachineThanComments_isRefused() {
    assertThatThrownBy(() -> new MachineCoding(10, 11, List.of(), 0.5, 0.9, 0.8, null, List.of()))
        .hasMessage("machine coding: 11 of 10 comments coded by machine");
  }

  @Test
  void precisionOutOfRange_isRefused() {
    assertThatThrownBy(() -> new MachineCoding(10, 5, List.of(), 0.5, 1.5, 0.8, null, List.of()))
        .hasMessage("expected precision out of [0, 1]: 1.5");
  }
}
