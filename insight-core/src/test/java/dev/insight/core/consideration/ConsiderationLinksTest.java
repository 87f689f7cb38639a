package dev.insight.core.consideration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.core.evidence.Consideration;
import dev.insight.core.evidence.FindingId;
import dev.insight.core.evidence.PrevalenceId;
import dev.insight.core.evidence.Response;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.json.ProgrammeJson;
import dev.insight.core.programme.ActivityId;
import dev.insight.core.programme.Programme;
import dev.insight.core.programme.Visibility;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsiderationLinksTest {

  @Test
  void oldFile_withoutConsiderations_readsAsPublicWithNone() {
    Programme old = Fixtures.oldProgramme();

    assertThat(old.visibility()).isEqualTo(Visibility.PUBLIC);
    assertThat(old.prevalences()).isEmpty();
    assertThat(old.place()).isNull();
    assertThat(old.responses()).allSatisfy(r -> assertThat(r.considerations()).isEmpty());
  }

  @Test
  void considered_roundTripsThroughJson() {
    Programme programme = Fixtures.considered();

    assertThat(ProgrammeJson.read(ProgrammeJson.write(programme), "p.json")).isEqualTo(programme);
  }

  @Test
  void consideration_ofAFindingThatDoesNotExist_failsNamingIt() {
    Programme old = Fixtures.oldProgramme().with(List.of(Fixtures.tooMany()), null, Visibility.PUBLIC);
    List<Response> responses = new ArrayList<>(old.responses());
    responses.set(0, responses.get(0).considered(Fixtures.board(LocalDate.of(2022, 10, 20), "F-nowhere")));

    assertThatThrownBy(() -> old.withResponses(responses)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("response YSWD-1 (considered by Integrated care partnership board on 2022-10-20) refers to "
            + "finding F-nowhere, which the programme does not define");
  }

  @Test
  void consideration_ofAPrevalenceThatDoesNotExist_failsNamingIt() {
    Programme old = Fixtures.oldProgramme();
    List<Response> responses = new ArrayList<>(old.responses());
    responses.set(0, responses.get(0).considered(Fixtures.board(LocalDate.of(2022, 10, 20), "F-survey-positive")));

    assertThatThrownBy(() -> old.withResponses(responses)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refers to prevalence P-detail, which the programme does not define");
  }

  @Test
  void consideration_inAFile_ofASourceThatDoesNotExist_failsNamingFileAndSource() {
    String json = ProgrammeJson.write(Fixtures.considered()).replaceFirst(
        "\"sources\" : \\[ \"staff-survey\" \\],(\\s*)\"note\"", "\"sources\" : [ \"lr-nowhere\" ],$1\"note\"");

    assertThatThrownBy(() -> ProgrammeJson.read(json, "p.json")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("p.json")
        .hasMessageContaining("refers to source lr-nowhere, which the programme does not define");
  }

  @Test
  void consideration_withoutEvidence_isRefused() {
    assertThatThrownBy(() -> new Consideration("Board", LocalDate.of(2022, 10, 20), List.<FindingId>of(),
        List.<PrevalenceId>of(), List.of(), List.<ActivityId>of(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("consideration by Board on 2022-10-20 names no evidence: give findings, prevalences, quotes or "
            + "sources");
  }

  @Test
  void prevalence_withAnIntervalThatMissesTheShare_isRefused() {
    assertThatThrownBy(() -> new dev.insight.core.evidence.ThemePrevalence(PrevalenceId.of("P1"), "funding",
        ActivityId.of("s"), 0.3, 0.31, 0.4, 0.95, 10, 10, "logit"))
        .hasMessage("prevalence P1: interval [0.31, 0.4] must lie within [0, 1] and contain the share 0.3");
  }
}
