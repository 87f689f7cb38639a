package dev.insight.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {
  private static final List<Category> SECTORS = List.of(Category.of("1", "NHS"), Category.of("2", "Council"),
      Category.missing("9", "Prefer not to say"));

  @Test
  void categorical_storesIndicesAndCountsAndTreatsDeclaredMissingAsMissing() {
    CategoricalVariable sector = CategoricalVariable.of("sector", "Sector", SECTORS, new int[] {0, 1, 2, -1, 0});

    assertThat(sector.counts()).containsExactly(2, 1, 1);
    assertThat(sector.categoryAt(1)).contains(SECTORS.get(1));
    assertThat(sector.categoryAt(3)).isEmpty();
    assertThat(sector.isMissing(2)).isTrue();
    assertThat(sector.isMissing(3)).isTrue();
    assertThat(sector.isMissing(0)).isFalse();
    assertThat(sector.missingCount()).isEqualTo(2);
    assertThat(sector.copyIndices()).containsExactly(0, 1, 2, -1, 0);
  }

  @Test
  void categorical_withMoreThan127Categories_storesIntIndices() {
    List<Category> many = java.util.stream.IntStream.range(0, 300).mapToObj(i -> Category.of("c" + i)).toList();
    CategoricalVariable variable = CategoricalVariable.of("many", null, many, new int[] {299, 128, -1});

    assertThat(variable.categoryIndex(0)).isEqualTo(299);
    assertThat(variable.categoryIndex(1)).isEqualTo(128);
    assertThat(variable.label()).isEqualTo("many");
  }

  @Test
  void categorical_indexOutOfRange_failsNamingVariableAndRow() {
    assertThatThrownBy(() -> CategoricalVariable.of("sector", null, SECTORS, new int[] {0, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("variable sector, row 1: category index 3 is out of range [-1, 3)");
  }

  @Test
  void categoricalBuilder_unknownCode_failsListingKnownCodes() {
    CategoricalVariable.Builder builder = CategoricalVariable.builder("sector", null, SECTORS);

    assertThatThrownBy(() -> builder.addCode("7"))
        .hasMessage("variable sector: unknown category 7 (known: [1, 2, 9])");
  }

  @Test
  void category_duplicateCode_isRejected() {
    assertThatThrownBy(() -> CategoricalVariable.of("q", null, List.of(Category.of("1"), Category.of("1")),
        new int[0])).hasMessage("variable q: category code 1 appears twice");
  }

  @Test
  void multiResponse_builderKeepsSelectionsMissingAndCounts() {
    MultiResponseVariable.Builder builder = MultiResponseVariable.builder("pri", null,
        List.of(Category.of("a"), Category.of("b"), Category.of("c")));
    for (int i = 0; i < 100; i++) {
      if (i % 10 == 0) {
        builder.addMissing();
      } else {
        builder.add(i % 2 == 0 ? new int[] {0, 2} : new int[] {1});
      }
    }
    MultiResponseVariable pri = builder.build();

    assertThat(pri.size()).isEqualTo(100);
    assertThat(pri.missingCount()).isEqualTo(10);
    assertThat(pri.counts()).containsExactly(40, 50, 40);
    assertThat(pri.isSelected(64, 2)).isTrue();
    assertThat(pri.isSelected(65, 2)).isFalse();
    assertThat(pri.isSelected(70, 0)).isFalse();
    assertThat(pri.mentions(64)).isEqualTo(2);
    assertThat(pri.selectedRows(1).cardinality()).isEqualTo(50);
  }

  @Test
  void multiResponse_selectionOutsideAnswered_isRejected() {
    BitSet chosen = new BitSet();
    chosen.set(2);
    BitSet answered = new BitSet();
    answered.set(0, 2);

    assertThatThrownBy(() -> MultiResponseVariable.of("m", null, List.of(Category.of("x")), List.of(chosen),
        answered, 3)).hasMessage("variable m: row 2 chose option x but is marked as not answering");
  }

  @Test
  void numeric_missingCodesAndNaN_areMissingButKeptAsStored() {
    NumericVariable age = NumericVariable.builder("age", null).missingCodes(-99).add(34).add(-99).add(Double.NaN)
        .build();

    assertThat(age.isMissing(0)).isFalse();
    assertThat(age.isMissing(1)).isTrue();
    assertThat(age.valueAt(1)).isEqualTo(-99);
    assertThat(age.isMissing(2)).isTrue();
    assertThat(age.copyValidValues()).containsExactly(34, Double.NaN, Double.NaN);
  }

  @Test
  void numeric_infinite_isRejected() {
    assertThatThrownBy(() -> NumericVariable.of("x", null, new double[] {1, Double.POSITIVE_INFINITY}))
        .hasMessage("variable x, row 1: value cannot be infinite: Infinity");
  }

  @Test
  void text_blankIsNoAnswer() {
    TextVariable comment = TextVariable.of("comment", null, java.util.Arrays.asList("Good", " ", null));

    assertThat(comment.textAt(0)).contains("Good");
    assertThat(comment.isMissing(1)).isTrue();
    assertThat(comment.isMissing(2)).isTrue();
  }

  @Test
  void dataset_duplicateId_failsNamingIdAndRows() {
    assertThatThrownBy(() -> Dataset.builder(List.of("R1", "R2", "R1")))
        .hasMessage("duplicate respondent id R1 in rows 0 and 2");
  }

  @Test
  void dataset_variableOfWrongLength_isRejected() {
    Dataset.Builder builder = Dataset.builder(List.of("R1", "R2"));

    assertThatThrownBy(() -> builder.add(NumericVariable.of("x", null, new double[] {1})))
        .hasMessage("variable x has 1 rows but the dataset has 2");
  }

  @Test
  void dataset_lookupsByKindNameTheProblem() {
    Dataset data = Dataset.builder(List.of("R1", "R2"))
        .add(NumericVariable.of("age", null, new double[] {30, 40}))
        .build();

    assertThat(data.numeric("age").valueAt(1)).isEqualTo(40);
    assertThat(data.rowOf(RespondentId.of("R2"))).contains(1);
    assertThat(data.rowOf(RespondentId.of("R9"))).isEmpty();
    assertThatThrownBy(() -> data.categorical("age")).hasMessage("variable age is numeric, not categorical");
    assertThatThrownBy(() -> data.variable("sex")).hasMessage("no variable named sex; the dataset has [age]");
  }

  @Test
  void dataset_withAndWithout_returnNewDatasetsLeavingTheOriginal() {
    Dataset data = Dataset.builder(List.of("R1")).add(NumericVariable.of("a", null, new double[] {1})).build();
    Dataset more = data.with(NumericVariable.of("b", null, new double[] {2}));

    assertThat(data.variableNames()).containsExactly("a");
    assertThat(more.variableNames()).containsExactly("a", "b");
    assertThat(more.without("a").variableNames()).containsExactly("b");
  }
}
