package dev.insight.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The design options of {@code insight estimate} not covered by {@link EstimateCommandGoldenTest}, each through the
 * command against R: {@code --type JKn --rscales}, {@code --type BRR}, {@code --type Fay --rho},
 * {@code --replicates JKn}, {@code --replicates bootstrap:B --seed}, {@code --lonely-psu fail}, every {@code --ci}
 * method of R's {@code svyciprop} on a cluster design, the CSV on standard output without {@code --out}, and a design
 * without weights.
 */
class EstimateCommandDesignOptionsTest {
  @TempDir
  Path dir;

  private Path copy(String name) {
    return EstimateGolden.copy(dir, name);
  }

  private static List<Map<String, String>> rows(String text) {
    return EstimateGolden.rows(text);
  }

  private static List<Map<String, String>> golden(String name) {
    return EstimateGolden.golden(name);
  }

  private record Run(int code, String stdout, String stderr) {}

  private static Run insight(List<String> args) {
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int code = Insight.run(new PrintWriter(stdout), new PrintWriter(stderr), args.toArray(String[]::new));
    return new Run(code, stdout.toString(), stderr.toString());
  }

  /* Runs estimate with the CSV on standard output (no --out) and returns its rows by subgroup. */
  private static Map<String, Map<String, String>> estimate(List<String> args) {
    List<String> all = new ArrayList<>(List.of("estimate"));
    all.addAll(args);
    Run run = insight(all);
    assertThat(run.code()).as("%s: %s", all, run.stderr()).isZero();
    Map<String, Map<String, String>> bySubgroup = new LinkedHashMap<>();
    for (Map<String, String> row : rows(run.stdout())) {
      bySubgroup.put(row.get("subgroup"), row);
    }
    return bySubgroup;
  }

  private static void assertClose(String what, String actual, String expected) {
    EstimateGolden.assertClose(what, actual, expected);
  }

  private List<String> design(String name) {
    String rscales = golden("apistrat_jkn_rscales.csv").stream().map(r -> r.get("jkn_rscales"))
        .collect(Collectors.joining(","));
    return switch (name) {
      case "jkn" -> List.of("--data", copy("apistrat_replicates.csv").toString(), "--id", "cds", "--weight", "pw",
          "--repweights", "^jkn_", "--type", "JKn", "--rscales", rscales);
      case "jkn_made" -> List.of("--data", copy("apistrat_replicates.csv").toString(), "--id", "cds", "--weight",
          "pw", "--strata", "stype", "--fpc", "fpc", "--replicates", "JKn");
      case "brr" -> List.of("--data", copy("scd_replicates.csv").toString(), "--id", "id", "--weight", "w",
          "--repweights", "^brr_", "--type", "BRR");
      case "fay" -> List.of("--data", copy("scd_replicates.csv").toString(), "--id", "id", "--weight", "w",
          "--repweights", "^fay_", "--type", "Fay", "--rho", "0.3");
      default -> throw new IllegalArgumentException(name);
    };
  }

  static Stream<Map<String, String>> replicateRows() {
    return golden("expected_replicate_estimates.csv").stream()
        .filter(r -> List.of("jkn", "brr", "fay").contains(r.get("design"))
            && !r.get("quantity").startsWith("svychisq"));
  }

  private static List<String> quantity(String text) {
    String inside = text.substring(text.indexOf('(') + 1, text.length() - 1);
    if (text.startsWith("mean(")) {
      return List.of("--mean", inside);
    } else if (text.startsWith("total(")) {
      return List.of("--total", inside);
    } else if (text.startsWith("ratio(")) {
      return List.of("--ratio", inside);
    }
    return List.of("--proportion", inside);
  }

