package dev.insight.codeframe.framework;

import static dev.insight.codeframe.framework.FocusGroupFixture.ACCESS;
import static dev.insight.codeframe.framework.FocusGroupFixture.COST;
import static dev.insight.codeframe.framework.FocusGroupFixture.PRIORITIES;
import static dev.insight.codeframe.framework.FocusGroupFixture.WAITING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Code;
import dev.insight.codeframe.transcript.TranscriptCoding;
import dev.insight.core.evidence.Consent;
import dev.insight.core.evidence.QuoteId;
import dev.insight.core.evidence.Verbatim;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameworkMatrixTest {

  @Test
  void byParticipant_casesAreSpeakersAndSegmentsFallUnderTheirTopLevelTheme() {
    FrameworkMatrix matrix = FrameworkMatrix.of(List.of(FocusGroupFixture.coding()), CasesBy.PARTICIPANT);

    assertThat(matrix.themes()).extracting(Code::id).containsExactly(ACCESS, COST, PRIORITIES);
    assertThat(matrix.cases()).extracting(FrameworkCase::id).containsExactly("P01", "P02", "speaker:Amira Haddad");
    assertThat(matrix.cases()).extracting(FrameworkCase::mapped).containsExactly(true, true, false);
    Cell zoeAccess = matrix.cell("P01", ACCESS);
    assertThat(zoeAccess.excerpts()).singleElement().satisfies(e -> {
      assertThat(e.text()).isEqualTo("Waiting lists for CAMHS are the biggest thing.");
      assertThat(e.code()).isEqualTo(WAITING);
      assertThat(e.speaker()).isEqualTo("P01");
      assertThat(e.coder()).isEqualTo("AB");
      assertThat(e.codedAt()).isEqualTo(FocusGroupFixture.CODED_AT);
      assertThat(e.reference()).isEqualTo("group4.vtt, turn 2, 00:00:07");
    });
    assertThat(matrix.cell("P01", COST).excerpts()).extracting(Excerpt::text)
        .containsExactly("Yes, <and> it's worse in winter.");
    assertThat(matrix.cell("P02", COST).excerpts()).extracting(Excerpt::coder).containsExactly("CD");
    assertThat(matrix.cell("P02", ACCESS).isEmpty()).isTrue();
    assertThat(matrix.cell("speaker:Amira Haddad", PRIORITIES).excerpts()).hasSize(1);
    assertThat(matrix.namesHeard()).contains("Zoë Adams", "Amira Haddad", "Siobhán Ó Súilleabháin");
  }

  @Test
  void byGroup_oneCasePerTranscript() {
    FrameworkMatrix matrix = FrameworkMatrix.of(List.of(FocusGroupFixture.coding()), CasesBy.GROUP);

    assertThat(matrix.cases()).extracting(FrameworkCase::id).containsExactly("fg4");
    assertThat(matrix.cell("fg4", COST).excerpts()).extracting(Excerpt::speaker).containsExactly("P01", "P02");
  }

  @Test
  void givenThemes_aChildCodeAsAColumnTakesOnlyItsOwnSegments() {
    FrameworkMatrix matrix = FrameworkMatrix.of(List.of(FocusGroupFixture.coding()), CasesBy.PARTICIPANT,
        List.of(WAITING, CodeId.of("info")));

    assertThat(matrix.cell("P01", WAITING).excerpts()).hasSize(1);
    assertThat(matrix.cell("P01", CodeId.of("info")).isEmpty()).isTrue();
    assertThatThrownBy(() -> FrameworkMatrix.of(List.of(FocusGroupFixture.coding()), CasesBy.PARTICIPANT,
        List.of(CodeId.of("nope")))).hasMessage("codeframe focus groups has no code nope");
  }

  @Test
  void summariesAndQuotes_returnANewMatrix_andQuoteKeepsItsSource() {
    TranscriptCoding coding = FocusGroupFixture.coding();
    FrameworkMatrix matrix = FrameworkMatrix.of(List.of(coding), CasesBy.PARTICIPANT);
    Verbatim quote = coding.quote(coding.segments().get(0).id(), QuoteId.of("Q1"), Consent.GIVEN);

    FrameworkMatrix written = matrix.withSummary("P01", ACCESS, "CAMHS waits are the main issue.")
        .withQuote("P01", ACCESS, quote);

    assertThat(matrix.cell("P01", ACCESS).summary()).isNull();
    assertThat(written.cell("P01", ACCESS).summary()).isEqualTo("CAMHS waits are the main issue.");
    assertThat(written.cell("P01", ACCESS).excerpts()).hasSize(1);
    assertThat(written.quotes()).containsExactly(quote);
    assertThat(quote.attribution()).isEqualTo("representative of a children and young people's organisation");
    assertThat(quote.source().participant().value()).isEqualTo("P01");
    assertThat(quote.source().locator()).isEqualTo("00:00:07");
    assertThat(quote.themes()).containsExactly("waiting");
    assertThatThrownBy(() -> written.withQuote("P01", ACCESS, quote)).hasMessage("cell (P01, access) already has "
        + "quote Q1");
    assertThatThrownBy(() -> matrix.withSummary("P09", ACCESS, "x")).hasMessageStartingWith("the matrix has no "
        + "case P09");
  }
}
