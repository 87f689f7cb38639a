package dev.insight.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.core.data.Category;
import dev.insight.core.evidence.Consent;
import dev.insight.core.evidence.Finding;
import dev.insight.core.evidence.FindingId;
import dev.insight.core.evidence.Priority;
import dev.insight.core.evidence.PriorityId;
import dev.insight.core.evidence.QuoteId;
import dev.insight.core.evidence.QuoteSource;
import dev.insight.core.evidence.Recommendation;
import dev.insight.core.evidence.RecommendationId;
import dev.insight.core.evidence.Response;
import dev.insight.core.evidence.ResponseId;
import dev.insight.core.evidence.ResponseStatus;
import dev.insight.core.evidence.Verbatim;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.programme.ActivityId;
import dev.insight.core.programme.Audience;
import dev.insight.core.programme.AudienceId;
import dev.insight.core.programme.FocusGroup;
import dev.insight.core.programme.Interview;
import dev.insight.core.programme.Meeting;
import dev.insight.core.programme.Organisation;
import dev.insight.core.programme.OrganisationId;
import dev.insight.core.programme.Panel;
import dev.insight.core.programme.Participant;
import dev.insight.core.programme.ParticipantId;
import dev.insight.core.programme.Period;
import dev.insight.core.programme.Principle;
import dev.insight.core.programme.PrincipleId;
import dev.insight.core.programme.Programme;
import dev.insight.core.programme.ProgrammeId;
import dev.insight.core.programme.ReferenceAudiences;
import dev.insight.core.programme.Sector;
import dev.insight.core.programme.SourceStudy;
import dev.insight.core.programme.SurveyActivity;
import dev.insight.core.programme.Workshop;
import dev.insight.core.question.MultipleChoice;
import dev.insight.core.question.NumericQuestion;
import dev.insight.core.question.OpenText;
import dev.insight.core.question.QuestionId;
import dev.insight.core.question.Ranking;
import dev.insight.core.question.Scale;
import dev.insight.core.question.ScalePoint;
import dev.insight.core.question.SingleChoice;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgrammeJsonTest {

  static Programme sample() {
    LocalDate day = LocalDate.of(2022, 9, 12);
    List<Audience> audiences = new ArrayList<>(ReferenceAudiences.healthInequalities());
    audiences.add(new Audience(AudienceId.of("staff"), "Staff and volunteers", null, false));
    OrganisationId nhs = OrganisationId.of("nhs-trust");
    OrganisationId charity = OrganisationId.of("food-bank");
    ParticipantId p1 = ParticipantId.of("P01");
    AudienceId poverty = AudienceId.of("people-living-in-deprived-areas");
    ActivityId fg = ActivityId.of("fg-poverty");
    ActivityId survey = ActivityId.of("staff-survey");
    PriorityId workforce = PriorityId.of("workforce");
    QuoteId q1 = QuoteId.of("Q1");
    FindingId f1 = FindingId.of("F1");
    RecommendationId r1 = RecommendationId.of("R1");
    return new Programme(ProgrammeId.of("hwb-strategy"), "Health and wellbeing strategy engagement",
        "Hear seldom-heard communities and staff on the draft strategy", Period.of(day, day.plusDays(27)),
        List.of(new Principle(PrincipleId.of("start-early"), "Start early and feed back", null)),
        List.of(new Organisation(nhs, "NHS trust", Sector.NHS, true),
            new Organisation(charity, "Food bank", Sector.VCFSE, false)),
        audiences,
        List.of(new Participant(p1, "P01", "representative of a food bank", charity, List.of(poverty),
            Map.of("role", "manager"))),
        List.of(
            new SurveyActivity(survey, "Staff survey", Period.of(day, day.plusDays(13)), "online",
                List.of(AudienceId.of("staff")), List.of(nhs), null, 759, List.of(
                    new SingleChoice(QuestionId.of("sector"), "Sector?", List.of(Category.of("1", "NHS"),
                        Category.of("2", "Council"))),
                    new MultipleChoice(QuestionId.of("pri"), "Priorities?", List.of(Category.of("w", "Workforce")),
                        null),
                    new OpenText(QuestionId.of("comment"), "Any comments?"),
                    new NumericQuestion(QuestionId.of("years"), "Years in post?", 0.0, 60.0, "years"),
                    new Scale(QuestionId.of("conf"), "Confidence?", List.of(new ScalePoint(1, "Not at all"),
                        new ScalePoint(5, "Very"))),
                    new Ranking(QuestionId.of("rank"), "Rank", List.of(Category.of("a"), Category.of("b")), 1))),
            new FocusGroup(fg, "People living with poverty", Period.on(day), "online (Teams)", List.of(poverty),
                List.of(charity), PrincipleId.of("start-early"), List.of(p1),
                List.of(new OpenText(QuestionId.of("g1"), "What are the main issues?"))),
            new Interview(ActivityId.of("int-1"), "Follow-up", Period.on(day.plusDays(2)), List.of(poverty),
                List.of(charity), null, List.of(p1)),
            new Workshop(ActivityId.of("ws-1"), "Strategy workshop", null, List.of(), List.of(nhs), null, 25),
            new Meeting(ActivityId.of("m-1"), "Board", Period.on(day), "Health and Wellbeing Board", List.of(),
                List.of(nhs), null),
            new SourceStudy(ActivityId.of("s-1"), "Dementia voices", null, "Healthwatch", 2017,
                "qualitative interviews", 40, "people living with dementia", List.of(AudienceId.of("older-people")),
                List.of(), null, List.of(f1), List.of(r1), List.of(), List.of(workforce)),
            new Panel(ActivityId.of("youth"), "Youth council", null, List.of(AudienceId.of("children-and-young-people")),
                List.of(), null, 9, "monthly")),
        List.of(new Priority(workforce, "Workforce", null, true)),
        List.of(new Verbatim(q1, "Cost of living is all we hear about.", new QuoteSource(fg, p1, null, "00:12:31"),
            "representative of a food bank", Consent.GIVEN, List.of("cost-of-living"))),
        List.of(new Finding(f1, "Cost of living dominates.", "cost of living", List.of(fg), List.of(q1),
            List.of(workforce))),
        List.of(new Recommendation(r1, "Use trusted community members.", List.of(fg), List.of(f1), List.of())),
        List.of(new Response(ResponseId.of("Y1"), "Too many priorities", "Reduced ten priorities to six",
            ResponseStatus.DONE, List.of(r1), List.of(f1), List.of(q1), List.of(workforce))));
  }

  @Test
  void roundTrip_wholeProgramme_isEqual() {
    Programme programme = sample();

    String json = ProgrammeJson.write(programme);

    assertThat(json).contains("\"kind\" : \"focus-group\"").contains("\"start\" : \"2022-09-12\"");
    assertThat(ProgrammeJson.read(json, "p.json")).isEqualTo(programme);
  }

  @Test
  void coverage_listsActivitiesPerAudienceAndTheReferenceGroupsNotReached() {
    Programme programme = sample();

    assertThat(programme.coverage().get(programme.audience(AudienceId.of("people-living-in-deprived-areas"))
        .orElseThrow())).extracting(a -> a.id().value()).containsExactly("fg-poverty", "int-1");
    assertThat(programme.notReached()).hasSize(19).extracting(a -> a.id().value()).contains("lgbtq-plus-people")
        .doesNotContain("older-people", "children-and-young-people");
    assertThat(programme.activityCounts()).containsEntry("survey", 1).containsEntry("focus group", 1);
  }

  @Test
  void read_unknownProperty_failsNamingLineAndPath() {
    String json = ProgrammeJson.write(sample()).replaceFirst("\"purpose\"", "\"colour\" : \"blue\",\n  \"purpose\"");

    assertThatThrownBy(() -> ProgrammeJson.read(json, "p.json"))
        .isInstanceOf(InvalidInputException.class)
        // Jackson buffers unknown properties of a record until the record is built, so the line is where the
        // object ends; the JSON path is exact
        .hasMessageStartingWith("p.json:")
        .hasMessageContaining("at $.colour, character 2: does not fit the programme model: Unrecognized field "
            + "\"colour\"");
  }

  @Test
  void read_misspelledRequiredProperty_failsNamingTheMissingValue() {
    String json = ProgrammeJson.write(sample()).replaceFirst("\"purpose\"", "\"purpse\"");

    assertThatThrownBy(() -> ProgrammeJson.read(json, "p.json"))
        .hasMessageEndingWith("does not fit the programme model: programme purpose is required and cannot be blank");
  }

  @Test
  void read_danglingReference_failsNamingTheReference() {
    String json = ProgrammeJson.write(sample()).replace("\"participants\" : [ \"P01\" ]",
        "\"participants\" : [ \"P99\" ]");

    assertThatThrownBy(() -> ProgrammeJson.read(json, "p.json"))
        .hasMessageContaining("does not fit the programme model: activity fg-poverty refers to participant P99, "
            + "which the programme does not define");
  }

  @Test
  void read_unknownActivityKind_isRefusedNotInstantiated() {
    String json = ProgrammeJson.write(sample()).replace("\"kind\" : \"workshop\"",
        "\"kind\" : \"java.lang.ProcessBuilder\"");

    assertThatThrownBy(() -> ProgrammeJson.read(json, "p.json"))
        .hasMessageContaining("Could not resolve type id 'java.lang.ProcessBuilder'");
  }

  @Test
  void read_missingRequiredText_failsNamingIt() {
    String json = ProgrammeJson.write(sample()).replace("\"title\" : \"Board\",", "");

    assertThatThrownBy(() -> ProgrammeJson.read(json, "p.json"))
        .hasMessageContaining("meeting title is required and cannot be blank");
  }

  @Test
  void read_malformedJson_failsWithLine() {
    assertThatThrownBy(() -> ProgrammeJson.read("{\n  \"id\": \"x\",\n  oops\n}", "p.json"))
        .hasMessageStartingWith("p.json:3: character 3: malformed JSON: Unexpected character ('o'");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "null|p.json:1: at $, value \"null\", a programme file holds one JSON object with \"id\", \"name\" and the "
          + "rest of the programme, not null",
      "[]|p.json:1: character 1: does not fit the programme model: a programme file holds one JSON object with "
          + "\"id\", \"name\" and the rest of the programme; Cannot deserialize value of type",
      "42|p.json:1: character 1: does not fit the programme model: a programme file holds one JSON object with "
          + "\"id\", \"name\" and the rest of the programme; Cannot construct instance of",
      "'\"text\"'|p.json:1: character 1: does not fit the programme model: a programme file holds one JSON object "
          + "with \"id\", \"name\" and the rest of the programme; Cannot construct instance of",
      "'  '|p.json:1: does not fit the programme model: a programme file holds one JSON object with "
          + "\"id\", \"name\" and the rest of the programme; No content to map due to end-of-input"})
  void read_wrongTopLevelShape_failsSayingWhatAProgrammeFileHolds(String json, String message) {
    assertThatThrownBy(() -> ProgrammeJson.read(json, "p.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void read_deepNesting_refusedNamingTheLimitAndProperty() {
    String json = ProgrammeJson.write(sample()).replaceFirst("\\{", "{\"notes\": " + "[".repeat(5_000)
        + "]".repeat(5_000) + ",");

    assertThatThrownBy(() -> ProgrammeJson.read(json, "p.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith(": the JSON passes a read limit: Document nesting depth (101) exceeds the maximum "
            + "allowed (100); if the file is trusted, raise the limit with -Dinsight.json.maxNestingDepth=N");
  }

  @Test
  void read_hugeNumber_refusedNamingTheLimitAndProperty() {
    String json = ProgrammeJson.write(sample()).replaceFirst("\\{", "{\"size\": " + "9".repeat(500) + ",");

    assertThatThrownBy(() -> ProgrammeJson.read(json, "p.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("the JSON passes a read limit: Number value length (500) exceeds the maximum allowed "
            + "(100); if the file is trusted, raise the limit with -Dinsight.json.maxNumberLength=N");
  }

  @Test
  void read_hugeString_refusedNamingTheLimitAndProperty() {
    String json = "{\"id\": \"" + "x".repeat(5_000_001) + "\"}";

    assertThatThrownBy(() -> ProgrammeJson.read(json, "p.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("the JSON passes a read limit: String value length (5000001) exceeds the maximum "
            + "allowed (5000000); if the file is trusted, raise the limit with -Dinsight.json.maxStringLength=N");
  }

  @Test
  void read_periodEndingBeforeItStarts_failsSayingSo() {
    String json = ProgrammeJson.write(sample()).replaceFirst("\"end\" : \"2022-10-09\"", "\"end\" : \"2021-01-01\"");

    assertThatThrownBy(() -> ProgrammeJson.read(json, "p.json"))
        .hasMessageContaining("period ends (2021-01-01) before it starts (2022-09-12)");
  }
}
