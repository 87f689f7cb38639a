package dev.insight.stats.inference;

import static dev.insight.stats.GoldenFiles.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.insight.core.data.Dataset;
import dev.insight.stats.GoldenFiles;
import dev.insight.stats.design.SurveyDesign;
import dev.insight.stats.design.Raking;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of R's Rao-Scott golden values: the staff survey's sector tests and the API {@code svychisq} rows. */
class GoldenRaoScottTest {
  private static final Dataset STAFF = GoldenFiles.staffSurvey();
  private static final SurveyDesign FIXED = SurveyDesign.builder(STAFF)
      .weights(Raking.of(GoldenFiles.staffMargins()).withTolerance(1e-10)
          .apply(SurveyDesign.builder(STAFF).equalWeights(103000).build()).design().weights())
      .build();

  static Stream<Map<String, String>> sectorRows() {
    return GoldenFiles.rows("expected_sector_tests.csv").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sectorRows")
  void sectorByPriority_matchesSvychisq(Map<String, String> row) {
    RaoScottTest test = RaoScott.test(FIXED, "sector", row.get("variable"));
    String what = "sector x " + row.get("variable") + " ";
    assertClose(what + "F", test.f(), d(row, "rao_scott_F"));
    assertClose(what + "ndf", test.ndf(), d(row, "ndf"));
    assertClose(what + "ddf", test.ddf(), d(row, "ddf"));
    assertClose(what + "p_F", test.pValue(), d(row, "p_F"));
    assertClose(what + "chisq", test.chisq(), d(row, "rao_scott_chisq"));
    assertClose(what + "p_chisq", test.chisqPValue(), d(row, "p_chisq"));
    assertThat(test.df()).isEqualTo(4);
  }

  static Stream<Map<String, String>> apiRows() {
    return GoldenFiles.rows("expected_api_estimates.csv").stream()
        .filter(row -> row.get("quantity").startsWith("svychisq"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("apiRows")
  void apiClusterSample_matchesSvychisq(Map<String, String> row) {
    SurveyDesign dclus1 = SurveyDesign.builder(GoldenFiles.api("apiclus1.csv")).weights("pw").cluster("dnum")
        .fpc("fpc").build();
    RaoScottTest test = RaoScott.test(dclus1, "sch.wide", "stype");
    boolean f = row.get("quantity").endsWith("statistic=F");
    assertClose(row.get("quantity"), f ? test.f() : test.chisq(), d(row, "estimate"));
    assertClose(row.get("quantity") + " p-value", f ? test.pValue() : test.chisqPValue(), d(row, "se"));
  }

  private static double d(Map<String, String> row, String column) {
    return Double.parseDouble(row.get(column));
  }
}