  private void check(String designName, Map<String, String> expected) {
    String[] parts = expected.get("quantity").split("\\|");
    List<String> args = new ArrayList<>(design(designName));
    args.addAll(quantity(parts[0]));
    String subgroup = "(all)";
    if (parts.length > 1) {
      args.addAll(List.of("--by", parts[1].substring(0, parts[1].indexOf('='))));
      subgroup = parts[1].substring(parts[1].indexOf('=') + 1);
    }
    Map<String, String> row = estimate(args).get(subgroup);
    String what = designName + " " + expected.get("quantity");
    assertClose(what + " estimate", row.get("estimate"), expected.get("estimate"));
    assertClose(what + " se", row.get("se"), expected.get("se"));
    assertThat(row.get("df")).as(what).isEqualTo(expected.get("df"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("replicateRows")
  void repweightsJknBrrFay_matchSvrepdesign(Map<String, String> expected) {
    check(expected.get("design"), expected);
  }

  @Test
  void replicatesJkn_madeFromTheStratifiedDesign_matchAsSvrepdesign() {
    List<Map<String, String>> expected = replicateRows().filter(r -> r.get("design").equals("jkn")).toList();
    assertThat(expected).isNotEmpty();
    expected.forEach(r -> check("jkn_made", r));
  }

  static Stream<String> ciMethods() {
    return Stream.of("logit", "xlogit", "beta", "wald");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ciMethods")
  void ciMethods_onAClusterDesign_matchSvyciprop(String method) {
    Map<String, Map<String, String>> out = estimate(List.of("--data", copy("apiclus1_replicates.csv").toString(),
        "--id", "cds", "--weight", "pw", "--cluster", "dnum", "--fpc", "fpc", "--proportion", "sch.wide=Yes",
        "--by", "stype", "--ci", method));
    List<Map<String, String>> expected = golden("expected_ci_methods.csv").stream()
        .filter(r -> r.get("method").equals(method)).toList();
    assertThat(expected).hasSize(4);
    for (Map<String, String> e : expected) {
      Map<String, String> row = out.get(e.get("subgroup"));
      String what = method + " " + e.get("subgroup");
      assertClose(what + " estimate", row.get("estimate"), e.get("estimate"));
      assertClose(what + " se", row.get("se"), e.get("se"));
      assertClose(what + " ci_low", row.get("ci_low"), e.get("ci_low"));
      assertClose(what + " ci_high", row.get("ci_high"), e.get("ci_high"));
      assertThat(row.get("df")).as(what).isEqualTo(e.get("df"));
    }
  }

  @Test
  void bootstrapReplicates_countAndSeed_areHonoured() {
    List<String> args = List.of("--data", copy("apiclus1_replicates.csv").toString(), "--id", "cds", "--weight",
        "pw", "--cluster", "dnum", "--fpc", "fpc", "--mean", "api00");
    List<String> seven = new ArrayList<>(args);
    seven.addAll(List.of("--replicates", "bootstrap:40", "--seed", "7"));
    List<String> eight = new ArrayList<>(args);
    eight.addAll(List.of("--replicates", "bootstrap:40", "--seed", "8"));
    String a = estimate(seven).get("(all)").get("se");
    assertThat(estimate(seven).get("(all)").get("se")).isEqualTo(a);
    assertThat(estimate(eight).get("(all)").get("se")).isNotEqualTo(a);
    // 40 replicates of 15 PSUs in one stratum: R's degf is the rank of the replicate weights minus 1
    assertThat(Integer.parseInt(estimate(seven).get("(all)").get("df"))).isBetween(13, 14);
    // the bootstrap SE estimates R's linearised 26.3 (dclus1 with fpc); within a wide band
    assertThat(Double.parseDouble(a)).isBetween(15.0, 40.0);
    Run bad = insight(List.of("estimate", "--data", copy("apiclus1_replicates.csv").toString(), "--id", "cds",
        "--weight", "pw", "--cluster", "dnum", "--replicates", "JK1:40", "--mean", "api00"));
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.stderr()).contains("--replicates JK1:40: a count applies to bootstrap only");
    assertThat(bad.stdout()).isEmpty();
  }

  @Test
  void lonelyPsuFail_namesTheStratum() {
    Run run = insight(List.of("estimate", "--data", copy("apistrat_lonely.csv").toString(), "--id", "cds",
        "--weight", "pw", "--strata", "stype", "--lonely-psu", "fail", "--mean", "api00"));
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.stderr()).contains("stratum");
    assertThat(run.stdout()).isEmpty();
  }

  @Test
  void withoutWeights_everyRespondentWeighsOne_asSvydesignWithoutWeights() {
    Map<String, Map<String, String>> out = estimate(List.of("--data", copy("apiclus1_replicates.csv").toString(),
        "--id", "cds", "--cluster", "dnum", "--mean", "api00"));
    assertThat(out.get("(all)").get("weighted_n")).isEqualTo("183");
    Run run = insight(List.of("estimate", "--data", copy("apiclus1_replicates.csv").toString(), "--id", "cds",
        "--cluster", "dnum", "--fpc", "fpc", "--mean", "api00"));
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.stderr()).contains("--fpc without weights: give the full-sample weights with --weight COL");
  }
}
