package dev.insight.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code insight estimate} with the design options against R: replicate-weight designs (svrepdesign), replicates
 * made from the design (as.svrepdesign JK1), cluster and stratified designs with --compare (svycontrast and
 * svyttest) and --by on two variables (svyby), over every row of the golden files in {@code /estimate}.
 */
class EstimateCommandGoldenTest {
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

  /* Runs the command with the weights in column pw and returns its output rows by subgroup. */
  private Map<String, Map<String, String>> estimate(List<String> args) {
    List<String> all = new ArrayList<>(List.of("--weight", "pw"));
    all.addAll(args);
    return run(all);
  }

  /* Runs the command and returns its output rows by subgroup. */
  private Map<String, Map<String, String>> run(List<String> args) {
    Path out = dir.resolve("e" + System.nanoTime() + ".csv");
    List<String> all = new ArrayList<>(List.of("estimate", "--id", "cds"));
    all.addAll(args);
    all.addAll(List.of("--out", out.toString()));
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int code = Insight.run(new PrintWriter(stdout), new PrintWriter(stderr), all.toArray(String[]::new));
    assertThat(code).as("%s: %s", all, stderr).isZero();
    try {
      Map<String, Map<String, String>> bySubgroup = new LinkedHashMap<>();
      for (Map<String, String> row : rows(Files.readString(out))) {
        bySubgroup.put(row.get("subgroup"), row);
      }
      return bySubgroup;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertClose(String what, String actual, String expected) {
    EstimateGolden.assertClose(what, actual, expected);
  }

  private List<String> design(String name) {
    Path clus = copy("apiclus1_replicates.csv");
    return switch (name) {
      case "jk1" -> List.of("--data", clus.toString(), "--repweights", "^jk1_", "--type", "JK1", "--scale",
          Double.toString(14.0 / 15));
      case "jk1_mse" -> List.of("--data", clus.toString(), "--repweights", "^jk1_", "--type", "JK1", "--scale",
          Double.toString(14.0 / 15), "--mse");
      case "bootstrap" -> List.of("--data", clus.toString(), "--repweights", "^boot_", "--type", "bootstrap");
      case "sdr" -> List.of("--data", clus.toString(), "--repweights", "^boot_", "--type", "SDR");
      case "other" -> List.of("--data", clus.toString(), "--repweights", "^jk1_", "--type", "other", "--scale",
          "0.5", "--rscales", "0.5,0.6,0.7,0.8,0.9,1.0,1.1,1.2,1.3,1.4,1.5,1.6,1.7,1.8,1.9");
      case "jk1_made" -> List.of("--data", clus.toString(), "--cluster", "dnum", "--replicates", "JK1");
      case "dclus1" -> List.of("--data", clus.toString(), "--cluster", "dnum", "--fpc", "fpc");
      case "dstrat" -> List.of("--data", copy("apistrat.csv").toString(), "--strata", "stype", "--fpc", "fpc");
      case "dclus2" -> List.of("--data", copy("apiclus2.csv").toString(), "--cluster", "dnum,snum", "--fpc",
          "fpc1,fpc2");
      case "lonely_remove", "lonely_adjust", "lonely_average", "lonely_certainty" -> List.of("--data",
          copy("apistrat_lonely.csv").toString(), "--strata", "stype", "--lonely-psu",
          name.substring("lonely_".length()));
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static List<String> quantity(String text) {
    String inside = text.substring(text.indexOf('(') + 1, text.length() - 1);
    if (text.startsWith("mean(")) {
      return List.of("--mean", inside);
    } else if (text.startsWith("variance(")) {
      return List.of("--variance", inside);
    } else if (text.startsWith("total(")) {
      return List.of("--total", inside);
    } else if (text.startsWith("ratio(")) {
      return List.of("--ratio", inside);
    }
    return List.of("--proportion", inside.equals("yes") ? "sch.wide=Yes" : inside);
  }

  static Stream<Map<String, String>> replicateRows() {
    return golden("expected_replicate_estimates.csv").stream()
        .filter(r -> r.get("data").equals("apiclus1") && !r.get("quantity").startsWith("svychisq"));
  }

  static Stream<Map<String, String>> madeRows() {
    return replicateRows().filter(r -> r.get("design").equals("jk1"));
  }

  private void checkEstimate(String designName, Map<String, String> expected) {
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
  void repweights_matchSvrepdesign(Map<String, String> expected) {
    checkEstimate(expected.get("design"), expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("madeRows")
  void replicatesMadeFromTheDesign_matchAsSvrepdesign(Map<String, String> expected) {
    checkEstimate("jk1_made", expected);
  }

  static Stream<Map<String, String>> multistageLonelyRows() {
    return golden("expected_multistage_lonely.csv").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("multistageLonelyRows")
  void twoStagesAndLonelyPsus_matchR(Map<String, String> expected) {
    checkEstimate(expected.get("design"), expected);
  }

  static Stream<Map<String, String>> svyvarRows() {
    return golden("expected_svyvar.csv").stream()
        .filter(r -> List.of("dclus1", "dclus2", "jk1").contains(r.get("design")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("svyvarRows")
  void variance_matchesSvyvar(Map<String, String> expected) {
    String[] parts = expected.get("quantity").split("\\|");
    List<String> args = new ArrayList<>(design(expected.get("design")));
    args.addAll(quantity(parts[0]));
    String subgroup = "(all)";
    if (parts.length > 1) {
      args.addAll(List.of("--by", "awards"));
      subgroup = parts[1].substring(parts[1].indexOf('=') + 1);
    }
    Map<String, String> row = estimate(args).get(subgroup);
    assertClose(expected + " estimate", row.get("estimate"), expected.get("estimate"));
    assertClose(expected + " se", row.get("se"), expected.get("se"));
  }

  static Stream<Map<String, String>> comparisons() {
    return golden("expected_domain_comparisons.csv").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("comparisons")
  void compare_matchesSvycontrastAndSvyttest(Map<String, String> expected) {
    List<String> args = new ArrayList<>(design(expected.get("design")));
    args.addAll(quantity(expected.get("quantity")));
    args.addAll(List.of("--by", expected.get("by"), "--compare"));
    Map<String, String> row = estimate(args).get(expected.get("first") + " - " + expected.get("second"));
    String what = expected.toString();
    assertClose(what + " difference", row.get("estimate"), expected.get("difference"));
    assertClose(what + " se", row.get("se"), expected.get("se"));
    assertThat(row.get("df")).as(what).isEqualTo(expected.get("df"));
    assertClose(what + " p", row.get("p"), expected.get("p"));
  }

  static Stream<String> twoWayDesigns() {
    return Stream.of("dclus1", "dstrat", "jk1");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("twoWayDesigns")
  void byTwoVariables_matchesSvyby(String designName) {
    List<String> args = new ArrayList<>(design(designName));
    args.addAll(List.of("--mean", "api00", "--by", "stype,awards"));
    Map<String, Map<String, String>> out = estimate(args);
    List<Map<String, String>> expected = golden("expected_two_way_domains.csv").stream()
        .filter(r -> r.get("design").equals(designName)).toList();
    assertThat(out).hasSize(expected.size() + 1);
    for (Map<String, String> e : expected) {
      Map<String, String> row = out.get(e.get("stype") + " & " + e.get("awards"));
      assertClose(e + " estimate", row.get("estimate"), e.get("estimate"));
      assertClose(e + " se", row.get("se"), e.get("se"));
    }
  }

  static Stream<String> quantileCases() {
    return golden("expected_svyquantile.csv").stream().map(r -> r.get("design") + " " + r.get("variable"))
        .distinct();
  }

  /* Every row of expected_svyquantile.csv for one design and variable, from one run with --by stype. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("quantileCases")
  void quantile_matchesSvyquantileInEveryDomain(String designAndVariable) {
    String[] parts = designAndVariable.split(" ");
    List<String> args = new ArrayList<>(design(parts[0]));
    args.addAll(List.of("--quantile", parts[1] + ":0.1,0.25,0.5,0.9", "--by", "stype"));
    Map<String, Map<String, String>> out = estimate(args);
    List<Map<String, String>> expected = golden("expected_svyquantile.csv").stream()
        .filter(r -> (r.get("design") + " " + r.get("variable")).equals(designAndVariable)).toList();
    assertThat(out).hasSize(expected.size());
    for (Map<String, String> e : expected) {
      String domain = e.get("domain").equals("all") ? "(all)" : e.get("domain").substring("stype=".length());
      Map<String, String> row = out.get(domain + " @ " + e.get("p"));
      assertThat(row).as("row %s @ %s in %s", domain, e.get("p"), out.keySet()).isNotNull();
      for (String[] column : new String[][] {{"estimate", "estimate"}, {"ci_low", "ci_low"},
          {"ci_high", "ci_high"}, {"se", "se"}}) {
        if (e.get(column[1]).equals("NaN")) {
          assertThat(row.get(column[0])).as("%s %s", e, column[0]).isEqualTo("NA");
        } else {
          assertClose(e + " " + column[0], row.get(column[0]), e.get(column[1]));
        }
      }
    }
  }

  static Stream<String> weightedReplicateCases() {
    Stream<String> given = golden("expected_replicate_weighting.csv").stream()
        .filter(r -> !r.get("design").equals("jkn"))
        .map(r -> r.get("design") + " " + r.get("weighting")).distinct();
    Stream<String> made = golden("expected_replicate_weighting.csv").stream()
        .filter(r -> r.get("design").equals("jk1"))
        .map(r -> "jk1_made " + r.get("weighting")).distinct();
    return Stream.concat(given, made);
  }

  /* The replicate design of a case with its weighting options: --margins from the weights in pw. */
  private List<String> weightedReplicateDesign(String designName, String weighting) {
    List<String> args = new ArrayList<>(design(designName));
    if (weighting.equals("none")) {
      args.addAll(List.of("--weight", "pw"));
      return args;
    }
    Path margins = copy("replicate_weighting_margins.csv");
    if (weighting.equals("poststratify")) {
      Path stype = dir.resolve("stype_margins.csv");
      try {
        Files.write(stype, Files.readAllLines(margins).stream()
            .filter(l -> l.startsWith("\"variable\"") || l.startsWith("\"stype\"")).toList());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      margins = stype;
    }
    args.addAll(List.of("--base-weight", "pw", "--margins", margins.toString(), "--method", switch (weighting) {
      case "poststratify" -> "poststratify";
      case "rake" -> "rake";
      default -> "linear";
    }));
    if (weighting.equals("linear_bounded")) {
      args.addAll(List.of("--bounds", "0.7,2.2", "--max-iterations", "200"));
    }
    return args;
  }

  /*
   * Every row of expected_replicate_weighting.csv for one replicate design and weighting (R's postStratify, rake
   * and calibrate of an svyrep.design), through the command: one run per quantity with --by stype.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("weightedReplicateCases")
  void weightedReplicateDesigns_matchR(String designAndWeighting) {
    String[] parts = designAndWeighting.split(" ");
    String rDesign = parts[0].equals("jk1_made") ? "jk1" : parts[0];
    List<Map<String, String>> expected = golden("expected_replicate_weighting.csv").stream()
        .filter(r -> r.get("design").equals(rDesign) && r.get("weighting").equals(parts[1])
            && !r.get("quantity").startsWith("svychisq"))
        .toList();
    assertThat(expected).isNotEmpty();
    Map<List<String>, Map<String, Map<String, String>>> runs = new LinkedHashMap<>();
    for (Map<String, String> e : expected) {
      String[] q = e.get("quantity").split("\\|");
      String inside = q[0].substring(q[0].indexOf('(') + 1, q[0].length() - 1);
      boolean quantile = q[0].startsWith("quantile");
      List<String> args = new ArrayList<>(weightedReplicateDesign(parts[0], parts[1]));
      args.addAll(quantile ? List.of("--quantile", "api00:0.25,0.5")
          : q[0].startsWith("proportion(") ? List.of("--proportion", inside) : quantity(q[0]));
      args.addAll(List.of("--by", "stype"));
      String domain = q.length == 1 ? "(all)" : q[1].substring("stype=".length());
      String subgroup = quantile ? domain + " @ " + inside.substring(inside.indexOf(':') + 1) : domain;
      Map<String, String> row = runs.computeIfAbsent(args, this::run).get(subgroup);
      String what = designAndWeighting + " " + e.get("quantity");
      assertThat(row).as("%s: row %s", what, subgroup).isNotNull();
      String[][] columns = q[0].startsWith("quantile_ci") ? new String[][] {{"ci_low", "estimate"}, {"ci_high", "se"}}
          : new String[][] {{"estimate", "estimate"}, {"se", "se"}};
      for (String[] column : columns) {
        if (e.get(column[1]).equals("NaN")) {
          assertThat(row.get(column[0])).as("%s %s", what, column[0]).isEqualTo("NA");
        } else if (column[0].equals("se") && Math.abs(Double.parseDouble(e.get("se")))
            < 1e-12 * Math.abs(Double.parseDouble(e.get("estimate")))) {
          assertThat(Math.abs(Double.parseDouble(row.get("se")))).as(what).isLessThan(1e-8);
        } else {
          assertClose(what + " " + column[0], row.get(column[0]), e.get(column[1]));
        }
      }
      assertThat(row.get("df")).as(what + " df").isEqualTo(e.get("df"));
    }
  }

  static Stream<String> calibratedReplicateCases() {
    Stream<String> given = golden("expected_replicate_calibrate.csv").stream()
        .filter(r -> r.get("design").equals("jk1")).map(r -> "jk1 " + r.get("calfun")).distinct();
    Stream<String> made = golden("expected_replicate_calibrate.csv").stream()
        .filter(r -> r.get("design").equals("jk1")).map(r -> "jk1_made " + r.get("calfun")).distinct();
    return Stream.concat(given, made);
  }

  /*
   * Every jk1 row of expected_replicate_calibrate.csv (R's calibrate of an svyrep.design to ~stype * sch.wide +
   * enroll, every replicate calibrated) through --method calibrate: overall without --by, a domain with --by.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("calibratedReplicateCases")
  void calibratedReplicateDesigns_matchR(String designAndCalfun) {
    String[] parts = designAndCalfun.split(" ");
    List<Map<String, String>> expected = golden("expected_replicate_calibrate.csv").stream()
        .filter(r -> r.get("design").equals("jk1") && r.get("calfun").equals(parts[1])).toList();
    assertThat(expected).isNotEmpty();
    Map<List<String>, Map<String, Map<String, String>>> runs = new LinkedHashMap<>();
    for (Map<String, String> e : expected) {
      List<String> args = new ArrayList<>(design(parts[0]));
      args.addAll(List.of("--base-weight", "pw", "--margins", copy("replicate_calibrate_totals.csv").toString(),
          "--method", "calibrate", "--calfun", parts[1], "--tolerance", "1e-12", "--max-iterations", "200"));
      args.addAll(quantity(e.get("quantity")));
      String domain = e.get("domain");
      String subgroup = "(all)";
      if (!domain.isEmpty()) {
        args.addAll(List.of("--by", domain.substring(0, domain.indexOf('='))));
        subgroup = domain.substring(domain.indexOf('=') + 1);
      }
      Map<String, String> row = runs.computeIfAbsent(args, this::run).get(subgroup);
      String what = designAndCalfun + " " + e.get("quantity") + " " + domain;
      assertThat(row).as("%s: row %s", what, subgroup).isNotNull();
      assertClose(what + " estimate", row.get("estimate"), e.get("estimate"));
      double estimate = Math.abs(Double.parseDouble(e.get("estimate")));
      if (Math.abs(Double.parseDouble(e.get("se"))) < 1e-12 * estimate) {
        // a total every replicate was calibrated to: R's SE is rounding noise
        assertThat(Math.abs(Double.parseDouble(row.get("se")))).as(what).isLessThan(1e-9 * estimate);
      } else {
        assertClose(what + " se", row.get("se"), e.get("se"));
      }
    }
  }

  @Test
  void calibratingReplicatesThatCannotMeetTheTotals_failsNamingTheReplicateAndWritesNothing() {
    Path out = dir.resolve("never.csv");
    List<String> args = new ArrayList<>(List.of("estimate", "--id", "cds"));
    args.addAll(design("bootstrap"));
    args.addAll(List.of("--base-weight", "pw", "--margins", copy("replicate_calibrate_totals.csv").toString(),
        "--method", "calibrate", "--calfun", "raking", "--max-iterations", "200", "--mean", "api00", "--out",
        out.toString()));
    StringWriter stderr = new StringWriter();
    int code = Insight.run(new PrintWriter(new StringWriter()), new PrintWriter(stderr), args.toArray(String[]::new));
    assertThat(code).isEqualTo(1);
    assertThat(stderr.toString()).containsPattern("raking calibration of replicate \\d+ of 50 to ~stype \\+ "
        + "sch\\.wide \\+ stype:sch\\.wide \\+ enroll with no bounds did not meet the totals")
        .doesNotContain("\tat ");
    assertThat(out).doesNotExist();
  }

  @Test
  void repweightsWithMargins_needTheFullSampleWeights() {
    Path clus = copy("apiclus1_replicates.csv");
    Path out = dir.resolve("never.csv");
    StringWriter stderr = new StringWriter();
    int code = Insight.run(new PrintWriter(new StringWriter()), new PrintWriter(stderr), "estimate", "--data",
        clus.toString(), "--id", "cds", "--margins", copy("replicate_weighting_margins.csv").toString(),
        "--repweights", "^jk1_", "--type", "JK1", "--mean", "api00", "--out", out.toString());
    assertThat(code).isEqualTo(1);
    assertThat(stderr.toString()).contains("--repweights with --margins needs --base-weight COL");
    assertThat(out).doesNotExist();
  }

  @Test
  void badQuantiles_failWithAMessageAndWriteNothing() {
    Path clus = copy("apiclus1_replicates.csv");
    Path out = dir.resolve("never.csv");
    for (String[] bad : new String[][] {
        {"api00:0.5,1.5", "--quantile api00:0.5,1.5: probability 1.5 is not in (0, 1]"},
        {"api00:half", "--quantile api00:half: probability 'half' is not a number"},
        {"api00", "--quantile api00: expected VAR:P1[,P2...], such as api00:0.25,0.5"},
        {"api00:0.5,0.5", "--quantile api00:0.5,0.5: probability 0.5 is given twice"}}) {
      StringWriter stderr = new StringWriter();
      int code = Insight.run(new PrintWriter(new StringWriter()), new PrintWriter(stderr), "estimate", "--data",
          clus.toString(), "--id", "cds", "--weight", "pw", "--quantile", bad[0], "--out", out.toString());
      assertThat(code).as(bad[0]).isEqualTo(1);
      assertThat(stderr.toString()).as(bad[0]).contains(bad[1]);
      assertThat(out).doesNotExist();
    }
  }

  @Test
  void badDesignOptions_failWithAMessageAndWriteNothing() {
    Path clus = copy("apiclus1_replicates.csv");
    Path out = dir.resolve("never.csv");
    StringWriter stderr = new StringWriter();
    int code = Insight.run(new PrintWriter(new StringWriter()), new PrintWriter(stderr), "estimate", "--data",
        clus.toString(), "--id", "cds", "--weight", "pw", "--repweights", "^nothing_", "--type", "JK1", "--mean",
        "api00", "--out", out.toString());
    assertThat(code).isEqualTo(1);
    assertThat(stderr.toString()).contains("--repweights ^nothing_ matches 0 columns of the data");
    assertThat(out).doesNotExist();
    stderr = new StringWriter();
    code = Insight.run(new PrintWriter(new StringWriter()), new PrintWriter(stderr), "estimate", "--data",
        clus.toString(), "--id", "cds", "--weight", "pw", "--repweights", "^jk1_", "--mean", "api00", "--out",
        out.toString());
    assertThat(code).isEqualTo(1);
    assertThat(stderr.toString()).contains("--repweights needs --type JK1|JKn|BRR|Fay|bootstrap|SDR|other");
    stderr = new StringWriter();
    code = Insight.run(new PrintWriter(new StringWriter()), new PrintWriter(stderr), "estimate", "--data",
        clus.toString(), "--id", "cds", "--weight", "pw", "--mean", "api00", "--compare", "--out", out.toString());
    assertThat(code).isEqualTo(1);
    assertThat(stderr.toString()).contains("--compare compares the --by domains: give --by");
    assertThat(out).doesNotExist();
  }
}
