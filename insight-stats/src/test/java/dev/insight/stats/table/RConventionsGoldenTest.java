package dev.insight.stats.table;

import static dev.insight.stats.GoldenFiles.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.insight.core.csv.SurveyCsvReader;
import dev.insight.core.csv.SurveyMapping;
import dev.insight.core.data.Dataset;
import dev.insight.core.input.ReadMode;
import dev.insight.stats.GoldenFiles;
import dev.insight.stats.design.Filter;
import dev.insight.stats.design.Margin;
import dev.insight.stats.design.Raking;
import dev.insight.stats.design.SurveyDesign;
import dev.insight.stats.estimate.Estimate;
import dev.insight.stats.estimate.Estimator;
import dev.insight.stats.inference.RaoScottTest;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Three places where insight and R could disagree, against {@code expected_mismatches.csv}
 * ({@code make_mismatches.R}): the standard deviation of a mean row with missing values (R's, followed), Rao-Scott in
 * a filtered table of a raked design (the filtered respondents' N and degrees of freedom, documented), and the design
 * effect of a one-respondent domain (NaN, as R).
 */
class RConventionsGoldenTest {
  private static final Dataset DATA = read();
  private static final Map<String, SurveyDesign> DESIGNS = Map.of("dclus1", dclus1(), "rclus1", rclus1());

  private static Dataset read() {
    try (Reader reader = GoldenFiles.open("apiclus1_missing.csv")) {
      return SurveyCsvReader.read(reader, "apiclus1_missing.csv", SurveyMapping.builder("cds").categorical("stype")
          .numeric("dnum").categorical("cname").numeric("api00").numeric("enroll").numeric("acs.46")
          .numeric("avg.ed").categorical("sch.wide").categorical("awards").numeric("pw").numeric("fpc").build(),
          ReadMode.STRICT).orThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SurveyDesign dclus1() {
    return SurveyDesign.builder(DATA).weights("pw").cluster("dnum").fpc("fpc").build();
  }

  private static SurveyDesign rclus1() {
    Map<String, Map<String, Double>> targets = new LinkedHashMap<>();
    for (Map<String, String> row : GoldenFiles.rows("replicate_weighting_margins.csv")) {
      targets.computeIfAbsent(row.get("variable"), v -> new LinkedHashMap<>())
          .put(row.get("category"), Double.parseDouble(row.get("target")));
    }
    List<Margin> margins = targets.entrySet().stream().map(e -> Margin.counts(e.getKey(), e.getValue())).toList();
    return Raking.of(margins).withTolerance(1e-12).apply(dclus1()).design();
  }

  private static Stream<Map<String, String>> rows(String kind) {
    return GoldenFiles.rows("expected_mismatches.csv").stream().filter(r -> r.get("case").equals(kind));
  }

  private static double value(String kind, String design, String quantity) {
    return rows(kind).filter(r -> r.get("design").equals(design) && r.get("quantity").equals(quantity))
        .mapToDouble(r -> Double.parseDouble(r.get("value"))).findFirst().orElseThrow();
  }

  static Stream<Map<String, String>> sdRows() {
    return rows("sd");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sdRows")
  void meanRowStandardDeviation_withMissingValues_isSvyvars(Map<String, String> expected) {
    String domain = expected.get("domain");
    String quantity = expected.get("quantity");
    String variable = quantity.substring(quantity.indexOf('(') + 1, quantity.length() - 1);
    TableSpec spec = TableSpec.of(List.of(RowSpec.mean(variable)), List.of("awards"));
    if (domain.startsWith("stype=E;")) {
      spec = spec.withFilter(Filter.parse("stype = E"));
    }
    String column = domain.substring(domain.indexOf(';') + 1);
    int c = switch (column) {
      case "Total" -> 0;
      case "No" -> 1;
      default -> 2;
    };
    BannerTable table = BannerTables.compute(DESIGNS.get(expected.get("design")), spec);
    Cell cell = table.blocks().get(0).rows().get(0).cells().get(c);
    assertClose(expected.toString(), quantity.startsWith("sd(") ? cell.standardDeviation() : cell.mean(),
        Double.parseDouble(expected.get("value")));
  }

  @Test
  void raoScottInAFilteredTable_ofARakedDesign_countsTheFilteredRespondentsAndTheirPsus() {
    for (String design : List.of("rclus1", "dclus1")) {
      TableSpec spec = TableSpec.of(List.of(RowSpec.categories("awards")), List.of("sch.wide"))
          .withFilter(Filter.parse("stype = M"));
      RaoScottTest test = BannerTables.compute(DESIGNS.get(design), spec).blocks().get(0).tests().get(0).result();
      // the F statistic and its numerator df do not depend on N: R's, on either design
      assertClose(design + " F", test.f(), value("raoscott", design, "R F"));
      assertClose(design + " ndf", test.ndf(), value("raoscott", design, "R ndf"));
      assertClose(design + " chisq p", test.chisqPValue(), value("raoscott", design, "R chisq p"));
      // N and the df of the filtered respondents (R's own for the design before raking)
      assertClose(design + " ddf", test.ddf(), value("raoscott", design, "convention ddf"));
      assertClose(design + " p", test.pValue(), value("raoscott", design, "convention p"));
      assertClose(design + " chisq", test.chisq(), value("raoscott", design, "convention chisq"));
    }
    // on the design before raking, that is what R's svychisq gives
    assertClose("dclus1 R ddf", value("raoscott", "dclus1", "convention ddf"), value("raoscott", "dclus1", "R ddf"));
    assertClose("dclus1 R chisq", value("raoscott", "dclus1", "convention chisq"),
        value("raoscott", "dclus1", "R chisq"));
  }

  @Test
  void designEffectOfAOneRespondentDomain_isNaN_asR() {
    Filter one = Filter.parse("cname = Alameda and stype = H");
    for (String design : List.of("dclus1", "rclus1")) {
      Estimator estimator = Estimator.of(DESIGNS.get(design));
      Estimate mean = estimator.mean("api00", one);
      assertThat(mean.unweightedN()).isEqualTo(1);
      assertClose(design + " mean", mean.value(), value("deff", design, "mean(api00)"));
      assertThat(mean.standardError()).as(design).isLessThan(1e-9);
      assertThat(value("deff", design, "deff mean(api00)")).isNaN();
      assertThat(mean.designEffect()).as(design).isNaN();
      Estimate total = estimator.total("enroll", one);
      assertClose(design + " total", total.value(), value("deff", design, "total(enroll)"));
      assertClose(design + " se total", total.standardError(), value("deff", design, "se total(enroll)"));
      assertThat(value("deff", design, "deff total(enroll)")).isNaN();
      assertThat(total.designEffect()).as(design).isNaN();
    }
  }
}
