package dev.insight.examples.casestudy;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.insight.codeframe.Code;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.agreement.Agreement;
import dev.insight.codeframe.agreement.AgreementReport;
import dev.insight.codeframe.agreement.CodeAgreement;
import dev.insight.codeframe.agreement.CodeScore;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.codeframe.framework.Cell;
import dev.insight.codeframe.framework.FrameworkCase;
import dev.insight.codeframe.framework.FrameworkMatrix;
import dev.insight.codeframe.interchange.CodedFileReader;
import dev.insight.codeframe.rules.RuleCoder;
import dev.insight.codeframe.transcript.CodedSegment;
import dev.insight.codeframe.transcript.TranscriptCoding;
import dev.insight.core.evidence.Consent;
import dev.insight.core.evidence.Verbatim;
import dev.insight.core.input.ReadMode;
import dev.insight.core.input.ReadResult;
import dev.insight.core.programme.FocusGroup;
import dev.insight.core.programme.ParticipantId;
import dev.insight.core.question.Question;
import dev.insight.core.redact.Redactor;
import dev.insight.core.transcript.SpeakerList;
import dev.insight.core.transcript.Transcript;
import dev.insight.core.transcript.TranscriptFormat;
import dev.insight.core.transcript.TranscriptReader;
import dev.insight.core.transcript.Turn;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CaseStudyQualitativeTest {
  private static CaseStudyQualitative.FocusGroups groups;
  private static CaseStudyQualitative.Comments comments;

  @BeforeAll
  static void analyse() {
    groups = CaseStudyQualitative.focusGroups();
    comments = CaseStudyQualitative.comments();
  }

  @ParameterizedTest
  @ValueSource(strings = {"fg-poverty", "fg-inclusion", "fg-ethnicity", "fg-families"})
  void transcript_readsStrictlyWithSpeakersRequired_withoutProblems(String group) {
    SpeakerList speakers = CaseStudyQualitative.speakers();
    String file = group + ".vtt";
    ReadResult<Transcript> read = TranscriptReader.of(ReadMode.LENIENT).requireSpeakers(speakers)
        .read(new StringReader(CaseStudyFiles.text(file)), file, TranscriptFormat.WEBVTT);

    assertThat(read.problems()).isEmpty();
    Transcript transcript = read.value();
    assertThat(transcript.turns()).allSatisfy(t -> assertThat(t.speaker()).as("turn %s", t.index()).isNotNull());
    long cues = CaseStudyFiles.text(file).lines().filter(l -> l.contains(" --> ")).count();
    assertThat(cues).isBetween(120L, 200L);
    Turn last = transcript.turns().get(transcript.turns().size() - 1);
    assertThat(last.endMillis()).as("about an hour of discussion").isBetween(60 * 60_000L, 90 * 60_000L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"fg-poverty", "fg-inclusion", "fg-ethnicity", "fg-families"})
  void transcript_hasTheGroupsParticipantsAndAFacilitatorAskingTheSixQuestionsInOrder(String group) {
    Transcript transcript = CaseStudyQualitative.transcript(group, CaseStudyQualitative.speakers());
    FocusGroup focusGroup = CaseStudy.programme().activities(FocusGroup.class).stream()
        .filter(g -> g.id().value().equals(group)).findFirst().orElseThrow();

    Set<ParticipantId> heard = transcript.turns().stream().map(t -> t.speaker())
        .filter(s -> !s.staff()).map(s -> s.participant().id()).collect(Collectors.toSet());
    assertThat(heard).containsExactlyInAnyOrderElementsOf(focusGroup.participants());
    String facilitator = transcript.turns().stream().filter(t -> t.speaker().staff()).map(Turn::text)
        .collect(Collectors.joining(" "));
    int at = -1;
    for (Question question : focusGroup.guide()) {
      String asked = question.text().substring(0, 1).toLowerCase(Locale.ROOT) + question.text().substring(1);
      int next = facilitator.indexOf(asked);
      assertThat(next).as("%s asked after the previous question", question.text()).isGreaterThan(at);
      at = next;
    }
  }

  @Test
  void transcripts_haveCrossTalkAndNonAsciiSpeakerNames() {
    SpeakerList speakers = CaseStudyQualitative.speakers();
    int outOfOrder = 0;
    for (String group : CaseStudyQualitative.GROUPS) {
      long previous = -1;
      for (String line : CaseStudyFiles.text(group + ".vtt").lines().toList()) {
        if (line.contains(" --> ")) {
          long start = millis(line.substring(0, line.indexOf(' ')));
          if (start < previous) {
            outOfOrder++;
          }
          previous = Math.max(previous, start);
        }
      }
    }
    assertThat(outOfOrder).as("cues written out of order, as Teams writes cross-talk").isGreaterThanOrEqualTo(8);
    assertThat(speakers.names()).filteredOn(n -> !n.chars().allMatch(c -> c < 128)).hasSizeGreaterThanOrEqualTo(6);
  }

  @Test
  void everyPublishedQuote_isInItsTranscript_saidByItsParticipant_atItsRecordedTime() {
    assertThat(groups.quotes()).hasSize(CaseStudy.GroupEvidence.ALL.size());
    for (CaseStudy.GroupEvidence evidence : CaseStudy.GroupEvidence.ALL) {
      Verbatim quote = groups.quotes().stream().filter(q -> q.id().value().equals(evidence.quoteId()))
          .findFirst().orElseThrow();
      assertThat(quote.text()).isEqualTo(evidence.quote());
      assertThat(quote.source().activity().value()).isEqualTo(evidence.activity());
      assertThat(quote.source().participant()).isEqualTo(ParticipantId.of(evidence.speaker()));
      assertThat(quote.source().locator()).as(evidence.quoteId()).isEqualTo(evidence.time());
      assertThat(quote.consent()).isEqualTo(evidence.consent());
    }
  }

  @Test
  void publishedRecommendations_areSaidVerbatimByAParticipantOfTheirGroup() {
    for (CaseStudy.GroupEvidence evidence : CaseStudy.GroupEvidence.ALL) {
      TranscriptCoding coding = groups.transcripts().get(CaseStudyQualitative.GROUPS.indexOf(evidence.activity()));
      assertThat(coding.transcript().turns()).as(evidence.recommendationId())
          .anySatisfy(t -> {
            assertThat(t.speaker().staff()).isFalse();
            assertThat(t.text()).contains(evidence.recommendation());
          });
    }
  }

  @Test
  void publishedFindings_areReflectedBackVerbatimByTheFacilitatorAtTheClose() {
    for (CaseStudy.GroupEvidence evidence : CaseStudy.GroupEvidence.ALL) {
      TranscriptCoding coding = groups.transcripts().get(CaseStudyQualitative.GROUPS.indexOf(evidence.activity()));
      List<Turn> turns = coding.transcript().turns();
      assertThat(turns.subList(turns.size() - 4, turns.size())).as(evidence.findingId())
          .anySatisfy(t -> {
            assertThat(t.speaker().staff()).isTrue();
            assertThat(t.text()).contains(evidence.finding());
          });
    }
  }

  @Test
  void draftPriorityViews_tooManyPrioritiesIsRaisedInEveryGroupButOne() {
    long groupsSayingIt = groups.transcripts().stream().filter(c -> c.transcript().turns().stream()
        .anyMatch(t -> t.text().toLowerCase(Locale.ROOT).contains("too many priorities"))).count();
    assertThat(groupsSayingIt).isGreaterThanOrEqualTo(3);
  }

  @Test
  void everyTheme_firesByRuleOnTheTranscripts() {
    Codeframe themes = CaseStudyQualitative.themes();
    Map<CodeId, Integer> ruleSegments = new LinkedHashMap<>();
    for (TranscriptCoding coding : groups.transcripts()) {
      for (CodedSegment segment : coding.codedSegments()) {
        if (segment.assignment().provenance().source().startsWith("rule")) {
          ruleSegments.merge(segment.assignment().code(), 1, Integer::sum);
        }
      }
    }
    assertThat(themes.codable()).hasSizeBetween(8, 12);
    for (Code theme : themes.codable()) {
      assertThat(ruleSegments.getOrDefault(theme.id(), 0)).as("segments coded %s by rule", theme.id())
          .isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void rules_doNotCodeTheFacilitators() {
    for (TranscriptCoding coding : groups.transcripts()) {
      assertThat(coding.codedSegments()).allSatisfy(s -> assertThat(s.turn().speaker().staff()).isFalse());
    }
  }

  @Test
  void matrixByGroup_hasFourCases_seededSummaries_andOnlyConsentedQuotes() {
    FrameworkMatrix matrix = groups.byGroup();

    assertThat(matrix.cases()).extracting(FrameworkCase::id).containsExactlyElementsOf(CaseStudyQualitative.GROUPS);
    assertThat(matrix.themes()).hasSize(CaseStudyQualitative.themes().codable().size());
    assertThat(matrix.quotes()).hasSize(4).allSatisfy(q -> assertThat(q.consent()).isEqualTo(Consent.GIVEN));
    assertThat(groups.quotes()).filteredOn(q -> q.consent() != Consent.GIVEN).extracting(q -> q.id().value())
        .containsExactly("Q-fg-families-2");
    for (FrameworkCase row : matrix.cases()) {
      for (Code theme : matrix.themes()) {
        Cell cell = matrix.cell(row.id(), theme.id());
        assertThat(cell.summary() != null).as("(%s, %s) summary iff excerpts", row.id(), theme.id())
            .isEqualTo(!cell.excerpts().isEmpty());
      }
    }
    Cell poverty = matrix.cell("fg-poverty", CodeId.of("cost_of_living"));
    assertThat(poverty.summary()).startsWith("Finding: The cost of living dominates").contains("P01");
    assertThat(poverty.quotes()).extracting(q -> q.id().value()).containsExactly("Q-fg-poverty");
  }

  @Test
  void matrixByParticipant_hasTheTwentyParticipants_andTheSameConsentedQuotes() {
    FrameworkMatrix matrix = groups.byParticipant();

    assertThat(matrix.cases()).hasSize(20).allSatisfy(c -> assertThat(c.mapped()).isTrue());
    assertThat(matrix.quotes()).extracting(q -> q.id().value())
        .containsExactlyInAnyOrderElementsOf(groups.consentedQuotes().stream().map(q -> q.id().value()).toList());
  }

  @Test
  void transcripts_carryPersonalDataThatTheRedactorRemoves() {
    Redactor redactor = Redactor.of(groups.namesToRedact());
    String all = groups.transcripts().stream().flatMap(c -> c.transcript().turns().stream()).map(Turn::text)
        .collect(Collectors.joining("\n"));
    String redacted = redactor.redact(all).text();

    assertThat(all).contains("@", "07700 900461", "Margaret Oduya", "Joanne");
    assertThat(redacted).doesNotContain("@", "07700 900461", "01632 960418", "Oduya", "Joanne", "Gráinne", "Siân")
        .contains("[email]", "[phone]", "[name]");
  }

  @Test
  void comments_ruleCodingAgreesWithTheManualCoding() {
    AgreementReport agreement = comments.agreement();

    assertThat(comments.text()).hasSize(180);
    assertThat(agreement.unitsCompared()).isEqualTo(180);
    // measured: pooled kappa 0.982, 99.6% agreement, no comment missed; 6 false positives of the broadened rules:
    // positive 3 ("plan or keep good staff": good NEAR/2 plan), delivery_detail 3 ("need to know ... how to get
    // to it": how NEAR/4 know), so kappa 0.966 and 0.927 for those two codes and 1.000 for the other six
    assertThat(agreement.kappa()).isGreaterThanOrEqualTo(0.98);
    assertThat(agreement.percentAgreement()).isGreaterThanOrEqualTo(0.995);
    for (CodeAgreement code : agreement.codes()) {
      assertThat(code.kappa()).as(code.code().value()).isGreaterThanOrEqualTo(0.92);
    }
    for (CodeScore score : comments.scores().codes()) {
      assertThat(score.recall()).as(score.code().value()).isEqualTo(1.0);
      assertThat(score.precision()).as(score.code().value()).isGreaterThanOrEqualTo(0.88);
    }
    assertThat(comments.rules().units()).hasSize(180);
  }

  @Test
  void commentCodeframe_hasTheSurveysEightCodes() {
    Codeframe frame = CaseStudyQualitative.commentCodeframe();
    assertThat(frame.codable()).extracting(c -> "code_" + c.id().value())
        .containsExactlyElementsOf(StaffSurvey.CODES.stream().map(StaffSurvey.CodeOption::column).toList());
    assertThat(frame.codable()).extracting(Code::label)
        .containsExactlyElementsOf(StaffSurvey.CODES.stream().map(StaffSurvey.CodeOption::label).toList());
  }

  /**
   * The rules were written from the survey's comments, which are composed from a bank of 58 sentences, so agreement
   * there says little about new comments. Two hand-coded sets test that: 30 comments written while the rules were
   * broadened (tuning) and 20 written after they were frozen (unseen). Figures measured on each.
   */
  @Test
  void commentRules_generaliseToCommentsWrittenElsewhere_withLowerButSubstantialAgreement() {
    AgreementReport tuning = agreementOn("tuning-comments.csv");
    AgreementReport unseen = agreementOn("unseen-comments.csv");

    assertThat(tuning.unitsCompared()).isEqualTo(30);
    assertThat(tuning.kappa()).isGreaterThanOrEqualTo(0.98);
    assertThat(unseen.unitsCompared()).isEqualTo(20);
    assertThat(unseen.kappa()).isBetween(0.66, 0.67);
    assertThat(unseen.percentAgreement()).isGreaterThanOrEqualTo(0.93);
  }

  private static AgreementReport agreementOn(String file) {
    Codeframe frame = CaseStudyQualitative.commentCodeframe();
    String csv = resource(file);
    Coding manual = CodedFileReader.columns(frame).idColumn("id").coder("test").read(new StringReader(csv), file)
        .coding();
    Map<UnitId, String> text = new LinkedHashMap<>();
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(new StringReader(csv))) {
      reader.stream().skip(1).forEach(r -> text.put(UnitId.of(r.getField(0)), r.getField(1)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Agreement.between(manual, RuleCoder.of(frame).code(text, CaseStudyQualitative.CODED_AT));
  }

  private static String resource(String name) {
    try (InputStream in = CaseStudyQualitativeTest.class.getResourceAsStream(name);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      StringBuilder text = new StringBuilder();
      char[] buffer = new char[4096];
      for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
        text.append(buffer, 0, n);
      }
      return text.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void speakerList_mapsEveryFocusGroupParticipantWithTheProgrammesRoleAndOrganisation() {
    SpeakerList speakers = CaseStudyQualitative.speakers();
    Set<String> ids = new HashSet<>();
    for (dev.insight.core.programme.Participant p : CaseStudy.programme().participants()) {
      speakers.participants().values().stream().filter(s -> s.id().equals(p.id())).findFirst().ifPresent(s -> {
        ids.add(p.id().value());
        assertThat(s.role()).isEqualTo(p.role());
        assertThat(s.organisation()).isEqualTo(p.organisation());
        assertThat(s.audiences()).isEqualTo(p.audiences());
      });
    }
    assertThat(ids).hasSize(20);
    assertThat(speakers.participants()).hasSize(23).containsKey(ParticipantId.of("X01"));
    assertThat(speakers.speakers().stream().filter(s -> s.staff()).map(s -> s.participant().id().value()))
        .containsExactlyInAnyOrder("F1", "F2");
  }

  private static long millis(String time) {
    String[] parts = time.split("[:.]");
    return ((Long.parseLong(parts[0]) * 60 + Long.parseLong(parts[1])) * 60 + Long.parseLong(parts[2])) * 1000
        + Long.parseLong(parts[3]);
  }
}
