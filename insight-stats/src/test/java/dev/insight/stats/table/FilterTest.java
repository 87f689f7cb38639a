package dev.insight.stats.table;

import dev.insight.stats.design.Filter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.core.data.Dataset;
import org.junit.jupiter.api.Test;

class FilterTest {
  private final Dataset data = TableFixtures.twoGroups();

  private int count(String expression) {
    int n = 0;
    for (boolean k : Filter.parse(expression).select(data)) {
      if (k) {
        n++;
      }
    }
    return n;
  }

  @Test
  void comparisons_onCategoriesNumbersAndOptions() {
    assertThat(count("group = A")).isEqualTo(100);
    assertThat(count("group != A")).isEqualTo(100);
    assertThat(count("score >= 4")).isEqualTo(80);
    assertThat(count("media = radio")).isEqualTo(67);
    assertThat(count("group in (A, B)")).isEqualTo(200);
    assertThat(count("group not in (A)")).isEqualTo(100);
  }

  @Test
  void andOrNot_withPrecedenceAndParentheses() {
    assertThat(count("group = A and answer = yes")).isEqualTo(60);
    assertThat(count("group = B or answer = yes and score = 1")).isEqualTo(100 + 12);
    assertThat(count("(group = B or answer = yes) and score = 1")).isEqualTo(20 + 12);
    assertThat(count("NOT group = A")).isEqualTo(100);
  }

  @Test
  void quotedValues_andRoundTripText() {
    Filter filter = Filter.parse("group in ('A', \"B\") and not score < 2");
    assertThat(filter.toString()).isEqualTo("(group in (A, B) and not score < 2)");
  }

  @Test
  void unknownCategory_isAnErrorNotAnEmptyMatch() {
    assertThatThrownBy(() -> Filter.parse("group = D").select(data))
        .hasMessage("filter: variable group has no category D; it has [A, B, C]");
  }

  @Test
  void unknownVariable_namesTheVariables() {
    assertThatThrownBy(() -> Filter.parse("sector = NHS").select(data))
        .hasMessage("no variable named sector; the dataset has [group, answer, score, media]");
  }

  @Test
  void hostileNesting_refusedAtTheLimitNamingPositionAndProperty() {
    String parens = "(".repeat(20_000) + "group = A" + ")".repeat(20_000);
    String nots = "not ".repeat(20_000) + "group = A";
    String chain = "group = A" + " and group = A".repeat(20_000);

    assertThatThrownBy(() -> Filter.parse(parens)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(tooDeep(parens, 102));
    assertThatThrownBy(() -> Filter.parse(nots)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(tooDeep(nots, 404));
    assertThatThrownBy(() -> Filter.parse(chain)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(tooDeep(chain, 1410));
  }

  private static String tooDeep(String filter, int position) {
    return "filter \"" + filter.substring(0, 200) + "... (" + filter.length() + " characters)\": at position "
        + position + ", the filter nests deeper than 100 levels (parentheses, not, and chained and/or); use 'in "
        + "(...)' for a list of values, or if it is meant, raise the limit with -Dinsight.parse.maxDepth=N";
  }

  @Test
  void nestingAndChainsWithinTheLimit_parseAndSelect() {
    assertThat(count("(".repeat(99) + "group = A" + ")".repeat(99))).isEqualTo(100);
    assertThat(count("group = B" + " or group = A".repeat(99))).isEqualTo(200);
  }

  @Test
  void syntaxErrors_giveThePositionAndWhatWasExpected() {
    assertThatThrownBy(() -> Filter.parse("group = A and")).hasMessage(
        "filter \"group = A and\": at position 14, expected a variable name");
    assertThatThrownBy(() -> Filter.parse("group in (A, B")).hasMessage(
        "filter \"group in (A, B\": at position 15, expected ',' or ')'");
    assertThatThrownBy(() -> Filter.parse("score ~ 3")).hasMessage(
        "filter \"score ~ 3\": at position 7, expected a comparison (=, !=, <, <=, >, >=) or 'in'");
    assertThatThrownBy(() -> Filter.parse("score > x").select(data)).hasMessage(
        "filter: variable score is numeric but x is not a number");
  }
}
