package dev.insight.stats.table;

import dev.insight.stats.design.Filter;
import dev.insight.stats.design.SurveyDesign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.insight.core.data.Dataset;
import dev.insight.stats.inference.Correction;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BannerTablesTest {
  private final Dataset data = TableFixtures.twoGroups();

  private BannerTable answerByGroup() {
    return BannerTables.compute(SurveyDesign.builder(data).build(), TableSpec.of(List.of(RowSpec.categories("answer")), List.of("group")));
  }

  @Test
  void singleChoice_countsPercentsAndBasesByColumn() {
    BannerTable table = answerByGroup();
    assertThat(table.columns()).extracting(BannerColumn::code).containsExactly("Total", "A", "B", "C");
    assertThat(table.columns()).extracting(BannerColumn::letter).containsExactly("", "A", "B", "C");
    RowBlock block = table.blocks().get(0);
    assertThat(block.bases()).extracting(Base::unweighted).containsExactly(200.0, 100.0, 100.0, 0.0);
    assertThat(block.bases()).extracting(Base::flag)
        .containsExactly(BaseFlag.OK, BaseFlag.OK, BaseFlag.OK, BaseFlag.EMPTY);
    TableRow yes = block.rows().get(0);
    assertThat(yes.cells()).extracting(Cell::unweightedCount).containsExactly(90.0, 60.0, 30.0, 0.0);
    assertThat(yes.cells().get(0).columnPercent()).isEqualTo(45.0);
    assertThat(yes.cells().get(1).columnPercent()).isEqualTo(60.0);
    assertThat(yes.cells().get(3).columnPercent()).isNaN();
  }

  @Test
  void singleChoice_sixtyAgainstThirtyPercent_marksTheHigherColumnUpperCase() {
    // unweighted: t = (0.6 - 0.3) / sqrt(0.45 * 0.55 * (2/100)) = 4.264, p far below 0.05; the empty column C is
    // shown but not tested
    TableRow yes = answerByGroup().blocks().get(0).rows().get(0);
    assertThat(yes.cells()).extracting(Cell::letters).containsExactly("", "B", "", "");
    assertThat(yes.cells().get(1).versusRest()).isEqualTo(Comparison.HIGHER);
    assertThat(yes.cells().get(2).versusRest()).isEqualTo(Comparison.LOWER);
    assertThat(yes.cells().get(3).versusRest()).isEqualTo(Comparison.NOT_TESTED);
  }

  @Test
  void columnsBelowTheMinimumBase_areNotTested() {
    BannerTable table = BannerTables.compute(SurveyDesign.builder(data).build(), TableSpec.of(List.of(RowSpec.categories("answer")),
        List.of("group")).withOptions(TableOptions.defaults().withBases(101, 150)));
    assertThat(table.blocks().get(0).bases().get(1).flag()).isEqualTo(BaseFlag.NOT_TESTED);
    assertThat(table.blocks().get(0).rows().get(0).cells()).extracting(Cell::letters).containsOnly("");
  }

  @Test
  void lowerCaseLetters_atTheTenPercentLevelOnly() {
    // 60% vs 48% on 100 each: pooled 0.54, t = 0.12 / sqrt(0.54 * 0.46 * 0.02) = 1.7026, df 198, p = 0.0902
    int n = 200;
    int[] group = new int[n];
    int[] answer = new int[n];
    for (int i = 0; i < n; i++) {
      group[i] = i < 100 ? 0 : 1;
      answer[i] = (i < 100 ? i < 60 : i < 148) ? 0 : 1;
    }
    Dataset d = Dataset.builder(TableFixtures.ids(n))
        .add(dev.insight.core.data.CategoricalVariable.of("g", null,
            List.of(dev.insight.core.data.Category.of("A"), dev.insight.core.data.Category.of("B")), group))
        .add(dev.insight.core.data.CategoricalVariable.of("a", null,
            List.of(dev.insight.core.data.Category.of("yes"), dev.insight.core.data.Category.of("no")), answer))
        .build();
    TableRow yes = BannerTables.compute(SurveyDesign.builder(d).build(), TableSpec.of(List.of(RowSpec.categories("a")), List.of("g")))
        .blocks().get(0).rows().get(0);
    assertThat(yes.cells()).extracting(Cell::letters).containsExactly("", "b", "");
    TableRow yesStricter = BannerTables.compute(SurveyDesign.builder(d).build(), TableSpec.of(List.of(RowSpec.categories("a")),
        List.of("g")).withOptions(TableOptions.defaults().withLevels(0.01, 0.05)))
        .blocks().get(0).rows().get(0);
    assertThat(yesStricter.cells()).extracting(Cell::letters).containsOnly("");
  }

  @Test
  void multipleResponse_percentOfRespondentsAndOfMentions_andNetsCountOnce() {
    RowSpec.Options media = RowSpec.options("media").withNets(Net.of("Broadcast", "tv", "radio"));
    BannerTable respondents = BannerTables.compute(SurveyDesign.builder(data).build(), TableSpec.of(List.of(media), List.of()));
    RowBlock block = respondents.blocks().get(0);
    // tv: 100 even rows; radio: 67 multiples of 3; both: 34 multiples of 6; net: 100 + 67 - 34 = 133
    assertThat(block.rows()).extracting(r -> r.cells().get(0).unweightedCount())
        .containsExactly(100.0, 67.0, 0.0, 133.0);
    assertThat(block.rows().get(3).kind()).isEqualTo(RowKind.NET);
    assertThat(block.rows().get(3).cells().get(0).columnPercent()).isCloseTo(66.5, within(1e-12));
    BannerTable mentions = BannerTables.compute(SurveyDesign.builder(data).build(), TableSpec.of(List.of(RowSpec.options("media")
        .ofMentions()), List.of()));
    assertThat(mentions.blocks().get(0).bases().get(0).unweighted()).isEqualTo(167.0);
    assertThat(mentions.blocks().get(0).rows().get(0).cells().get(0).columnPercent())
        .isCloseTo(100.0 * 100 / 167, within(1e-12));
  }

  @Test
  void mean_weightedMeanAndSvyvarStandardDeviation() {
    double[] w = new double[200];
    for (int i = 0; i < w.length; i++) {
      w[i] = i % 2 == 0 ? 2 : 1;
    }
    BannerTable table = BannerTables.compute(SurveyDesign.builder(data).weights(w).build(), TableSpec.of(List.of(RowSpec.mean("score").withBoxes()),
        List.of()));
    Cell mean = table.blocks().get(0).rows().get(0).cells().get(0);
    // per block of 10 rows: scores 1..5 twice, weights 2 on even rows: sum w x = 2(1+3+5+2+4) + (2+4+1+3+5) = 45;
    // sum w = 15; mean 3; sum w (x-3)^2 = 2(4+0+4+1+1) + (1+1+4+0+4) = 30; var = 30/15 * 200/199
    assertThat(mean.mean()).isCloseTo(3.0, within(1e-12));
    assertThat(mean.standardDeviation()).isCloseTo(Math.sqrt(2.0 * 200 / 199), within(1e-12));
    assertThat(table.blocks().get(0).rows()).extracting(TableRow::code).containsExactly("mean", "top2",
        "bottom2");
    // top 2 box: scores 4 and 5, weighted share 2*(4 + 5 ...) -> (2 + 1 + 1 + 2) / 15 per block of 10 = 6/15
    assertThat(table.blocks().get(0).rows().get(1).cells().get(0).columnPercent()).isCloseTo(40.0,
        within(1e-12));
  }

  @Test
  void weightedBases_includeKishEffectiveBase() {
    double[] w = new double[200];
    Arrays.fill(w, 0, 100, 2.0);
    Arrays.fill(w, 100, 200, 1.0);
    Base total = BannerTables.compute(SurveyDesign.builder(data).weights(w).build(), TableSpec.of(List.of(RowSpec.categories("answer")),
        List.of("group"))).blocks().get(0).bases().get(0);
    assertThat(total.weighted()).isEqualTo(300.0);
    assertThat(total.effective()).isCloseTo(300.0 * 300 / 500, within(1e-12));
  }

  @Test
  void filter_restrictsTheTable_andOneKeepingNobodyFails() {
    BannerTable table = BannerTables.compute(SurveyDesign.builder(data).build(), TableSpec.of(List.of(RowSpec.categories("answer")),
        List.of("group")).withFilter(Filter.parse("group = A")));
    assertThat(table.blocks().get(0).bases().get(0).unweighted()).isEqualTo(100.0);
    assertThatThrownBy(() -> BannerTables.compute(SurveyDesign.builder(data).build(), TableSpec.of(List.of(RowSpec.categories("answer")),
        List.of("group")).withFilter(Filter.parse("group = C"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("filter group = C keeps no respondent (of 200)");
  }

  @Test
  void missingRowVariable_failsNamingIt() {
    assertThatThrownBy(() -> BannerTables.compute(SurveyDesign.builder(data).build(), TableSpec.of(List.of(RowSpec.categories("nope")),
        List.of("group"))))
        .hasMessage("row variable nope does not exist; the dataset has [group, answer, score, media]");
  }

  @Test
  void numericBannerVariable_failsSayingWhatBannersNeed() {
    assertThatThrownBy(() -> BannerTables.compute(SurveyDesign.builder(data).build(), TableSpec.of(List.of(RowSpec.categories("answer")),
        List.of("score"))))
        .hasMessage("banner variable score is numeric; banner variables must be single-choice or multiple response");
  }

  @Test
  void nanWeight_failsNamingTheRespondent() {
    double[] w = new double[200];
    Arrays.fill(w, 1);
    w[7] = Double.NaN;
    assertThatThrownBy(() -> BannerTables.compute(SurveyDesign.builder(data).weights(w).build(), TableSpec.of(List.of(RowSpec.categories("answer")),
        List.of("group"))))
        .hasMessage("weight of respondent R7 (row 8) is NaN: weights must be finite and 0 or more (0 leaves the respondent "
            + "outside the sample)");
  }

  @Test
  void multipleResponseBanner_overlappingColumnsAreTestedWithTheOverlapCorrection() {
    BannerTable table = BannerTables.compute(SurveyDesign.builder(data).build(), TableSpec.of(List.of(RowSpec.categories("answer")),
        List.of("media")).withOptions(TableOptions.defaults().withCorrection(Correction.BONFERRONI)));
    RowBlock block = table.blocks().get(0);
    assertThat(block.bases()).extracting(Base::unweighted).containsExactly(200.0, 100.0, 67.0, 0.0);
    // tv has 45 yes of 100, radio 31 of 67 (46.3%): no difference, and the test ran (no flag for 'not tested')
    assertThat(block.rows().get(0).cells().get(1).letters()).isEmpty();
    assertThat(block.rows().get(0).cells().get(1).versusRest()).isEqualTo(Comparison.SAME);
  }

  @Test
  void rowPercents_areSharesOfTheTotalCell() {
    BannerTable table = BannerTables.compute(SurveyDesign.builder(data).build(), TableSpec.of(List.of(RowSpec.categories("answer")),
        List.of("group")).withOptions(TableOptions.defaults().withRowPercents(true)));
    assertThat(table.blocks().get(0).rows().get(0).cells().get(1).rowPercent()).isCloseTo(200.0 / 3,
        within(1e-12));
  }

  @Test
  void raoScottInAFilteredTable_equalsTheTestOfTheSubgroupUnderTheSameDesign() {
    double[] w = new double[200];
    for (int i = 0; i < w.length; i++) {
      w[i] = 1 + (i * 7 % 13) / 10.0;
    }
    BannerTable table = BannerTables.compute(SurveyDesign.builder(data).weights(w).build(), TableSpec.of(List.of(RowSpec.categories("answer")),
        List.of("group")).withFilter(Filter.parse("score >= 2")));
    dev.insight.stats.inference.RaoScottTest fromCells = table.blocks().get(0).tests().get(0).result();
    boolean[] keep = Filter.parse("score >= 2").select(data);
    dev.insight.stats.inference.RaoScottTest overRespondents = dev.insight.stats.inference.RaoScott.test(
        SurveyDesign.builder(data).weights(w).build(), "answer", data.categorical("answer").copyIndices(), 2,
        "group", data.categorical("group").copyIndices(), 3, keep).orElseThrow();
    assertThat(fromCells.f()).isCloseTo(overRespondents.f(), within(1e-12));
    assertThat(fromCells.ddf()).isCloseTo(overRespondents.ddf(), within(1e-9));
    assertThat(fromCells.chisqPValue()).isCloseTo(overRespondents.chisqPValue(), within(1e-12));
  }

  @Test
  void respondentsWithoutABannerAnswer_countInTotalOnly_andTheNotesSaySo() {
    int[] group = new int[200];
    for (int i = 0; i < group.length; i++) {
      group[i] = i < 10 ? dev.insight.core.data.CategoricalVariable.NO_ANSWER : i % 2;
    }
    Dataset d = data.with(dev.insight.core.data.CategoricalVariable.of("half", null,
        List.of(dev.insight.core.data.Category.of("even"), dev.insight.core.data.Category.of("odd")), group));
    BannerTable table = BannerTables.compute(SurveyDesign.builder(d).build(), TableSpec.of(List.of(RowSpec.categories("answer")),
        List.of("half")));
    assertThat(table.blocks().get(0).bases()).extracting(Base::unweighted).containsExactly(200.0, 95.0, 95.0);
    assertThat(table.notes()).contains("10 respondents did not answer banner variable half: they count in Total only");
  }
}
