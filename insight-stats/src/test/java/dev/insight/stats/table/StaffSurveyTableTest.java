package dev.insight.stats.table;

import dev.insight.stats.design.SurveyDesign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.insight.core.csv.SurveyCsvReader;
import dev.insight.core.csv.SurveyMapping;
import dev.insight.core.data.Dataset;
import dev.insight.core.input.ReadMode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The staff survey's priorities (a multiple-response question) by sector, raked weights as fixed weights: the
 * table's Rao-Scott tests reproduce R {@code svychisq} (golden {@code expected_sector_tests.csv}) to 1e-6
 * relative, and the Total column's weighted percentages agree with the weights.
 */
class StaffSurveyTableTest {
  private static final List<String> PRIORITIES = List.of("pri_workforce", "pri_mental_health",
      "pri_healthy_weight", "pri_addiction", "pri_early_years", "pri_older_people", "pri_inequalities",
      "pri_housing", "pri_carers", "pri_prevention");

  private static Reader resource(String name) {
    return new InputStreamReader(Objects.requireNonNull(StaffSurveyTableTest.class.getResourceAsStream(
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

  @Test
  void prioritiesBySector_raoScottMatchesSvychisqForEveryPriority() throws IOException {
    Dataset data;
    try (Reader reader = resource("staff_survey.csv")) {
      data = SurveyCsvReader.read(reader, "staff_survey.csv", SurveyMapping.builder("id").categorical("sector")
          .categorical("contact").multiColumns("priorities", "Priorities commented on", PRIORITIES).build(),
          ReadMode.STRICT).value();
    }
    double[] weights = csv("expected_rake_weights.csv").stream().mapToDouble(r -> Double.parseDouble(r[1]))
        .toArray();
    BannerTable table = BannerTables.compute(SurveyDesign.builder(data).weights(weights).build(), TableSpec.of(List.of(RowSpec.options("priorities")),
        List.of("sector", "contact")));
    Map<String, AssociationTest> bySector = new HashMap<>();
    for (AssociationTest test : table.blocks().get(0).tests()) {
      if (test.bannerVariable().equals("sector")) {
        bySector.put(test.row(), test);
      }
    }
    List<String[]> expected = csv("expected_sector_tests.csv");
    assertThat(bySector).hasSize(expected.size());
    for (String[] row : expected) {
      AssociationTest test = bySector.get(row[0]);
      assertThat(test.result().f()).as(row[0]).isCloseTo(Double.parseDouble(row[1]), withinPercentage(1e-4));
      assertThat(test.result().ndf()).as(row[0]).isCloseTo(Double.parseDouble(row[2]),
          withinPercentage(1e-4));
      assertThat(test.result().ddf()).as(row[0]).isCloseTo(Double.parseDouble(row[3]),
          withinPercentage(1e-4));
      assertThat(test.result().chisq()).as(row[0]).isCloseTo(Double.parseDouble(row[5]),
          withinPercentage(1e-4));
      assertThat(test.result().chisqPValue()).as(row[0]).isCloseTo(Double.parseDouble(row[6]),
          withinPercentage(1e-4));
    }
    double totalWeight = 0;
    for (double w : weights) {
      totalWeight += w;
    }
    assertThat(table.blocks().get(0).bases().get(0).weighted()).isCloseTo(totalWeight, withinPercentage(1e-10));
  }

  @Test
  void prioritiesBySector_percentagesAndBasesMatchRsDomainEstimates() throws IOException {
    Dataset data;
    try (Reader reader = resource("staff_survey.csv")) {
      data = SurveyCsvReader.read(reader, "staff_survey.csv", SurveyMapping.builder("id").categorical("sector")
          .multiColumns("priorities", null, PRIORITIES).build(), ReadMode.STRICT).value();
    }
    double[] weights = csv("expected_rake_weights.csv").stream().mapToDouble(r -> Double.parseDouble(r[1]))
        .toArray();
    BannerTable table = BannerTables.compute(SurveyDesign.builder(data).weights(weights).build(), TableSpec.of(List.of(RowSpec.options("priorities")),
        List.of("sector")));
    RowBlock block = table.blocks().get(0);
    int checked = 0;
    // expected_priority_estimates.csv: variable, subgroup, unweighted_n, weighted_n, effective_n, proportion, ...
    for (String[] row : csv("expected_priority_estimates.csv")) {
      int column = -1;
      for (int c = 0; c < table.columns().size(); c++) {
        BannerColumn bc = table.columns().get(c);
        if (row[1].equals("(all)") ? bc.isTotal() : row[1].equals(bc.code())) {
          column = c;
        }
      }
      Base base = block.bases().get(column);
      TableRow tableRow = block.rows().stream().filter(r -> r.code().equals(row[0])).findFirst().orElseThrow();
      assertThat(base.unweighted()).isEqualTo(Double.parseDouble(row[2]));
      assertThat(base.weighted()).isCloseTo(Double.parseDouble(row[3]), withinPercentage(1e-4));
      assertThat(base.effective()).isCloseTo(Double.parseDouble(row[4]), withinPercentage(1e-4));
      assertThat(tableRow.cells().get(column).columnPercent() / 100).as(row[0] + " " + row[1])
          .isCloseTo(Double.parseDouble(row[5]), withinPercentage(1e-4));
      checked++;
    }
    assertThat(checked).isEqualTo(60);
  }
}
