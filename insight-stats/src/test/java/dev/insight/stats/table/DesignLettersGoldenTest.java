package dev.insight.stats.table;

import static dev.insight.stats.GoldenFiles.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Dataset;
import dev.insight.stats.GoldenFiles;
import dev.insight.stats.design.SurveyDesign;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Design-based banner letters against R's {@code svyttest} on the two columns' respondents (and on the column
 * against the rest), for the cluster and stratified API samples: every row of {@code expected_design_letters.csv}
 * ({@code make_design_letters.R}).
 */
class DesignLettersGoldenTest {
  private static final Dataset CLUS1 = GoldenFiles.api("apiclus1.csv");
  private static final Dataset STRAT = GoldenFiles.api("apistrat.csv");

  static Stream<Map<String, String>> letters() {
    return GoldenFiles.rows("expected_design_letters.csv").stream();
  }

  private static SurveyDesign design(String name) {
    return name.equals("dclus1")
        ? SurveyDesign.builder(CLUS1).weights("pw").cluster("dnum").fpc("fpc").build()
        : SurveyDesign.builder(STRAT).weights("pw").strata("stype").fpc("fpc").build();
  }

  private static boolean[] column(Dataset data, String banner, String code, boolean rest) {
    CategoricalVariable v = data.categorical(banner);
    int index = v.indexOf(code);
    boolean[] in = new boolean[data.rowCount()];
    for (int i = 0; i < in.length; i++) {
      in[i] = (v.categoryIndex(i) == index) != rest;
    }
    return in;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("letters")
  void difference_matchesSvyttest(Map<String, String> expected) {
    SurveyDesign design = design(expected.get("design"));
    Dataset data = design.data();
    double[] w = design.weights();
    Question question;
    int item;
    if (expected.get("row").equals("yes")) {
      CategoricalVariable schWide = data.categorical("sch.wide");
      question = new Question.Single(w, schWide.copyIndices(), 2, new int[][] {{0}, {1}}, 2);
      item = schWide.indexOf("Yes");
    } else {
      question = new Question.Mean(w, data.numeric("api00").copyValidValues(), 0, false, Double.NaN, Double.NaN);
      item = -1;
    }
    String banner = expected.get("banner");
    boolean[] a = column(data, banner, expected.get("column"), false);
    boolean versusRest = expected.get("versus").equals("(rest)");
    boolean[] b = versusRest ? column(data, banner, expected.get("column"), true)
        : column(data, banner, expected.get("versus"), false);
    TTest t = ColumnLetters.difference(design, question, item, a, b);
    String what = expected.toString();
    assertClose(what + " difference", t.difference(), Double.parseDouble(expected.get("difference")));
    assertClose(what + " se", t.difference() / t.t(), Double.parseDouble(expected.get("se")));
    assertThat(t.degreesOfFreedom()).as(what).isEqualTo(Double.parseDouble(expected.get("df")));
    assertClose(what + " p", t.pValue(), Double.parseDouble(expected.get("p")));
  }

  @Test
  void clusterTable_lettersFollowSvyttest_andTheNotesNameTheMethod() {
    SurveyDesign dclus1 = design("dclus1");
    BannerTable table = BannerTables.compute(dclus1, TableSpec.of(List.of(RowSpec.categories("sch.wide")),
        List.of("stype")).withOptions(TableOptions.defaults().withBases(2, 2).withRaoScott(false)));
    TableRow yes = table.blocks().get(0).rows().stream().filter(r -> r.code().equals("Yes")).findFirst()
        .orElseThrow();
    // R: E - H p = 0.220, E - M p = 0.070 (lower case at 10%), H - M p = 0.341; E against the rest p = 0.079
    List<String> letters = yes.cells().stream().map(Cell::letters).toList();
    assertThat(letters).containsExactly("", "c", "", "");
    assertThat(yes.cells().get(1).versusRest()).isEqualTo(Comparison.SAME);
    assertThat(table.notes()).anyMatch(n -> n.contains("design-based t tests"));
  }

  @Test
  void weightsOnlyTable_keepsTheEffectiveBaseMethod() {
    SurveyDesign weighted = SurveyDesign.builder(CLUS1).weights("pw").build();
    BannerTable table = BannerTables.compute(weighted, TableSpec.of(List.of(RowSpec.categories("sch.wide")),
        List.of("stype")));
    assertThat(table.notes()).anyMatch(n -> n.contains("Kish effective bases"));
  }
}
