package dev.insight.stats.table;

import dev.insight.stats.design.SurveyDesign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Category;
import dev.insight.core.data.Dataset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionTest {
  /** Region X/Y by answer a/b/c: X = (40, 5, 15), Y = (30, 22, 13). */
  private static Dataset data() {
    int[][] counts = {{40, 5, 15}, {30, 22, 13}};
    int n = 125;
    int[] region = new int[n];
    int[] answer = new int[n];
    int row = 0;
    for (int r = 0; r < 2; r++) {
      for (int a = 0; a < 3; a++) {
        for (int k = 0; k < counts[r][a]; k++) {
          region[row] = r;
          answer[row] = a;
          row++;
        }
      }
    }
    return Dataset.builder(TableFixtures.ids(n))
        .add(CategoricalVariable.of("region", null, List.of(Category.of("X"), Category.of("Y")), region))
        .add(CategoricalVariable.of("answer", null, List.of(Category.of("a"), Category.of("b"), Category.of("c")),
            answer))
        .build();
  }

  private static BannerTable table() {
    return BannerTables.compute(SurveyDesign.builder(data()).build(), TableSpec.of(List.of(RowSpec.categories("answer")), List.of("region")));
  }

  @Test
  void nhs_hidesOneToSeven_andSecondarySuppressionProtectsRowAndColumnTotals() {
    BannerTable table = Suppression.nhs().apply(table());
    List<TableRow> rows = table.blocks().get(0).rows();
    // X,b = 5 is hidden; in its row (Total 27 = X + Y) the smallest other cell, Y,b = 22, goes too; in column X
    // (base 60) the smallest other category, X,c = 15, goes; then row c (Total 28 = 15 + 13) loses Y,c = 13
    // and column Y is left with two hidden cells: done
    assertThat(rows.get(1).cells().get(1).suppressed()).isTrue();
    assertThat(rows.get(1).cells().get(2).suppressed()).isTrue();
    assertThat(rows.get(2).cells().get(1).suppressed()).isTrue();
    assertThat(rows.get(2).cells().get(2).suppressed()).isTrue();
    assertThat(rows.get(1).cells().get(1).columnPercent()).isNaN();
    assertThat(rows.get(0).cells().get(1).suppressed()).isFalse();
    // other counts rounded to the nearest 5, percentages from the rounded counts
    assertThat(rows.get(1).cells().get(0).unweightedCount()).isEqualTo(25.0);
    assertThat(rows.get(0).cells().get(0).unweightedCount()).isEqualTo(70.0);
    assertThat(table.blocks().get(0).bases().get(0).unweighted()).isEqualTo(125.0);
    assertThat(rows.get(0).cells().get(1).columnPercent()).isEqualTo(100.0 * 40 / 60);
  }

  @Test
  void threshold_hidesBelowItAndShowsOtherCountsExactly() {
    BannerTable table = Suppression.threshold(14).apply(table());
    List<TableRow> rows = table.blocks().get(0).rows();
    assertThat(rows.get(1).cells().get(1).suppressed()).isTrue();
    assertThat(rows.get(2).cells().get(2).suppressed()).isTrue();
    assertThat(rows.get(0).cells().get(2).unweightedCount()).isEqualTo(30.0);
    assertThat(table.notes()).last().asString().contains("counts of 1 to 13 hidden");
  }

  @Test
  void none_returnsTheTableUnchanged() {
    BannerTable table = table();
    assertThat(Suppression.none().apply(table)).isSameAs(table);
  }

  @Test
  void parse_acceptsTheCommandLineForms() {
    assertThat(Suppression.parse("NHS")).isEqualTo(Suppression.nhs());
    assertThat(Suppression.parse("threshold:10")).isEqualTo(Suppression.threshold(10));
    assertThatThrownBy(() -> Suppression.parse("threshold:ten"))
        .hasMessage("suppression threshold:ten: threshold:N needs a whole number");
    assertThatThrownBy(() -> Suppression.parse("round"))
        .hasMessage("suppression round: expected none, nhs or threshold:N");
  }
}
