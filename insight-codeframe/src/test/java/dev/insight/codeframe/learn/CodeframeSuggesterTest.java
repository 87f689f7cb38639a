package dev.insight.codeframe.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeframeSuggesterTest {
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
