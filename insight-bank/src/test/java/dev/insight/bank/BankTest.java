package dev.insight.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.core.evidence.Consent;
import dev.insight.core.programme.Programme;
import dev.insight.core.programme.ProgrammeId;
import dev.insight.core.programme.ReferenceList;
import dev.insight.core.programme.Visibility;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BankTest {
  @TempDir
  Path dir;

  private Bank withCaseStudy() {
    Bank bank = Bank.open(dir.resolve("bank"), null);
    bank.add(Fixtures.caseStudy(), List.of(Fixtures.comments(Consent.GIVEN)), false);
    return bank;
  }

  @Test
  void search_byWords_findsTheFinding_withItsSourceBaseAndConsent() {
    try (Bank bank = withCaseStudy()) {
      SearchResult result = bank.search(BankQuery.words("carers alone after diagnosis"));

      Hit first = result.hits().get(0);
      assertThat(first.kind()).isEqualTo(ItemKind.FINDING);
      assertThat(first.id()).isEqualTo("F-lr-dementia");
      assertThat(first.text()).isEqualTo("Carers felt alone after diagnosis and did not know where to turn.");
      assertThat(first.source()).isEqualTo("Dementia voices (source study)");
      assertThat(first.base()).isEqualTo("depth interviews, 41 people: people living with dementia and their carers "
          + "(Healthwatch, 2017)");
      assertThat(first.consent()).isEqualTo("not applicable");
      assertThat(first.programme()).isEqualTo("hwb-strategy-2022");
      assertThat(first.date()).isEqualTo("2017-01-01");
      assertThat(result.byMeaning()).isFalse();
      assertThat(result.note()).isEqualTo("search by words only: the bank was built without a sentence embedder");
    }
  }

  @Test
  void quotes_areConsentedAndRedacted_andAQuoteWithoutConsentIsNotStored() {
    Bank bank = Bank.open(dir.resolve("bank"), null);
    AddResult added = bank.add(Fixtures.caseStudy(), List.of(), false);

    assertThat(added.notes()).containsExactly("quote Q-fg-families-2 left out: consent not recorded (only consented "
        + "quotes are kept in the bank)");
    assertThat(added.items().get(ItemKind.QUOTE)).isEqualTo(10);
    List<Hit> quotes = bank.search(BankQuery.words("").withKinds(Set.of(ItemKind.QUOTE)).withLimit(100)).hits();
    assertThat(quotes).hasSize(10).allSatisfy(q -> {
      assertThat(q.consent()).isEqualTo("given");
      assertThat(q.redaction()).startsWith("redacted: ");
    });
    assertThat(quotes).extracting(Hit::id).doesNotContain("Q-fg-families-2");
    bank.close();
  }

  @Test
  void comments_withConsent_areRedacted_andWithoutItKeepOnlyTheirThemes() {
    try (Bank bank = Bank.open(dir.resolve("given"), null)) {
      bank.add(Fixtures.caseStudy(), List.of(Fixtures.comments(Consent.GIVEN)), false);
      Hit staff = bank.search(BankQuery.words("enough staff").withKinds(Set.of(ItemKind.COMMENT))).hits().get(0);

      assertThat(staff.text()).isEqualTo("Without enough staff none of this will happen. Email me at [email]");
      assertThat(staff.redaction()).isEqualTo("redacted: 1 email");
      assertThat(staff.base()).isEqualTo("1 of 3 coded comments; needs adequate staff/skills: 1 of 3");
      assertThat(staff.themes()).containsExactly("needs adequate staff/skills");
    }
    try (Bank bank = Bank.open(dir.resolve("withheld"), null)) {
      AddResult added = bank.add(Fixtures.caseStudy(), List.of(Fixtures.comments(Consent.NOT_RECORDED)), false);

      assertThat(added.notes()).contains("3 comments from staff-survey kept with their themes only: consent not "
          + "recorded");
      // the words are not indexed: only the theme's own words find the comment
      assertThat(bank.search(BankQuery.words("none of this will happen").withKinds(Set.of(ItemKind.COMMENT))).hits())
          .isEmpty();
      assertThat(bank.search(BankQuery.words("skills").withKinds(Set.of(ItemKind.COMMENT))).hits()).hasSize(1);
      List<Hit> byTheme = bank.search(BankQuery.words("").withTheme("Needs adequate funding")
          .withKinds(Set.of(ItemKind.COMMENT))).hits();
      assertThat(byTheme).singleElement().satisfies(h -> {
        assertThat(h.text()).isEqualTo("(words withheld: consent not recorded)");
        assertThat(h.consent()).isEqualTo("not recorded");
      });
    }
  }

  @Test
  void add_again_replacesIt_andKeepsEveryVersion() {
    try (Bank bank = withCaseStudy()) {
      Programme edited = Fixtures.caseStudy().with(List.of(), "Lancashire", Visibility.PUBLIC);

      AddResult again = bank.add(edited, List.of(), false);

      assertThat(again.version()).isEqualTo(2);
      assertThat(again.replaced()).isTrue();
      assertThat(bank.list()).singleElement().satisfies(p -> {
        assertThat(p.version()).isEqualTo(2);
        assertThat(p.place()).isEqualTo("Lancashire");
      });
      assertThat(bank.search(BankQuery.words("").withKinds(Set.of(ItemKind.COMMENT))).hits()).isEmpty();
      assertThat(bank.search(BankQuery.words("carers").withPlace("lancashire")).hits()).isNotEmpty();
      assertThat(bank.programmeVersion("hwb-strategy-2022", 1).orElseThrow().place()).isNull();
      assertThat(bank.programme("hwb-strategy-2022").orElseThrow()).isEqualTo(edited);
    }
  }

  @Test
  void add_anotherProgrammeWithTheSameId_failsNamingBoth_andLeavesTheBankAsItWas() {
    try (Bank bank = withCaseStudy()) {
      Programme other = Fixtures.caseStudy();
      Programme clash = new Programme(other.id(), "Dental access survey", other.purpose(), other.period(),
          other.principles(), other.organisations(), other.audiences(), other.participants(), other.activities(),
          other.priorities(), other.quotes(), other.findings(), other.recommendations(), other.responses());

      assertThatThrownBy(() -> bank.add(clash, List.of(), false)).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("programme id hwb-strategy-2022 is already in the bank for another programme, \"Ten-year "
              + "health and wellbeing strategy: engagement on the draft\" (version 1), not \"Dental access "
              + "survey\": give the new programme another id, or replace the old one on purpose (--replace)");
      assertThat(bank.list()).singleElement().satisfies(p -> assertThat(p.version()).isEqualTo(1));
      assertThat(bank.add(clash, List.of(), true).version()).isEqualTo(2);
    }
  }

  @Test
  void internalUseOnly_isLeftOutUnlessAskedFor() {
    try (Bank bank = Bank.open(dir.resolve("bank"), null)) {
      bank.add(Fixtures.caseStudy().with(List.of(), null, Visibility.INTERNAL_USE_ONLY), List.of(), false);

      assertThat(bank.search(BankQuery.words("carers")).hits()).isEmpty();
      assertThat(bank.search(BankQuery.words("carers").withInternal(true)).hits())
          .isNotEmpty().allSatisfy(h -> assertThat(h.internalUseOnly()).isTrue());
      assertThat(bank.coverage(ReferenceList.healthInequalities(), false).programmes()).isZero();
    }
  }

  @Test
  void filters_byAudienceActivityKindDateAndPriority() {
    try (Bank bank = withCaseStudy()) {
      List<Hit> focusGroups = bank.search(BankQuery.words("").withActivityKind("focus group")
          .withKinds(Set.of(ItemKind.FINDING, ItemKind.QUOTE)).withLimit(200)).hits();
      assertThat(focusGroups).isNotEmpty().allSatisfy(h -> assertThat(h.source()).contains("focus group"));

      List<Hit> old = bank.search(BankQuery.words("").withDates(null, LocalDate.of(2018, 12, 31)).withLimit(200))
          .hits();
      assertThat(old).isNotEmpty().allSatisfy(h -> assertThat(h.date()).isLessThanOrEqualTo("2018-12-31"));

      List<Hit> older = bank.search(BankQuery.words("").withAudience("Older people").withKinds(Set.of(
          ItemKind.FINDING)).withLimit(200)).hits();
      assertThat(older).extracting(Hit::id).contains("F-lr-dementia");

      List<Hit> weight = bank.search(BankQuery.words("").withPriority("healthy_weight").withLimit(200)).hits();
      assertThat(weight).extracting(Hit::id).contains("F-lr-obesity-yp").doesNotContain("F-lr-dementia");
    }
  }

  @Test
  void remove_takesEveryVersionAway() {
    try (Bank bank = withCaseStudy()) {
      assertThat(bank.remove(ProgrammeId.of("hwb-strategy-2022"))).isTrue();
      assertThat(bank.remove(ProgrammeId.of("hwb-strategy-2022"))).isFalse();
      assertThat(bank.list()).isEmpty();
      assertThat(bank.search(BankQuery.words("carers")).hits()).isEmpty();
    }
  }

  @Test
  void coverage_acrossTheBank_namesWhoNoProgrammeHeard() {
    try (Bank bank = withCaseStudy()) {
      BankCoverage coverage = bank.coverage(ReferenceList.healthInequalities(), false);

      assertThat(coverage.programmes()).isEqualTo(1);
      assertThat(coverage.notHeard()).extracting(a -> a.id().value())
          .containsExactlyElementsOf(Fixtures.caseStudy().notReached().stream().map(a -> a.id().value()).toList());
      assertThat(coverage.groups().get(1).programmes()).containsExactly("hwb-strategy-2022");
    }
  }

  @Test
  void search_byMeaning_findsWhatWordsMiss_andFusesBoth() {
    try (Bank bank = Bank.open(dir.resolve("bank"), Fixtures.concepts("concepts-v1", 16))) {
      bank.add(Fixtures.caseStudy(), List.of(), false);

      SearchResult words = bank.search(BankQuery.words("expensive"));
      assertThat(words.byMeaning()).isTrue();
      assertThat(words.hits()).isNotEmpty();
      assertThat(words.hits().get(0).text().toLowerCase(java.util.Locale.ROOT)).containsAnyOf("cost", "money",
          "funding", "afford", "expensive");
    }
    try (Bank readOnly = Bank.openReadOnly(dir.resolve("bank"), null)) {
      SearchResult without = readOnly.search(BankQuery.words("carers"));
      assertThat(without.byMeaning()).isFalse();
      assertThat(without.note()).isEqualTo("search by meaning is off: the bank was built with the embedder "
          + "concepts-v1, which is not available here");
    }
  }
}
