package dev.insight.core.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.insight.core.data.Dataset;
import dev.insight.core.data.MultiResponseVariable;
import dev.insight.core.input.ProblemCollector;
import dev.insight.core.input.ReadMode;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one-row headers of Google Forms, SmartSurvey and Citizen Space: detected, named, overridden. */
class PlatformHeadersTest {
  private static final String GOOGLE = "Timestamp,Email Address,Which sector?,Which topics?,"
      + "Agree? [The plan is clear],Agree? [The plan is fair],Anything else?\n"
      + "01/03/2024 09:00:00,a@example.org,NHS,\"Workforce, Housing\",Agree,Disagree,\n"
      + "01/03/2024 09:05:00,b@example.org,NHS,Workforce,Agree,Agree,Thanks\n";
  private static final String SMARTSURVEY = "UserID,Name,Email,IP Address,Unique ID,Started,Ended,Tracking Link,"
      + "Custom Value,1. Note: which sector?,2. Which topics?:Workforce,2. Which topics?:Housing,"
      + "2. Which topics?:Other (please specify)\n"
      + "101,,,192.0.2.1,,01/03/2024 09:00,01/03/2024 09:05,Web Link,,NHS,Workforce,,\n"
      + "102,,,192.0.2.2,,01/03/2024 09:10,01/03/2024 09:15,Web Link,,NHS,,,Buses\n"
      + "103,,,192.0.2.3,,01/03/2024 09:20,01/03/2024 09:25,Web Link,,NHS,,Housing,\n";
  private static final String CITIZEN_SPACE = "Response ID,Submitted on,Which sector?,Which topics? - Workforce,"
      + "Which topics? - Housing\n"
      + "ANON-AAAA-BBBB-C,2024-03-01 10:00:00,NHS,Yes,\n"
      + "ANON-AAAA-BBBB-D,2024-03-01 11:00:00,NHS,,\n";

  private static CsvFile open(String text, CsvOptions options, ProblemCollector problems) {
    return CsvFile.of(new StringReader(text), options, problems);
  }

  private static List<List<String>> records(CsvFile csv) {
    List<List<String>> records = new ArrayList<>();
    while (csv.next()) {
      records.add(csv.fields());
    }
    return records;
  }

  @Test
  void googleForms_isDetectedFromItsTimestampColumnWithGridRowsAndNoId() {
    ProblemCollector problems = ProblemCollector.of("responses.csv", ReadMode.STRICT);
    try (CsvFile csv = open(GOOGLE, CsvOptions.defaults(), problems)) {
      assertThat(csv.layout()).isEqualTo(ExportLayout.GOOGLE_FORMS);
      assertThat(csv.header().names()).containsExactly("timestamp", "email_address", "q1", "q2", "q3_1", "q3_2",
          "q4");
      assertThat(csv.header().labels()).containsExactly("Timestamp", "Email Address", "Which sector?",
          "Which topics?", "Agree? [The plan is clear]", "Agree? [The plan is fair]", "Anything else?");
      assertThat(csv.personalColumns()).containsExactly("email_address");
    }
    assertThat(problems.notes().get(0).describe()).contains("a Google Forms export: the first column is the time "
        + "stamp and there is no respondent id column");
  }

  @Test
  void googleForms_withoutAnIdColumn_readsEachRespondentByTheLineTheirRecordStartsOn() {
    SurveyMapping mapping = SurveyMapping.builder(SurveyMapping.LINE_ID).categorical("q1").build();

    Dataset data = SurveyCsvReader.read(new StringReader(GOOGLE), "responses.csv", mapping, ReadMode.STRICT)
        .value();

    assertThat(data.rowCount()).isEqualTo(2);
    assertThat(data.id(0).value()).isEqualTo("2");
    assertThat(data.id(1).value()).isEqualTo("3");
  }

  @Test
  void smartSurvey_numberedQuestionsAndOptionColumns_becomeOneMultipleChoiceOfZeroesAndOnes() {
    ProblemCollector problems = ProblemCollector.of("export.csv", ReadMode.STRICT);
    try (CsvFile csv = open(SMARTSURVEY, CsvOptions.defaults(), problems)) {
      assertThat(csv.layout()).isEqualTo(ExportLayout.SMARTSURVEY);
      assertThat(csv.header().names()).containsExactly("userid", "name", "email", "ip_address", "unique_id",
          "started", "ended", "tracking_link", "custom_value", "q1", "q2_1", "q2_2", "q2_other");
      // a colon inside one question's text does not make it an option column
      assertThat(csv.header().labels().get(9)).isEqualTo("Note: which sector?");
      assertThat(csv.header().options().subList(10, 13)).containsExactly("Workforce", "Housing",
          "Other (please specify)");
      assertThat(csv.personalColumns()).containsExactly("name", "email", "ip_address");
      List<List<String>> rows = records(csv);
      assertThat(rows.get(0).subList(10, 13)).containsExactly("1", "0", "");
      assertThat(rows.get(1).subList(10, 13)).containsExactly("", "", "Buses");
      assertThat(rows.get(2).subList(10, 13)).containsExactly("0", "1", "");
    }
  }

  @Test
  void citizenSpace_optionColumnsHoldingYes_readAsZeroesAndOnes() {
    SurveyMapping mapping = SurveyMapping.builder("response_id").multiColumns("q2", null, List.of("q2_1", "q2_2"))
        .build();

    Dataset data = SurveyCsvReader.read(new StringReader(CITIZEN_SPACE), "responses.csv", mapping,
        ReadMode.STRICT).value();

    MultiResponseVariable topics = data.multiResponse("q2");
    assertThat(topics.isMissing(0)).isFalse();
    assertThat(topics.isMissing(1)).isTrue();
  }

  @Test
  void format_givenAsCsv_keepsTheHeaderAsWritten() {
    ProblemCollector problems = ProblemCollector.of("responses.csv", ReadMode.STRICT);
    try (CsvFile csv = open(GOOGLE, CsvOptions.defaults().withLayout(ExportLayout.PLAIN), problems)) {
      assertThat(csv.layout()).isEqualTo(ExportLayout.PLAIN);
      assertThat(csv.header().names().get(2)).isEqualTo("Which sector?");
    }
  }

  @Test
  void format_givenAsCitizenSpace_readsAHeaderDetectionWouldNotRecognise() {
    String renamed = CITIZEN_SPACE.replace("Submitted on", "Date");
    ProblemCollector problems = ProblemCollector.of("responses.csv", ReadMode.STRICT);
    try (CsvFile csv = open(renamed, CsvOptions.defaults().withLayout(ExportLayout.parse("citizen-space")),
        problems)) {
      assertThat(csv.layout()).isEqualTo(ExportLayout.CITIZEN_SPACE);
      assertThat(csv.header().names()).containsExactly("response_id", "q1", "q2", "q3_1", "q3_2");
    }
    try (CsvFile csv = open(renamed, CsvOptions.defaults(), ProblemCollector.of("r.csv", ReadMode.STRICT))) {
      assertThat(csv.layout()).isEqualTo(ExportLayout.PLAIN);
    }
  }

  @Test
  void aTimestampColumnBesideAnIdColumn_isAPlainFileNotGoogleForms() {
    try (CsvFile csv = open("Timestamp,id,sector\n2024-03-01,R1,NHS\n", CsvOptions.defaults(),
        ProblemCollector.of("log.csv", ReadMode.STRICT))) {
      assertThat(csv.layout()).isEqualTo(ExportLayout.PLAIN);
      assertThat(csv.header().names()).containsExactly("Timestamp", "id", "sector");
    }
  }
}
