package dev.insight.core.codebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.insight.core.data.Category;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerScalesTest {
  private static List<String> codes(List<Category> categories) {
    return categories.stream().map(Category::code).toList();
  }

  @Test
  void order_satisfactionInAnyOrderAndCase_isPutLowToHighWithNoAnswerCodesLastAndMissing() {
    List<Category> order = AnswerScales.order(List.of("Very satisfied", "Don\u2019t know", "very dissatisfied",
        "Fairly satisfied", "Neither satisfied nor dissatisfied", "Fairly dissatisfied")).orElseThrow();

    assertThat(codes(order)).containsExactly("very dissatisfied", "Fairly dissatisfied",
        "Neither satisfied nor dissatisfied", "Fairly satisfied", "Very satisfied", "Don\u2019t know");
    assertThat(order.get(5).missing()).isTrue();
    assertThat(order.get(4).missing()).isFalse();
  }

  @Test
  void order_agreementLikelihoodFrequencyAndQuality_areRecognised() {
    assertThat(codes(AnswerScales.order(List.of("Agree", "Strongly disagree", "Strongly agree", "Disagree",
        "Neither agree nor disagree")).orElseThrow())).containsExactly("Strongly disagree", "Disagree",
        "Neither agree nor disagree", "Agree", "Strongly agree");
    assertThat(codes(AnswerScales.order(List.of("Likely", "Very unlikely", "Very likely", "Unlikely"))
        .orElseThrow())).containsExactly("Very unlikely", "Unlikely", "Likely", "Very likely");
    assertThat(codes(AnswerScales.order(List.of("Always", "Never", "Sometimes", "Often", "Rarely")).orElseThrow()))
        .containsExactly("Never", "Rarely", "Sometimes", "Often", "Always");
    assertThat(codes(AnswerScales.order(List.of("Good", "Excellent", "Poor", "Fair")).orElseThrow()))
        .containsExactly("Poor", "Fair", "Good", "Excellent");
  }

  @Test
  void order_zeroToTenWithWordedEnds_isNumeric() {
    assertThat(codes(AnswerScales.order(List.of("10 - Extremely likely", "2", "0 - Not at all likely", "9", "5"))
        .orElseThrow())).containsExactly("0 - Not at all likely", "2", "5", "9", "10 - Extremely likely");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Yes|No", "NHS|Council|VCFSE", "Agree|Very satisfied", "Satisfied|Fairly satisfied",
      "1|2|3", "Don't know|Prefer not to say"})
  void order_answersThatAreNoSingleScale_haveNoOrder(String answers) {
    assertThat(AnswerScales.order(List.of(answers.split("\\|")))).isEmpty();
  }

  @Test
  void scores_aFivePointScaleWithAPointNobodyChose_keepThePointsPlaces() {
    assertThat(AnswerScales.scores(List.of("Satisfied", "Dissatisfied", "Very satisfied", "Don't know"))
        .orElseThrow()).containsOnly(Map.entry("Dissatisfied", 2.0), Map.entry("Satisfied", 4.0),
        Map.entry("Very satisfied", 5.0));
  }

  @Test
  void scores_aSevenPointScale_runFromOneToSeven() {
    assertThat(AnswerScales.scores(List.of("Extremely satisfied", "Very dissatisfied", "Satisfied"))
        .orElseThrow()).containsOnly(Map.entry("Very dissatisfied", 2.0), Map.entry("Satisfied", 5.0),
        Map.entry("Extremely satisfied", 7.0));
  }

  @Test
  void scores_textInNoKnownOrder_areEmpty() {
    assertThat(AnswerScales.scores(List.of("Red", "Amber", "Green"))).isEmpty();
  }
}
