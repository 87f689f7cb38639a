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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code insight weight} and {@code insight estimate} with {@code --method calibrate} (numeric totals, interactions,
 * {@code --calfun}, {@code --bounds}, {@code --bounds-on-weights}, {@code --calibration-trim}), {@code --trim} and
 * {@code --method rake --epsilon} against R's {@code calibrate}, {@code trimWeights} and {@code rake(control = )}:
 * every case of the golden settings files in {@code /estimate} ({@code make_calibrate.R}), the totals file given
 * as written by R, every weight and every estimate with its SE.
 */
class CalibrateCommandGoldenTest {
  private static final double RELATIVE = 1e-6;

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

  private record Run(int code, String out, String err) {}

  private static Run run(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Insight.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  private static void assertClose(String what, double actual, double expected) {
    if (Math.abs(expected) < 1e-12) {
      assertThat(Math.abs(actual)).as(what).isLessThan(1e-12);
    } else {
      assertThat(Math.abs(actual - expected) / Math.abs(expected)).as("%s: %s vs R %s", what, actual, expected)
          .isLessThanOrEqualTo(RELATIVE);
    }
  }

  private Path data(String design) {
    return copy(switch (design) {
      case "dstrat" -> "apistrat.csv";
      case "dclus1" -> "apiclus1.csv";
      case "dclus2" -> "calibrate_apiclus2.csv";
      default -> throw new IllegalArgumentException(design);
    });
  }

  private static List<String> designOptions(String design) {
    return switch (design) {
      case "dstrat" -> List.of("--strata", "stype", "--fpc", "fpc");
      case "dclus1" -> List.of("--cluster", "dnum", "--fpc", "fpc");
      case "dclus2" -> List.of("--cluster", "dnum,snum", "--fpc", "fpc1,fpc2");
      default -> throw new IllegalArgumentException(design);
    };
  }

  /* A case's rows of a golden file with a column naming the case, written as a variable,category,target file. */
  private Path targets(String file, String column, String id) {
    StringBuilder text = new StringBuilder("variable,category,target\n");
    for (Map<String, String> row : golden(file)) {
      if (row.get(column).equals(id)) {
        text.append(row.get("variable")).append(',').append(row.get("category")).append(',')
            .append(row.get("target")).append('\n');
      }
    }
    Path path = dir.resolve(id + "_targets.csv");
    try {
      Files.writeString(path, text.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return path;
  }

  private List<String> calibrateOptions(String calibration) {
    Map<String, String> s = golden("calibrate_settings.csv").stream()
        .filter(r -> r.get("calibration").equals(calibration)).findFirst().orElseThrow();
    List<String> args = new ArrayList<>(List.of("--margins", targets("calibrate_totals.csv", "calibration",
        calibration).toString(), "--calfun", s.get("calfun"), "--tolerance", "1e-12", "--max-iterations", "200"));
    if (!s.get("lower").equals("-Inf") || !s.get("upper").equals("Inf")) {
      args.addAll(List.of("--bounds", s.get("lower") + "," + s.get("upper")));
    }
    if (s.get("bounds_const").equals("TRUE")) {
      args.add("--bounds-on-weights");
    }
    if (!s.get("trim_low").isEmpty()) {
      args.addAll(List.of("--calibration-trim", s.get("trim_low") + "," + s.get("trim_high")));
    }
    return args;
  }

  /** A case: its design, its weighting options, and the golden files of its weights and estimates. */
  private record Case(String id, String design, List<String> weighting, String weightsFile, String idColumn,
      String estimatesFile) {}

  private Case calibrationCase(String id) {
    Map<String, String> s = golden("calibrate_settings.csv").stream().filter(r -> r.get("calibration").equals(id))
        .findFirst().orElseThrow();
    return new Case(id, s.get("design"), calibrateOptions(id), "expected_calibrate_weights.csv", "calibration",
        "expected_calibrate.csv");
  }

  private Case trimCase(String id) {
    Map<String, String> s = golden("trim_settings.csv").stream().filter(r -> r.get("trim").equals(id)).findFirst()
        .orElseThrow();
    List<String> args = new ArrayList<>(calibrateOptions(s.get("calibration")));
    args.addAll(List.of("--trim", s.get("lower").replace("-Inf", "0") + "," + s.get("upper")));
    if (s.get("strict").equals("TRUE")) {
      args.add("--trim-strict");
    }
    return new Case(id, s.get("design"), args, "expected_trim_weights.csv", "trim", "expected_trim.csv");
  }

  private Case rakeCase(String id) {
    Map<String, String> s = golden("rake_control_settings.csv").stream().filter(r -> r.get("rake").equals(id))
        .findFirst().orElseThrow();
    List<String> args = new ArrayList<>(List.of("--margins", targets("rake_control_margins.csv", "rake", id)
        .toString(), "--method", "rake", "--epsilon", s.get("epsilon"), "--max-iterations", s.get("maxit")));
    if (s.get("converged").equals("FALSE")) {
      args.add("--allow-non-convergence");
    }
    return new Case(id, s.get("design"), args, "expected_rake_control_weights.csv", "rake",
        "expected_rake_control.csv");
  }

  static Stream<String> cases() {
    List<String> out = new ArrayList<>();
    golden("calibrate_settings.csv").forEach(r -> out.add("calibrate " + r.get("calibration")));
    // trimming after weighting: the golden cases that trim a calibrated design
    golden("trim_settings.csv").stream().filter(r -> !r.get("calibration").isEmpty())
        .forEach(r -> out.add("trim " + r.get("trim")));
    golden("rake_control_settings.csv").forEach(r -> out.add("rake " + r.get("rake")));
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void weightsAndEstimates_matchR(String name) throws IOException {
    String id = name.substring(name.indexOf(' ') + 1);
    Case c = switch (name.substring(0, name.indexOf(' '))) {
      case "calibrate" -> calibrationCase(id);
      case "trim" -> trimCase(id);
      default -> rakeCase(id);
    };
    Path data = data(c.design());
    Path weights = dir.resolve(id + "_weights.csv");
    List<String> weigh = new ArrayList<>(List.of("weight", "--data", data.toString(), "--id", "cds",
        "--base-weight", "pw"));
    weigh.addAll(c.weighting());
    weigh.addAll(List.of("--out", weights.toString()));
    Run w = run(weigh);
    assertThat(w.code()).as("%s: %s", weigh, w.err()).isZero();
    Map<String, Double> written = new LinkedHashMap<>();
    for (Map<String, String> row : rows(Files.readString(weights))) {
      written.put(row.get("id"), Double.parseDouble(row.get("weight")));
    }
    List<Map<String, String>> expectedWeights = golden(c.weightsFile()).stream()
        .filter(r -> r.get(c.idColumn()).equals(id)).toList();
    assertThat(written).hasSize(expectedWeights.size());
    for (Map<String, String> row : expectedWeights) {
      assertClose(id + " weight of " + row.get("cds"), written.get(row.get("cds")),
          Double.parseDouble(row.get("weight")));
    }
    // one estimate run per quantity, --by the variable of its domain
    Map<String, List<Map<String, String>>> byQuantity = new LinkedHashMap<>();
    for (Map<String, String> row : golden(c.estimatesFile())) {
      if (row.get("calibration").equals(id)) {
        byQuantity.computeIfAbsent(row.get("quantity"), q -> new ArrayList<>()).add(row);
      }
    }
    assertThat(byQuantity).isNotEmpty();
    for (Map.Entry<String, List<Map<String, String>>> e : byQuantity.entrySet()) {
      String by = e.getValue().stream().map(r -> r.get("domain")).filter(d -> !d.isEmpty())
          .map(d -> d.substring(0, d.indexOf('='))).findFirst().orElseThrow();
      Path out = dir.resolve(id + "_estimate.csv");
      List<String> estimate = new ArrayList<>(List.of("estimate", "--data", data.toString(), "--id", "cds",
          "--base-weight", "pw"));
      estimate.addAll(c.weighting());
      estimate.addAll(designOptions(c.design()));
      estimate.addAll(quantity(e.getKey()));
      estimate.addAll(List.of("--by", by, "--out", out.toString()));
      Run r = run(estimate);
      assertThat(r.code()).as("%s: %s", estimate, r.err()).isZero();
      Map<String, Map<String, String>> bySubgroup = new LinkedHashMap<>();
      for (Map<String, String> row : rows(Files.readString(out))) {
        bySubgroup.put(row.get("subgroup"), row);
      }
      for (Map<String, String> expected : e.getValue()) {
        String domain = expected.get("domain");
        Map<String, String> got = bySubgroup.get(domain.isEmpty() ? "(all)" : domain.substring(
            domain.indexOf('=') + 1));
        assertThat(got).as("%s %s", id, expected).isNotNull();
        assertClose(id + " " + expected + " estimate", Double.parseDouble(got.get("estimate")),
            Double.parseDouble(expected.get("estimate")));
        assertClose(id + " " + expected + " se", Double.parseDouble(got.get("se")),
            Double.parseDouble(expected.get("se")));
      }
    }
  }

  private static List<String> quantity(String text) {
    String inside = text.substring(text.indexOf('(') + 1, text.length() - 1);
    if (text.startsWith("mean(")) {
      return List.of("--mean", inside);
    } else if (text.startsWith("total(")) {
      return List.of("--total", inside);
    }
    return List.of("--proportion", inside);
  }
}
