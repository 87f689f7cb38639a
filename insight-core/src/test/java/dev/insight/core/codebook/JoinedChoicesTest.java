package dev.insight.core.codebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.insight.core.csv.ColumnSpec;
import dev.insight.core.csv.SurveyCsvReader;
import dev.insight.core.csv.SurveyMapping;
import dev.insight.core.data.Category;
import dev.insight.core.data.MultiResponseVariable;
import dev.insight.core.input.ReadMode;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Choices joined in one cell, with options whose labels hold the delimiter and typed-in "other" answers. */
class JoinedChoicesTest {
  private static Map<String, Integer> cells(Object... cellAndCount) {
    Map<String, Integer> cells = new LinkedHashMap<>();
    for (int i = 0; i < cellAndCount.length; i += 2) {
      cells.put((String) cellAndCount[i], (Integer) cellAndCount[i + 1]);
    }
    return cells;
  }

  @Test
  void anOptionWithACommaOfItsOwn_isKeptWholeAndSaid() {
    JoinedChoices choices = JoinedChoices.of(cells("Workforce", 3, "Housing, including homelessness", 2,
        "Workforce, Housing, including homelessness", 2, "Mental health", 2, "Workforce, Mental health", 1), ",",
        60);

    assertThat(choices).isNotNull();
    assertThat(choices.options()).containsExactlyInAnyOrder("Workforce", "Housing, including homelessness",
        "Mental health");
    assertThat(choices.chosen("Workforce, Housing, including homelessness")).containsExactly("Workforce",
        "Housing, including homelessness");
    assertThat(choices.notes()).containsExactly("read \"Housing, including homelessness\" as one option: "
        + "\"including homelessness\" never starts a cell and always follows \"Housing\"");
  }

  @Test
  void anOptionWhoseFirstPartIsAlsoChosenAlone_isJoinedAndSaidToBeAmbiguous() {
    JoinedChoices choices = JoinedChoices.of(cells("Parks", 3, "Parks, gardens and play areas", 2,
        "Roads", 2, "Roads, Parks", 2), ",", 60);

    assertThat(choices).isNotNull();
    assertThat(choices.options()).contains("Parks", "Parks, gardens and play areas", "Roads");
    assertThat(choices.notes()).containsExactly("read \"Parks, gardens and play areas\" as one option: \"gardens "
        + "and play areas\" never starts a cell and always follows \"Parks\" (ambiguous: \"Parks\" is also chosen "
        + "without it; give the options in a codebook to be sure)");
  }

  @Test
  void optionsInAFixedOrder_areNotGluedTogether() {
    JoinedChoices choices = JoinedChoices.of(cells("Workforce", 2, "Workforce, Mental health", 3,
        "Housing", 2, "Housing, Mental health", 1), ",", 60);

    assertThat(choices).isNotNull();
    assertThat(choices.options()).containsExactlyInAnyOrder("Workforce", "Mental health", "Housing");
    assertThat(choices.notes()).isEmpty();
  }

  @Test
  void textTypedIntoTheOtherBox_isReadAsOtherAndSaid() {
    JoinedChoices choices = JoinedChoices.of(cells("Workforce", 4, "Housing", 3, "Workforce, Housing", 2,
        "Housing, Buses every hour", 1), ",", 60);

    assertThat(choices).isNotNull();
    assertThat(choices.options()).containsExactly("Workforce", "Housing", JoinedChoices.OTHER);
    assertThat(choices.chosen("Housing, Buses every hour")).containsExactly("Housing", "Other");
    assertThat(choices.notes()).containsExactly("1 answer holds text chosen by no other respondent (\"Buses every "
        + "hour\"), read as the option Other");
  }

  @Test
  void freeTextWithCommas_isNoListOfOptions() {
    assertThat(JoinedChoices.of(cells("More care, please.", 3, "Keep it simple", 2,
        "Housing matters, and so does transport.", 2), ",", 60)).isNull();
  }

  @Test
  void aCodebookOptionHoldingTheDelimiter_isReadWhole() {
    List<Category> options = List.of(Category.of("Workforce"), Category.of("Housing, including homelessness"));
    SurveyMapping mapping = SurveyMapping.builder("id").add(new ColumnSpec.MultiList("topics", "topics", null,
        ",", options)).build();

    MultiResponseVariable topics = SurveyCsvReader.read(new StringReader("id,topics\n1,\"Workforce, Housing, "
        + "including homelessness\"\n2,\"Housing, including homelessness\"\n"), "t.csv", mapping, ReadMode.STRICT)
        .value().multiResponse("topics");

    assertThat(topics.isSelected(0, 0)).isTrue();
    assertThat(topics.isSelected(0, 1)).isTrue();
    assertThat(topics.isSelected(1, 0)).isFalse();
    assertThat(topics.isSelected(1, 1)).isTrue();
  }
}
