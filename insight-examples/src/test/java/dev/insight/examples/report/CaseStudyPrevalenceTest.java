package dev.insight.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.insight.core.evidence.ThemePrevalence;
import dev.insight.examples.casestudy.CaseStudyFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseStudyPrevalenceTest {

  @Test
  void recordedPrevalences_areTheReportsOwnEstimates_toFourDecimals() {
    SurveyAnalysis analysis = SurveyAnalysis.of(CaseStudyFiles.survey(), EngagementReportTest.margins(),
        "priorities", "codes", List.of("sector", "contact"));
    List<ThemePrevalence> recorded = CaseStudyFiles.programme().prevalences();

    assertThat(recorded).hasSameSizeAs(analysis.themes());
    for (SurveyAnalysis.Row row : analysis.themes()) {
      ThemePrevalence p = recorded.stream().filter(x -> x.id().value().equals("P-" + row.code())).findFirst()
          .orElseThrow();
      // recorded rounded to 4 decimals: half a unit in the last place
      assertThat(p.theme()).isEqualTo(row.label());
      assertThat(p.share()).isCloseTo(row.estimate().value(), within(5e-5));
      assertThat(p.lower()).isCloseTo(row.estimate().interval().low(), within(5e-5));
      assertThat(p.upper()).isCloseTo(row.estimate().interval().high(), within(5e-5));
      assertThat(p.respondents()).isEqualTo(row.estimate().unweightedN());
      assertThat(p.weightedBase()).isCloseTo(row.estimate().weightedBase(), within(0.005));
    }
  }
}
