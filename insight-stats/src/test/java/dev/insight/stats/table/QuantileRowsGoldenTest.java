package dev.insight.stats.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.stats.GoldenFiles;
import dev.insight.stats.design.Filter;
import dev.insight.stats.design.ReplicateType;
import dev.insight.stats.design.SurveyDesign;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Quantile rows of a banner table against R's {@code svyby(~api00, ~stype, design, svyquantile, quantiles =
 * c(.25, .5, .75), ci = TRUE)} on the cluster, stratified and JK1 replicate designs: every quantile cell of
 * {@code expected_table_weighting.csv} ({@code make_table_weighting.R}) for those designs, estimate, interval and
 * standard error, NaN limits included. (The weighted designs of the same file are checked through the command.)
 */
class QuantileRowsGoldenTest {
  private static final List<String> DESIGNS = List.of("clus1", "strat", "clus1_jk1");

  private static SurveyDesign design(String name) {
    return switch (name) {
      case "clus1" -> SurveyDesign.builder(GoldenFiles.api("apiclus1.csv")).weights("pw").cluster("dnum")
          .fpc("fpc").build();
      case "strat" -> SurveyDesign.builder(GoldenFiles.api("apistrat.csv")).weights("pw").strata("stype")
          .fpc("fpc").build();
      case "clus1_jk1" -> design("clus1").withReplicates(ReplicateType.JK1, 0, 1, false);
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static BannerTable table(String design) {
    return BannerTables.compute(design(design), TableSpec.of(List.of(RowSpec.quantiles("api00", 0.25, 0.5, 0.75)),
        List.of("stype")));
  }

  static Stream<String> designs() {
    return DESIGNS.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("designs")
  void quantileCells_matchSvybySvyquantile(String design) {
    BannerTable table = table(design);
    RowBlock block = table.blocks().get(0);
    List<Map<String, String>> expected = GoldenFiles.rows("expected_table_weighting.csv").stream()
        .filter(r -> r.get("design").equals(design) && r.get("row").startsWith("api00@")).toList();
    assertThat(expected).hasSize(3 * table.columns().size());
    for (Map<String, String> row : expected) {
      String p = row.get("row").substring("api00@".length());
      TableRow quantile = block.rows().stream().filter(r -> r.code().equals(p)).findFirst().orElseThrow();
      assertThat(quantile.kind()).isEqualTo(RowKind.QUANTILE);
      int column = column(table, row.get("column"));
      Cell cell = quantile.cells().get(column);
      String what = design + " " + row.get("row") + " " + row.get("column");
      check(what + " estimate", cell.quantile(), row.get("estimate"));
      check(what + " se", cell.standardError(), row.get("se"));
      check(what + " ci_low", cell.ciLow(), row.get("ci_low"));
      check(what + " ci_high", cell.ciHigh(), row.get("ci_high"));
      assertThat(cell.letters()).isEmpty();
    }
    assertThat(block.tests()).isEmpty();
    assertThat(block.rows()).extracting(TableRow::label).containsExactly("Lower quartile", "Median",
        "Upper quartile");
  }

  private static int column(BannerTable table, String name) {
    if (name.equals("Total")) {
      return 0;
    }
    String code = name.substring(name.indexOf('=') + 1);
    for (int c = 1; c < table.columns().size(); c++) {
      if (table.columns().get(c).code().equals(code)) {
        return c;
      }
    }
    throw new AssertionError("no column " + name);
  }

  private static void check(String what, double actual, String expected) {
    GoldenFiles.assertCloseOrNaN(what, actual, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("designs")
  void percentageStandardErrors_matchSvymeanInEachColumn(String design) {
    BannerTable table = BannerTables.compute(design(design), TableSpec.of(List.of(RowSpec.categories("awards")),
        List.of("stype")).withOptions(TableOptions.defaults().withStandardErrors(true)));
    List<Map<String, String>> expected = GoldenFiles.rows("expected_table_weighting.csv").stream()
        .filter(r -> r.get("design").equals(design) && r.get("row").startsWith("awards=")).toList();
    assertThat(expected).hasSize(2 * table.columns().size());
    for (Map<String, String> row : expected) {
      String code = row.get("row").substring("awards=".length());
      TableRow awards = table.blocks().get(0).rows().stream().filter(r -> r.code().equals(code)).findFirst()
          .orElseThrow();
      Cell cell = awards.cells().get(column(table, row.get("column")));
      check(design + " " + row + " percent", cell.columnPercent(), row.get("estimate"));
      check(design + " " + row + " se", cell.standardError(), row.get("se"));
    }
  }

  @Test
  void withoutStandardErrorsAsked_percentageCellsHaveNone() {
    BannerTable table = BannerTables.compute(design("clus1"), TableSpec.of(List.of(RowSpec.categories("awards")),
        List.of("stype")));

    assertThat(table.blocks().get(0).rows().get(0).cells()).allMatch(c -> Double.isNaN(c.standardError()));
  }

  @Test
  void quantileBases_countTheColumnsRespondentsWithAValue() {
    RowBlock block = table("clus1").blocks().get(0);

    assertThat(block.basis()).isEqualTo("respondents with a value");
    assertThat(block.bases().get(0).unweighted()).isEqualTo(183);
    assertThat(block.bases().subList(1, 4).stream().mapToDouble(Base::unweighted).sum()).isEqualTo(183);
  }

  @Test
  void quantileRows_inAFilteredTable_areTheFilteredDomain() {
    SurveyDesign design = design("clus1");
    BannerTable filtered = BannerTables.compute(design, TableSpec.of(List.of(RowSpec.median("api00")),
        List.of("stype")).withFilter(Filter.category("awards", "Yes")));
    double expected = dev.insight.stats.estimate.Estimator.of(design).quantile("api00", 0.5,
        new Filter.And(Filter.category("awards", "Yes"), Filter.category("stype", "E"))).value();

    assertThat(filtered.blocks().get(0).rows().get(0).cells().get(1).quantile()).isEqualTo(expected);
  }

  @Test
  void quantilesOfACategory_areRefusedNamingTheVariable() {
    assertThatThrownBy(() -> BannerTables.compute(design("clus1"), TableSpec.of(List.of(
        RowSpec.quantiles("awards", 0.5)), List.of("stype"))))
        .hasMessage("row variable awards is not numeric; quantiles need a numeric variable");
  }

  @Test
  void repeatedOrOutOfRangeProbabilities_areRefused() {
    assertThatThrownBy(() -> RowSpec.quantiles("api00", 0.5, 0.5))
        .hasMessage("quantiles of api00: a probability repeats: [0.5, 0.5]");
    assertThatThrownBy(() -> RowSpec.quantiles("api00", 0))
        .hasMessage("quantiles of api00: probability 0.0 is not in (0, 1]");
    assertThatThrownBy(() -> RowSpec.quantiles("api00"))
        .hasMessage("quantiles of api00 need at least one probability");
  }

  @Test
  void labels_nameTheQuartilesAndPercentiles() {
    assertThat(List.of(0.1, 0.25, 0.5, 0.75, 0.9, 0.01, 0.125).stream().map(QuantileRows::label).toList())
        .containsExactly("10th percentile", "Lower quartile", "Median", "Upper quartile", "90th percentile",
            "1st percentile", "Quantile 0.125");
  }
}
