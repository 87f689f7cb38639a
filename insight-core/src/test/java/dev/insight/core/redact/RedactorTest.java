package dev.insight.core.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {
  private static final Redactor STANDARD = Redactor.standard();
  private static final Redactor NAMES = Redactor.of(List.of("Zoë Adams", "Siobhán Ó Súilleabháin",
      "Dr Kwame Mensah-Owusu"));

  @ParameterizedTest
  @ValueSource(strings = {"943 476 5919", "9434765919", "943-476-5919", "401 023 2137", "450 557 7104"})
  void nhsNumber_validCheckDigit_isRedacted(String number) {
    RedactedText result = STANDARD.redact("my NHS number is " + number + ".");

    assertThat(result.text()).isEqualTo("my NHS number is [NHS number].");
    assertThat(result.redactions()).containsExactly(new Redaction(RedactionKind.NHS_NUMBER, 17,
        17 + number.length(), 17));
  }

  @ParameterizedTest
  @ValueSource(strings = {"943 476 5918", "9434765910", "123 456 7890", "401-023 2137"})
  void nhsNumber_failingCheckDigitOrMixedSeparators_isNotAnNhsNumber(String number) {
    RedactedText result = STANDARD.redact("reference " + number);

    assertThat(result.text()).isEqualTo("reference " + number);
    assertThat(result.redactions()).isEmpty();
  }

  @Test
  void nhsNumber_checkDigitOfTen_isNeverValid() {
    // 1,2,3,4,5,6,7,8,8: sum 10+18+24+28+30+30+28+24+16 = 208, 208 mod 11 = 10, 11 - 10 = 1 -> valid with 1
    assertThat(NhsNumber.isValid("1234567881")).isTrue();
    // 0,0,0,0,0,0,0,0,1 (weight 2): sum 2, 11 - 2 = 9
    assertThat(NhsNumber.isValid("0000000019")).isTrue();
    // 0,0,0,0,0,0,0,1,0 (weight 3) plus weight-2 digit 4: sum 3 + 8 = 11 -> 0 -> check 0
    assertThat(NhsNumber.isValid("0000000140")).isTrue();
    // sum 1 (no digit gives 1 directly: weight 10 digit 1 gives 10, 10 mod 11 = 10, check 1); weight-2 digit 5:
    // sum 10, 11 - 10 = 1; weight-2 digit 0 and weight-10 digit 1 plus weight-9 digit 0 ... : sum 12 -> 12 mod 11 =
    // 1 -> check 10: invalid whatever the last digit
    for (int last = 0; last <= 9; last++) {
      assertThat(NhsNumber.isValid("100000001" + last)).as("check digit 10, last %s", last).isFalse();
    }
    assertThat(NhsNumber.isValid("943476591")).isFalse();
    assertThat(NhsNumber.isValid("94347659x9")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"07700 900123", "07700900123", "07700-900-123", "+44 7700 900123", "+447700900123",
      "0044 7700 900123", "+44 (0)20 7946 0958", "020 7946 0958", "0161 496 0000", "(0114) 496 0999",
      "01632 960123", "0800 123 456", "0800 123 4567", "+44 (0) 113 496 0123", "020.7946.0958", "07700.900.123",
      "+44.20.7946.0958", "020  7946  0958", "020 - 7946 - 0958", "0161.496.0000", "(020)7946 0958"})
  void phone_ukFormats_areRedacted(String number) {
    RedactedText result = STANDARD.redact("Call " + number + " today");

    assertThat(result.text()).isEqualTo("Call [phone] today");
    assertThat(result.redactions()).singleElement().extracting(Redaction::kind).isEqualTo(RedactionKind.PHONE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"between 2019 and 2022", "70% of calls", "ratio 0.5 of 100", "07700 9001",
      "+1 212 555 0100", "version 012345678901", "ticket 0600 123 4567 8"})
  void phone_notAUkNumber_isKept(String text) {
    assertThat(STANDARD.redact(text).text()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"SW1A 1AA", "sw1a 1aa", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "W1A 0AX", "EC1A 1BB",
      "LS11AB", "GIR 0AA", "gir0aa", "SW1A  1AA", "sw1a   1aa", "Ls1  1ab", "ec1a\u00A01bb", "gir  0aa"})
  void postcode_ukFormats_areRedacted(String postcode) {
    RedactedText result = STANDARD.redact("I live at " + postcode + ", near the park");

    assertThat(result.text()).isEqualTo("I live at [postcode], near the park");
    assertThat(result.count(RedactionKind.POSTCODE)).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"the LS1 area", "Q1 1AA", "SW1A 1CA", "flat 12 AB", "covid19 jab", "M1 1AEX"})
  void postcode_districtOnlyOrInvalid_isKept(String text) {
    assertThat(STANDARD.redact(text).text()).isEqualTo(text);
  }

  @Test
  void email_isRedactedOnceEvenWhenItContainsAName() {
    RedactedText result = NAMES.redact("Write to Adams.Z@example.nhs.uk or zoe+cyp@charity.org.uk.");

    assertThat(result.text()).isEqualTo("Write to [email] or [email].");
    assertThat(result.redactions()).extracting(Redaction::kind).containsOnly(RedactionKind.EMAIL);
  }

  @Test
  void names_fullPartsAccentlessAndHyphenated_areRedactedButTitlesAndOtherWordsKept() {
    String text = "As zoë  adams said, Zoe agreed with Siobhán and Ó Súilleabháin's team; Dr Mensah-Owusu and "
        + "Owusu too. Adamson was absent.";

    RedactedText result = NAMES.redact(text);

    assertThat(result.text()).isEqualTo("As [name] said, [name] agreed with [name] and Ó [name]'s team; Dr [name] "
        + "and [name] too. Adamson was absent.");
    assertThat(result.count(RedactionKind.NAME)).isEqualTo(6);
  }

  @Test
  void names_insideOtherHyphenatedOrPossessiveWords_andInCapitals() {
    Redactor redactor = Redactor.of(List.of("Kwame Mensah", "Niamh O'Brien"));

    assertThat(redactor.redact("Smith-Mensah, MENSAH, KWAME MENSAH, O'Brien's and Mensahs").text())
        .isEqualTo("Smith-[name], [name], [name], [name]'s and Mensahs");
  }

  @Test
  void names_inAnyCaseAndPossessive_areRedactedKeepingThePossessive() {
    Redactor redactor = Redactor.of(List.of("Sarah Kowalczyk", "Jan Nowak"));

    assertThat(redactor.redact("SARAH'S idea; the Kowalczyks' garden; sarah agreed; KOWALCZYK’S car; "
        + "sarah kowalczyk and SARAH  KOWALCZYK; Nowaks’ dog; Sarahs and Kowalczykowa kept").text())
        .isEqualTo("[name]'S idea; the [name]s' garden; [name] agreed; [name]’S car; [name] and [name]; "
            + "[name]s’ dog; Sarahs and Kowalczykowa kept");
  }

  @Test
  void names_partThatIsACommonWord_keptInLowerCaseButRedactedCapitalised() {
    Redactor redactor = Redactor.of(List.of("Will Green", "Hope Adeyemi"));

    assertThat(redactor.redact("Will said we will hope for green spaces; HOPE and Green agreed; will green "
        + "came").text())
        .isEqualTo("[name] said we will hope for green spaces; [name] and [name] agreed; [name] came");
  }

  @Test
  void email_hostileRunOfDots_isReadWithoutOverflowingTheStack() {
    String hostile = "x@" + "a.".repeat(20_000) + " and y@" + "b.".repeat(20_000) + "org.uk";

    RedactedText result = STANDARD.redact(hostile);

    assertThat(result.text()).isEqualTo("x@" + "a.".repeat(20_000) + " and [email]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a@b", "a@b.c", "@example.com", "a@.com", "a@b..com", "a@b.c0m"})
  void email_incompleteAddresses_areKept(String text) {
    assertThat(STANDARD.redact("see " + text + " there").text()).isEqualTo("see " + text + " there");
  }

  @Test
  void email_adjacentAndInsideWords_eachFoundOnce() {
    assertThat(STANDARD.redact("a@b.com,c.d@e-f.co.uk;(g@h.io)").text()).isEqualTo("[email],[email];([email])");
  }

  @Test
  void redactions_recordOffsetsInOriginalAndRedactedText() {
    String text = "Zoë: 07700 900123, SW1A 1AA";

    RedactedText result = NAMES.redact(text);

    assertThat(result.text()).isEqualTo("[name]: [phone], [postcode]");
    assertThat(result.redactions()).containsExactly(new Redaction(RedactionKind.NAME, 0, 3, 0),
        new Redaction(RedactionKind.PHONE, 5, 17, 8), new Redaction(RedactionKind.POSTCODE, 19, 27, 17));
    for (Redaction r : result.redactions()) {
      assertThat(result.text().substring(r.redactedStart(), r.redactedEnd())).isEqualTo(r.kind().placeholder());
    }
  }

  @Test
  void offsets_mappedIntoTheRedactedText_insideARedactionSnapToItsPlaceholder() {
    // "Ring 07700 900123 now" -> "Ring [phone] now": the phone is [5, 17), the placeholder [5, 12)
    RedactedText result = STANDARD.redact("Ring 07700 900123 now");

    assertThat(result.text()).isEqualTo("Ring [phone] now");
    assertThat(result.startInRedacted(0)).isZero();
    assertThat(result.startInRedacted(5)).isEqualTo(5);
    assertThat(result.startInRedacted(9)).isEqualTo(5);
    assertThat(result.endInRedacted(9)).isEqualTo(12);
    assertThat(result.endInRedacted(17)).isEqualTo(12);
    assertThat(result.startInRedacted(18)).isEqualTo(13);
    assertThat(result.endInRedacted(21)).isEqualTo(16);
  }

  @Test
  void redactor_ofSomeKindsOnly_leavesTheOthers() {
    Redactor emailsOnly = Redactor.of(List.of("Zoë Adams"), EnumSet.of(RedactionKind.EMAIL));

    assertThat(emailsOnly.redact("Zoë a@b.com 07700 900123").text()).isEqualTo("Zoë [email] 07700 900123");
    assertThatThrownBy(() -> Redactor.of(List.of(), EnumSet.noneOf(RedactionKind.class)))
        .hasMessageContaining("at least one kind");
  }

  @Test
  void policy_redactsByDefault_andOptOutNeedsAReasonAndSaysItDidNotRedact() {
    assertThat(RedactionPolicy.standard().apply("a@b.com").text()).isEqualTo("[email]");
    RedactionPolicy internal = RedactionPolicy.internalUseOnly("coding by the research team");
    RedactedText kept = internal.apply("a@b.com");

    assertThat(kept.text()).isEqualTo("a@b.com");
    assertThat(kept.redacted()).isFalse();
    assertThat(internal.redacts()).isFalse();
    assertThat(internal.internalUseReason()).contains("coding by the research team");
    assertThatThrownBy(() -> RedactionPolicy.internalUseOnly(" "))
        .hasMessage("the reason for not redacting is required and cannot be blank");
  }
}
