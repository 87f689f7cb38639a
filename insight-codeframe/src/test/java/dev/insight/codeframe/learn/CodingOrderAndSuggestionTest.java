package dev.insight.codeframe.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodingOrderAndSuggestionTest {

  @Test
  void codingOrder_putsCommentsTheModelCannotPlaceFirst() {
    LearnedCoder coder = LearnedCoder.train(Synthetic.multiLabel(200, 11), Synthetic.options());
    List<String> uncoded = new ArrayList<>(Synthetic.multiLabel(30, 12).texts());
    uncoded.add("the hospital visit today was really the service and appointment");

    List<CodingCandidate> next = CodingOrder.next(coder, uncoded, 5);

    assertThat(next).hasSize(5);
    assertThat(next.get(0).index()).isEqualTo(30); // filler only: no code's words, so the model is unsure
    assertThat(next).isSortedAccordingTo((a, b) -> 0).allSatisfy(c -> {
      assertThat(c.uncertainty()).isBetween(0.0, 1.0);
      assertThat(c.density()).isBetween(0.0, 1.0);
    });
  }

  @Test
  void suggest_groupsSimilarCommentsWithTheirDistinctiveWords() {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      texts.add("the food was cold and the food portions small " + i);
      texts.add("wifi signal terrible, no wifi in the ward " + i);
    }

    List<SuggestedCode> suggestions = CodeframeSuggester.suggest(texts, 2, 3, 42);

    assertThat(suggestions).hasSize(2);
    assertThat(suggestions).anySatisfy(s -> {
      assertThat(s.distinctiveWords()).contains("food");
      assertThat(s.size()).isEqualTo(10);
      assertThat(s.examples()).allSatisfy(e -> assertThat(e).contains("food"));
    });
    assertThat(suggestions).anySatisfy(s -> assertThat(s.label()).contains("wifi"));
  }

  @Test
  void suggest_withEmbeddings_groupsByMeaningWhereTheWordsDiffer() {
    // each group's comments share no word but the filler; only the embedder knows they mean the same
    String[] parking = {"car", "automobile", "vehicle", "parking", "parked"};
    String[] staff = {"nurse", "doctor", "physician", "receptionist", "staff"};
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      texts.add("it was about the " + parking[i % 5] + " again, visit " + i);
      texts.add("it was about the " + staff[i % 5] + " again, visit " + i);
    }

    List<SuggestedCode> suggestions = CodeframeSuggester.suggest(texts, 2, 3, 42, new ConceptEmbedder());

    assertThat(suggestions).hasSize(2).allSatisfy(group -> assertThat(group.size()).isEqualTo(10));
    assertThat(suggestions).anySatisfy(group -> {
      assertThat(group.examples()).allSatisfy(e -> assertThat(e).containsAnyOf(parking));
      assertThat(group.distinctiveWords()).containsAnyOf(parking);
    });
    assertThat(suggestions).anySatisfy(group ->
        assertThat(group.examples()).allSatisfy(e -> assertThat(e).containsAnyOf(staff)));
  }

  @Test
  void suggest_nothingToGroup_returnsNothing() {
    assertThat(CodeframeSuggester.suggest(List.of("", "!!"), 2, 1, 42)).isEmpty();
  }
}
