package dev.insight.stats.design;

import static dev.insight.stats.GoldenFiles.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.insight.core.data.Dataset;
import dev.insight.stats.GoldenFiles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every weight of the golden raked, post-stratified and bounded-linear files, and the raked API cluster sample. */
class GoldenWeightsTest {
  private static Dataset staff;
  private static List<Margin> margins;
  private static SurveyDesign start;

  @BeforeAll
  static void load() {
    staff = GoldenFiles.staffSurvey();
    margins = GoldenFiles.staffMargins();
    start = SurveyDesign.builder(staff).equalWeights(margins.get(0).total()).build();
  }

  private static void assertWeights(SurveyDesign design, String file, String idColumn) {
    List<Map<String, String>> expected = GoldenFiles.rows(file);
    assertThat(expected).hasSize(design.rowCount());
    for (int row = 0; row < expected.size(); row++) {
      Map<String, String> line = expected.get(row);
      String id = line.get(idColumn);
      int at = idColumn.equals("id") ? design.data().rowOf(dev.insight.core.data.RespondentId.of(id)).orElseThrow()
          : row;
      assertClose(file + " " + id, design.weight(at), Double.parseDouble(line.get("weight")));
    }
  }

  @Test
  void rake_staffSurveyOnSectorAreaAge_matchesRToEveryRespondent() {
    WeightingResult result = Raking.of(margins).withTolerance(1e-10).apply(start);
    assertWeights(result.design(), "expected_rake_weights.csv", "id");
    assertThat(result.report().converged()).isTrue();
    assertThat(result.report().largestGap()).isLessThanOrEqualTo(1e-10);
    assertThat(result.design().history()).extracting(s -> s.operation()).containsExactly("design", "rake");
  }

  @Test
  void postStratify_staffSurveyOnSector_matchesR() {
    WeightingResult result = PostStratification.of(margins.get(0)).apply(start);
    assertWeights(result.design(), "expected_poststrat_weights.csv", "id");
  }

  @Test
  void linearCalibration_withGWeightBounds_matchesR() {
    WeightingResult result = ModelCalibration.toMargins(margins.subList(0, 2)).withBounds(0.3, 3).apply(start);
    assertWeights(result.design(), "expected_linear_bounded_weights.csv", "id");
    for (int i = 0; i < staff.rowCount(); i++) {
      double g = result.design().weight(i) / start.weight(i);
      assertThat(g).isBetween(0.3 - 1e-12, 3 + 1e-12);
    }
  }

  @Test
  void rake_apiClusterSample_matchesRclus1Weights() {
    SurveyDesign dclus1 = SurveyDesign.builder(GoldenFiles.api("apiclus1.csv")).weights("pw").cluster("dnum")
        .fpc("fpc").build();
    WeightingResult result = Raking.of(ApiMargins.ALL).apply(dclus1);
    assertWeights(result.design(), "expected_rclus1_weights.csv", "snum");
  }

  /** The population margins of R's {@code ?rake} example. */
  static final class ApiMargins {
    static final Margin STYPE = Margin.counts("stype", Map.of("E", 4421.0, "H", 755.0, "M", 1018.0));
    static final Margin SCHWIDE = Margin.counts("sch.wide", Map.of("No", 1072.0, "Yes", 5122.0));
    static final List<Margin> ALL = List.of(STYPE, SCHWIDE);

    private ApiMargins() {}
  }
}
