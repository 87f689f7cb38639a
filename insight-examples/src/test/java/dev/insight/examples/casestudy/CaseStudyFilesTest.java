package dev.insight.examples.casestudy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.MultiResponseVariable;
import dev.insight.core.programme.FocusGroup;
import dev.insight.core.programme.Meeting;
import dev.insight.core.programme.Programme;
import dev.insight.core.programme.SourceStudy;
import dev.insight.core.programme.Workshop;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaseStudyFilesTest {

  @Test
  void bundledFiles_matchWhatTheCodeGenerates() {
    for (Map.Entry<String, String> file : CaseStudyFiles.generated().entrySet()) {
      assertThat(CaseStudyFiles.text(file.getKey()))
          .as("bundled %s is out of date; regenerate with: java -cp insight-examples/target/insight.jar "
              + "dev.insight.examples.casestudy.CaseStudyFiles "
              + "insight-examples/src/main/resources/dev/insight/examples/casestudy", file.getKey())
          .isEqualTo(file.getValue());
    }
  }

  @Test
  void generator_isDeterministicForASeedAndDiffersAcrossSeeds() {
    assertThat(StaffSurvey.csv(1)).isEqualTo(StaffSurvey.csv(1)).isNotEqualTo(StaffSurvey.csv(2));
  }

  @Test
  void programme_hasThePublishedShape() {
    Programme programme = CaseStudyFiles.programme();
    ProgrammeSummary summary = ProgrammeSummary.of(programme, CaseStudyFiles.survey());

    assertThat(programme).isEqualTo(CaseStudy.programme());
    assertThat(programme.activities(SourceStudy.class)).hasSize(13)
        .allSatisfy(s -> assertThat(s.year()).isBetween(2016, 2022));
    assertThat(programme.activities(FocusGroup.class)).hasSize(4)
        .allSatisfy(g -> assertThat(g.guide()).hasSize(6));
    assertThat(programme.activities(Workshop.class)).hasSize(3);
    assertThat(programme.activities(Meeting.class).size()).isGreaterThan(30);
    assertThat(programme.principles()).hasSize(10);
    assertThat(summary.stakeholders()).hasSize(23);
    assertThat(summary.stakeholderOrganisations()).hasSize(15);
    assertThat(programme.responses()).hasSize(4);
    assertThat(programme.priorities().stream().filter(p -> !p.draft())).hasSize(6);
  }

  @Test
  void survey_reproducesThePublishedShares() {
    Dataset survey = CaseStudyFiles.survey();
    int n = survey.rowCount();
    MultiResponseVariable priorities = survey.multiResponse("priorities");
    int[] chosen = priorities.counts();

    assertThat(n).isEqualTo(759);
    assertThat(percent(chosen[priorities.indexOf("workforce")], n)).isEqualTo(59);
    assertThat(percent(chosen[priorities.indexOf("mental_health")], n)).isEqualTo(48);
    assertThat(percent(chosen[priorities.indexOf("healthy_weight")], n)).isEqualTo(47);
    int addiction = chosen[priorities.indexOf("addiction")];
    assertThat(percent(addiction, n)).isEqualTo(24);
    assertThat(java.util.Arrays.stream(chosen).min().orElseThrow()).as("addiction is chosen least").isEqualTo(addiction);
    CategoricalVariable contact = survey.categorical("contact");
    assertThat(percent(contact.counts()[contact.indexOf("Yes")], n)).isEqualTo(66);

    CategoricalVariable personal = survey.categorical("addiction_personal");
    CategoricalVariable family = survey.categorical("addiction_family");
    assertThat(n - personal.missingCount()).isEqualTo(addiction);
    assertThat(personal.counts()[personal.indexOf("1")] * 2).isGreaterThan(addiction);
    assertThat(percent(family.counts()[family.indexOf("1")], addiction)).isEqualTo(66);
  }

  @Test
  void comments_are180AndCodedToThePublishedSharesWithEveryCommentCoded() {
    Dataset survey = CaseStudyFiles.survey();
    MultiResponseVariable codes = survey.multiResponse("codes");
    int commenters = survey.rowCount() - codes.missingCount();

    assertThat(commenters).isEqualTo(180);
    assertThat(survey.rowCount() - survey.text("comment").missingCount()).isEqualTo(180);
    int[] counts = codes.counts();
    int[] published = {41, 14, 12, 11, 9, 7, 6, 2};
    for (int c = 0; c < published.length; c++) {
      assertThat(percent(counts[c], commenters)).as(codes.options().get(c).label()).isEqualTo(published[c]);
    }
    for (int row = 0; row < survey.rowCount(); row++) {
      if (!codes.isMissing(row)) {
        assertThat(codes.mentions(row)).as("codes of %s", survey.id(row)).isPositive();
      }
    }
  }

  private static long percent(int count, int base) {
    return Math.round(100.0 * count / base);
  }
}
