package dev.insight.stats.estimate;

import static dev.insight.stats.GoldenFiles.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.core.input.ReadMode;
import dev.insight.core.csv.SurveyCsvReader;
import dev.insight.core.csv.SurveyMapping;
import dev.insight.core.data.Dataset;
import dev.insight.stats.GoldenFiles;
import dev.insight.stats.design.Filter;
import dev.insight.stats.design.ReplicateType;
import dev.insight.stats.design.SurveyDesign;
import dev.insight.stats.inference.RaoScott;
import dev.insight.stats.inference.RaoScottTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replicate-weight designs against R's {@code svrepdesign} (JK1, JKn, bootstrap, SDR, other, BRR, Fay, mse) and
 * {@code as.svrepdesign} (JK1, JKn): every row of {@code expected_replicate_estimates.csv}
 * ({@code make_replicate_golden.R}).
 */
class ReplicateGoldenTest {
  private static final Set<String> CATEGORICAL = Set.of("stype", "sch.wide", "awards", "cds", "id");
  private static final Dataset CLUS = read("apiclus1_replicates.csv", "cds");
  private static final Dataset STRAT = read("apistrat_replicates.csv", "cds");
  private static final Dataset SCD = read("scd_replicates.csv", "id");

  static Dataset read(String name, String id) {
    String header;
    try (BufferedReader reader = new BufferedReader(GoldenFiles.open(name))) {
      header = reader.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SurveyMapping.Builder mapping = SurveyMapping.builder(id);
    for (String column : header.replace("\"", "").split(",")) {
      if (column.equals(id)) {
        continue;
      }
      if (CATEGORICAL.contains(column)) {
        mapping.categorical(column);
      } else {
        mapping.numeric(column);
      }
    }
    try (Reader reader = GoldenFiles.open(name)) {
      return SurveyCsvReader.read(reader, name, mapping.build(), ReadMode.STRICT).orThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double[] jknRscales() {
    return GoldenFiles.rows("apistrat_jkn_rscales.csv").stream()
        .mapToDouble(r -> Double.parseDouble(r.get("jkn_rscales"))).toArray();
  }

  static SurveyDesign design(String name) {
    return switch (name) {
      case "jk1" -> SurveyDesign.builder(CLUS).weights("pw").replicateWeights(Pattern.compile("jk1_[0-9]+"),
          ReplicateType.JK1).replicateScale(14.0 / 15).build();
      case "jk1_mse" -> SurveyDesign.builder(CLUS).weights("pw").replicateWeights(Pattern.compile("jk1_[0-9]+"),
          ReplicateType.JK1).replicateScale(14.0 / 15).mse(true).build();
      case "jkn" -> SurveyDesign.builder(STRAT).weights("pw").replicateWeights(Pattern.compile("jkn_[0-9]+"),
          ReplicateType.JKN).replicateScales(jknRscales()).build();
      case "bootstrap" -> SurveyDesign.builder(CLUS).weights("pw").replicateWeights(Pattern.compile("boot_"),
          ReplicateType.BOOTSTRAP).build();
      case "sdr" -> SurveyDesign.builder(CLUS).weights("pw").replicateWeights(Pattern.compile("boot_"),
          ReplicateType.SDR).build();
      case "other" -> {
        double[] rscales = new double[15];
        for (int r = 0; r < 15; r++) {
          rscales[r] = 0.5 + 0.1 * r;
        }
        yield SurveyDesign.builder(CLUS).weights("pw").replicateWeights(Pattern.compile("jk1_"),
            ReplicateType.OTHER).replicateScale(0.5).replicateScales(rscales).build();
      }
      case "brr" -> SurveyDesign.builder(SCD).weights("w").replicateWeights(Pattern.compile("brr_"),
          ReplicateType.BRR).build();
      case "fay" -> SurveyDesign.builder(SCD).weights("w").replicateWeights(Pattern.compile("fay_"),
          ReplicateType.FAY).rho(0.3).build();
      default -> throw new IllegalArgumentException(name);
    };
  }

  /* insight's own replicates from the design R made them from (as.svrepdesign). */
  static SurveyDesign madeFrom(String name) {
    return switch (name) {
      case "jk1" -> SurveyDesign.builder(CLUS).weights("pw").cluster("dnum").build()
          .withReplicates(ReplicateType.JK1, 0, 0, false);
      case "jkn" -> SurveyDesign.builder(STRAT).weights("pw").strata("stype").fpc("fpc").build()
          .withReplicates(ReplicateType.JKN, 0, 0, false);
      default -> throw new IllegalArgumentException(name);
    };
  }

  static Stream<Map<String, String>> estimates() {
    return GoldenFiles.rows("expected_replicate_estimates.csv").stream()
        .filter(r -> !r.get("quantity").startsWith("svychisq"));
  }

  static Stream<Map<String, String>> chisqTests() {
    return GoldenFiles.rows("expected_replicate_estimates.csv").stream()
        .filter(r -> r.get("quantity").startsWith("svychisq"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chisqTests")
  void svychisq_onReplicateDesigns_matchesR(Map<String, String> expected) {
    RaoScottTest test = RaoScott.test(design(expected.get("design")), "sch.wide", "stype");
    String what = expected.get("design") + " " + expected.get("quantity");
    if (expected.get("quantity").endsWith("=F")) {
      assertClose(what + " F", test.f(), Double.parseDouble(expected.get("estimate")));
      assertClose(what + " p", test.pValue(), Double.parseDouble(expected.get("se")));
      assertClose(what + " ddf", test.ddf(), Double.parseDouble(expected.get("df")));
    } else {
      assertClose(what + " X-squared", test.chisq(), Double.parseDouble(expected.get("estimate")));
      assertClose(what + " p", test.chisqPValue(), Double.parseDouble(expected.get("se")));
      assertThat(test.df()).isEqualTo(Integer.parseInt(expected.get("df")));
    }
  }

  static Stream<Map<String, String>> madeEstimates() {
    return estimates().filter(r -> r.get("design").equals("jk1") || r.get("design").equals("jkn"));
  }

  static Estimate estimate(Estimator estimator, String quantity) {
    String[] parts = quantity.split("\\|");
    Filter subgroup = parts.length == 1 ? Filter.all()
        : Filter.category(parts[1].substring(0, parts[1].indexOf('=')),
            parts[1].substring(parts[1].indexOf('=') + 1));
    String q = parts[0];
    String inside = q.substring(q.indexOf('(') + 1, q.length() - 1);
    if (q.startsWith("mean(")) {
      return estimator.mean(inside, subgroup);
    } else if (q.startsWith("total(")) {
      return estimator.total(inside, subgroup);
    } else if (q.startsWith("ratio(")) {
      String[] nd = inside.split("/");
      return estimator.ratio(nd[0], nd[1], subgroup);
    }
    String[] vc = inside.split("=");
    return estimator.proportion(vc[0], vc[1], subgroup);
  }

  private static void check(SurveyDesign design, Map<String, String> expected) {
    Estimate e = estimate(Estimator.of(design), expected.get("quantity"));
    String what = expected.get("design") + " " + expected.get("quantity");
    assertClose(what + " estimate", e.value(), Double.parseDouble(expected.get("estimate")));
    double se = Double.parseDouble(expected.get("se"));
    if (se == 0) {
      assertThat(e.standardError()).as(what).isLessThan(1e-12);
    } else {
      assertClose(what + " se", e.standardError(), se);
    }
    assertThat(e.degreesOfFreedom()).as(what).isEqualTo(Integer.parseInt(expected.get("df")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("estimates")
  void svrepdesign_estimatesAndSes_matchR(Map<String, String> expected) {
    check(design(expected.get("design")), expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("madeEstimates")
  void asSvrepdesign_jackknives_matchR(Map<String, String> expected) {
    check(madeFrom(expected.get("design")), expected);
  }

  @Test
  void asSvrepdesign_jk1_makesRsReplicateWeights() {
    SurveyDesign made = madeFrom("jk1");
    assertThat(made.replicates().orElseThrow().count()).isEqualTo(15);
    assertThat(made.replicates().orElseThrow().scale()).isCloseTo(14.0 / 15, org.assertj.core.api.Assertions
        .within(1e-15));
    for (int r = 0; r < 15; r++) {
      for (int i = 0; i < CLUS.rowCount(); i++) {
        double expected = CLUS.numeric("jk1_" + (r + 1)).valueAt(i);
        assertThat(made.replicateWeight(r, i)).as("replicate %s row %s", r + 1, i + 1)
            .isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-9 * Math.max(1, expected)));
      }
    }
  }

  @Test
  void bootstrap_sameSeedSameReplicates_andRsScale() {
    SurveyDesign dclus1 = SurveyDesign.builder(CLUS).weights("pw").cluster("dnum").fpc("fpc").build();
    SurveyDesign a = dclus1.withReplicates(ReplicateType.BOOTSTRAP, 50, 7, false);
    SurveyDesign b = dclus1.withReplicates(ReplicateType.BOOTSTRAP, 50, 7, false);
    SurveyDesign c = dclus1.withReplicates(ReplicateType.BOOTSTRAP, 50, 8, false);
    double seA = Estimator.of(a).mean("api00", Filter.all()).standardError();
    assertThat(Estimator.of(b).mean("api00", Filter.all()).standardError()).isEqualTo(seA);
    assertThat(Estimator.of(c).mean("api00", Filter.all()).standardError()).isNotEqualTo(seA);
    // R's bootweights: 15 PSUs in one stratum, scale 15 / (14 * 49)
    assertThat(a.replicates().orElseThrow().scale()).isCloseTo(15.0 / (14 * 49),
        org.assertj.core.api.Assertions.within(1e-15));
    // the bootstrap SE is an estimate of the linearised one (R: 26.3 with fpc); within a wide band
    assertThat(seA).isBetween(15.0, 40.0);
  }

  @Test
  void badReplicateDesigns_failWithTheReason() {
    assertThatThrownBy(() -> SurveyDesign.builder(STRAT).weights("pw").replicateWeights(Pattern.compile("jkn_"),
        ReplicateType.JKN).build())
        .hasMessage("JKn replicate weights need their rscales, (n_h - 1) / n_h per replicate");
    assertThatThrownBy(() -> SurveyDesign.builder(SCD).weights("w").replicateWeights(Pattern.compile("fay_"),
        ReplicateType.FAY).build())
        .hasMessage("Fay replicate weights need rho in [0, 1): null");
    assertThatThrownBy(() -> SurveyDesign.builder(CLUS).weights("pw").replicateWeights(Pattern.compile("nothing"),
        ReplicateType.JK1))
        .hasMessage("replicate weights nothing match 0 columns: []");
    assertThatThrownBy(() -> SurveyDesign.builder(CLUS).weights("pw").strata("stype")
        .replicateWeights(List.of("jk1_1", "jk1_2"), ReplicateType.JK1).build())
        .hasMessageStartingWith("a replicate-weight design carries its sampling structure");
    assertThatThrownBy(() -> SurveyDesign.builder(STRAT).weights("pw").strata("stype").build()
        .withReplicates(ReplicateType.JK1, 0, 0, false))
        .hasMessage("JK1 replicates ignore strata; use JKn for a stratified design");
  }
}
