package dev.insight.stats.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.insight.stats.design.Filter;
import dev.insight.core.csv.SurveyCsvReader;
import dev.insight.core.csv.SurveyMapping;
import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Dataset;
import dev.insight.core.input.ReadMode;
import dev.insight.stats.design.SurveyDesign;
import dev.insight.stats.inference.RaoScott;
import dev.insight.stats.inference.RaoScottTest;
import dev.insight.stats.design.Margin;
import dev.insight.stats.design.Raking;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Tables under a {@link SurveyDesign}: Rao-Scott from the design's own linearisation, against R {@code svychisq}
 * to 1e-6 relative (golden files of 12 significant digits; see {@code golden/SOURCE.md}).
 */
class DesignTableTest {
  private static final List<String> PRIORITIES = List.of("pri_workforce", "pri_mental_health",
      "pri_healthy_weight", "pri_addiction", "pri_early_years", "pri_older_people", "pri_inequalities",
      "pri_housing", "pri_carers", "pri_prevention");

  private static Reader resource(String name) {
    return new InputStreamReader(Objects.requireNonNull(DesignTableTest.class.getResourceAsStream(
        "/golden/" + name)), StandardCharsets.UTF_8);
  }

  private static List<String[]> csv(String name) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(resource(name))) {
      reader.readLine();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        rows.add(line.replace("\"", "").split(","));
      }
    }
    return rows;
  }

  private static Dataset staff() throws IOException {
    try (Reader reader = resource("staff_survey.csv")) {
      return SurveyCsvReader.read(reader, "staff_survey.csv", SurveyMapping.builder("id").categorical("sector")
          .categorical("area").categorical("age").categorical("contact").numeric("commented")
          .multiColumns("priorities", null, PRIORITIES).build(), ReadMode.STRICT).value();
    }
  }

  private static List<Margin> margins() throws IOException {
    Map<String, Map<String, Double>> targets = new LinkedHashMap<>();
    for (String[] row : csv("margins.csv")) {
      targets.computeIfAbsent(row[0], k -> new LinkedHashMap<>()).put(row[1], Double.parseDouble(row[2]));
    }
    List<Margin> margins = new ArrayList<>();
    targets.forEach((variable, map) -> margins.add(Margin.counts(variable, map)));
    return margins;
  }

  private static void assertMatches(RaoScottTest result, String[] expected, int first) {
    assertThat(result.f()).isCloseTo(Double.parseDouble(expected[first]), withinPercentage(1e-4));
    assertThat(result.ndf()).isCloseTo(Double.parseDouble(expected[first + 1]), withinPercentage(1e-4));
    assertThat(result.ddf()).isCloseTo(Double.parseDouble(expected[first + 2]), withinPercentage(1e-4));
    assertThat(result.pValue()).isCloseTo(Double.parseDouble(expected[first + 3]), withinPercentage(1e-4));
    assertThat(result.chisq()).isCloseTo(Double.parseDouble(expected[first + 4]), withinPercentage(1e-4));
    assertThat(result.chisqPValue()).isCloseTo(Double.parseDouble(expected[first + 5]), withinPercentage(1e-4));
  }

  @Test
  void rakedDesign_raoScottAccountsForTheRaking_asSvychisqOnTheRakedDesign() throws IOException {
    Dataset data = staff();
    List<Margin> margins = margins();
    SurveyDesign raked = Raking.of(margins).withTolerance(1e-10)
        .apply(SurveyDesign.builder(data).equalWeights(margins.get(0).total()).build()).design();
    BannerTable table = BannerTables.compute(raked, TableSpec.of(List.of(RowSpec.options("priorities")),
        List.of("sector")));
    List<AssociationTest> tests = table.blocks().get(0).tests();
    List<String[]> expected = csv("expected_sector_tests_raked_design.csv");
    assertThat(tests).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(tests.get(i).row()).isEqualTo(expected.get(i)[0]);
      assertMatches(tests.get(i).result(), expected.get(i), 1);
    }
  }

  @Test
  void filteredTable_isADomainOfTheFullDesign_asSvychisqOnASubset() throws IOException {
    Dataset data = staff();
    List<Margin> margins = margins();
    SurveyDesign raked = Raking.of(margins).withTolerance(1e-10)
        .apply(SurveyDesign.builder(data).equalWeights(margins.get(0).total()).build()).design();
    TableSpec spec = TableSpec.of(List.of(RowSpec.options("priorities")), List.of("contact"))
        .withFilter(Filter.parse("commented = 1"));
    String[] expected = csv("expected_domain_test.csv").get(0);
    BannerTable fixed = BannerTables.compute(SurveyDesign.builder(data).weights(raked.weights()).build(), spec);
    assertMatches(fixed.blocks().get(0).tests().get(0).result(), expected, 3);
    BannerTable viaDesign = BannerTables.compute(SurveyDesign.builder(data).weights(raked.weights()).build(), spec);
    assertMatches(viaDesign.blocks().get(0).tests().get(0).result(), expected, 3);
    assertThat(fixed.blocks().get(0).bases().get(0).unweighted()).isEqualTo(180.0);
  }

  @Test
  void apiClusterDesign_throughSurveyDesign_matchesSvychisq() throws IOException {
    Dataset api;
    try (Reader reader = resource("apiclus1.csv")) {
      api = SurveyCsvReader.read(reader, "apiclus1.csv", SurveyMapping.builder("snum").categorical("sch.wide")
          .categorical("stype").numeric("dnum").numeric("pw").numeric("fpc").build(), ReadMode.STRICT).value();
    }
    SurveyDesign dclus1 = SurveyDesign.builder(api).weights("pw").cluster("dnum").fpc("fpc").build();
    CategoricalVariable schWide = api.categorical("sch.wide");
    CategoricalVariable stype = api.categorical("stype");
    RaoScottTest result = RaoScott.test(dclus1, "sch.wide", schWide.copyIndices(), 2, "stype", stype.copyIndices(), 3, null)
        .orElseThrow();
    List<String[]> golden = csv("expected_api_estimates.csv");
    String[] f = golden.stream().filter(r -> r[1].equals("svychisq(sch.wide+stype) statistic=F")).findFirst()
        .orElseThrow();
    String[] chisq = golden.stream().filter(r -> r[1].equals("svychisq(sch.wide+stype) statistic=Chisq"))
        .findFirst().orElseThrow();
    assertThat(result.f()).isCloseTo(Double.parseDouble(f[2]), withinPercentage(1e-4));
    assertThat(result.pValue()).isCloseTo(Double.parseDouble(f[3]), withinPercentage(1e-4));
    assertThat(result.chisq()).isCloseTo(Double.parseDouble(chisq[2]), withinPercentage(1e-4));
    assertThat(result.chisqPValue()).isCloseTo(Double.parseDouble(chisq[3]), withinPercentage(1e-4));
  }

  @Test
  void apiClusterDesign_meansByBannerColumn_matchRsDomainMeansAndSvyvar() throws IOException {
    Dataset api;
    try (Reader reader = resource("apiclus1.csv")) {
      api = SurveyCsvReader.read(reader, "apiclus1.csv", SurveyMapping.builder("snum").categorical("stype")
          .numeric("api00").numeric("dnum").numeric("pw").numeric("fpc").build(), ReadMode.STRICT).value();
    }
    SurveyDesign dclus1 = SurveyDesign.builder(api).weights("pw").cluster("dnum").fpc("fpc").build();
    BannerTable table = BannerTables.compute(dclus1, TableSpec.of(List.of(RowSpec.mean("api00")),
        List.of("stype")));
    List<Cell> means = table.blocks().get(0).rows().get(0).cells();
    List<String[]> golden = csv("expected_api_estimates.csv");
    String[] labels = {"mean(api00)", "mean(api00)|stype=E", "mean(api00)|stype=H", "mean(api00)|stype=M"};
    for (int c = 0; c < labels.length; c++) {
      String label = labels[c];
      String[] row = golden.stream().filter(r -> r[0].equals("dclus1") && r[1].equals(label)).findFirst()
          .orElseThrow();
      assertThat(means.get(c).mean()).as(label).isCloseTo(Double.parseDouble(row[2]), withinPercentage(1e-4));
    }
    // R: sqrt(coef(svyvar(~api00, dclus1))) = 105.748866635 (printed by R survey on this machine)
    assertThat(means.get(0).standardDeviation()).isCloseTo(105.748866635, withinPercentage(1e-4));
  }
}
