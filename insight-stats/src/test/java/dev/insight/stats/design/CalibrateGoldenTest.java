package dev.insight.stats.design;

import static dev.insight.stats.GoldenFiles.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.insight.core.csv.SurveyCsvReader;
import dev.insight.core.csv.SurveyMapping;
import dev.insight.core.data.Dataset;
import dev.insight.core.input.ReadMode;
import dev.insight.stats.GoldenFiles;
import dev.insight.stats.estimate.Estimate;
import dev.insight.stats.estimate.Estimator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Calibration to model totals against R's {@code calibrate} ({@code make_calibrate.R}): every calibration of
 * {@code calibrate_settings.csv} (numeric totals, interactions, numeric variables within categories; linear, raking
 * and logit; bounds on g-weights and on weights; trimmed g-weights) on R's stratified, cluster and two-stage api
 * samples, checked on every respondent's weight ({@code expected_calibrate_weights.csv}) and on every mean, total
 * and proportion with its SE, overall and in domains ({@code expected_calibrate.csv}).
 */
class CalibrateGoldenTest {
  private static final Set<String> CATEGORICAL = Set.of("stype", "sch.wide", "comp.imp", "awards", "both");
  private static final Set<String> NUMERIC = Set.of("api00", "api99", "enroll", "meals", "pw", "fpc", "fpc1",
      "fpc2", "dnum", "snum");
  private static final Map<String, SurveyDesign> DESIGNS = new HashMap<>();
  private static final Map<String, SurveyDesign> CALIBRATED = new HashMap<>();

  static Dataset read(String name, Set<String> skip) {
    String header;
    try (BufferedReader reader = new BufferedReader(GoldenFiles.open(name))) {
      header = reader.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SurveyMapping.Builder mapping = SurveyMapping.builder("cds");
    for (String column : header.replace("\"", "").split(",")) {
      if (CATEGORICAL.contains(column)) {
        mapping.categorical(column);
      } else if (NUMERIC.contains(column) && !skip.contains(column)) {
        mapping.numeric(column);
      }
    }
    try (Reader reader = GoldenFiles.open(name)) {
      return SurveyCsvReader.read(reader, name, mapping.build(), ReadMode.STRICT).orThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static synchronized SurveyDesign design(String name) {
    return DESIGNS.computeIfAbsent(name, n -> switch (n) {
      case "dstrat" -> SurveyDesign.builder(read("apistrat.csv", Set.of())).weights("pw").strata("stype")
          .fpc("fpc").build();
      case "dclus1" -> SurveyDesign.builder(read("apiclus1.csv", Set.of())).weights("pw").cluster("dnum")
          .fpc("fpc").build();
      // apiclus2's enroll has missing values and is not used by its calibrations
      case "dclus2" -> SurveyDesign.builder(read("calibrate_apiclus2.csv", Set.of("enroll"))).weights("pw")
          .cluster("dnum").fpc("fpc1").secondStage("snum", "fpc2").build();
      default -> throw new IllegalArgumentException(n);
    });
  }

  /** The terms of one calibration, read from the totals file as {@code insight weight --margins} reads them. */
  static List<CalibrationTerm> terms(String calibration) {
    Map<String, Map<List<String>, Double>> byTerm = new LinkedHashMap<>();
    for (Map<String, String> row : GoldenFiles.rows("calibrate_totals.csv")) {
      if (!row.get("calibration").equals(calibration)) {
        continue;
      }
      List<String> key = Arrays.stream(row.get("category").split(":", -1)).filter(p -> !p.isEmpty()).toList();
      byTerm.computeIfAbsent(row.get("variable"), v -> new LinkedHashMap<>()).put(key,
          Double.parseDouble(row.get("target")));
    }
    List<CalibrationTerm> terms = new ArrayList<>();
    byTerm.forEach((term, totals) -> terms.add(CalibrationTerm.of(List.of(term.split(":")), totals)));
    return terms;
  }

  static ModelCalibration procedure(Map<String, String> settings) {
    ModelCalibration c = ModelCalibration.of(terms(settings.get("calibration")))
        .withFunction(CalibrationFunction.parse(settings.get("calfun")))
        .withTolerance(1e-12).withMaxIterations(200);
    double lower = bound(settings.get("lower"));
    double upper = bound(settings.get("upper"));
    if (!Double.isInfinite(lower) || !Double.isInfinite(upper)) {
      c = c.withBounds(lower, upper);
    }
    if (settings.get("bounds_const").equals("TRUE")) {
      c = c.withBoundsOnWeights();
    }
    if (!settings.get("trim_low").isEmpty()) {
      c = c.withTrim(Double.parseDouble(settings.get("trim_low")), Double.parseDouble(settings.get("trim_high")));
    }
    return c;
  }

  private static double bound(String text) {
    return switch (text) {
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "Inf" -> Double.POSITIVE_INFINITY;
      default -> Double.parseDouble(text);
    };
  }

  static synchronized SurveyDesign calibrated(String calibration) {
    return CALIBRATED.computeIfAbsent(calibration, id -> {
      Map<String, String> settings = GoldenFiles.rows("calibrate_settings.csv").stream()
          .filter(r -> r.get("calibration").equals(id)).findFirst().orElseThrow();
      return procedure(settings).apply(design(settings.get("design"))).design();
    });
  }

  static Stream<String> calibrations() {
    return GoldenFiles.rows("calibrate_settings.csv").stream().map(r -> r.get("calibration"));
  }

  static Stream<Map<String, String>> estimates() {
    return GoldenFiles.rows("expected_calibrate.csv").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calibrations")
  void weights_matchCalibrate(String calibration) {
    SurveyDesign design = calibrated(calibration);
    Map<String, Double> expected = GoldenFiles.rows("expected_calibrate_weights.csv").stream()
        .filter(r -> r.get("calibration").equals(calibration))
        .collect(Collectors.toMap(r -> r.get("cds"), r -> Double.parseDouble(r.get("weight"))));
    assertThat(expected).hasSize(design.rowCount());
    for (int i = 0; i < design.rowCount(); i++) {
      assertClose(calibration + " weight of " + design.data().id(i), design.weight(i),
          expected.get(design.data().id(i).value()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("estimates")
  void estimateAndSe_matchCalibrate(Map<String, String> expected) {
    checkEstimate(calibrated(expected.get("calibration")), expected);
  }

  /** Checks one row of expected estimates (quantity, domain, estimate, se) on a design. */
  static void checkEstimate(SurveyDesign design, Map<String, String> expected) {
    Estimator estimator = Estimator.of(design);
    String domain = expected.get("domain");
    Filter subgroup = domain.isEmpty() ? Filter.all()
        : Filter.category(domain.substring(0, domain.indexOf('=')), domain.substring(domain.indexOf('=') + 1));
    String quantity = expected.get("quantity");
    String inner = quantity.substring(quantity.indexOf('(') + 1, quantity.length() - 1);
    Estimate e;
    if (quantity.startsWith("mean(")) {
      e = estimator.mean(inner, subgroup);
    } else if (quantity.startsWith("total(")) {
      e = estimator.total(inner, subgroup);
    } else {
      e = estimator.proportion(inner.substring(0, inner.indexOf('=')), inner.substring(inner.indexOf('=') + 1),
          subgroup);
    }
    assertClose(expected + " estimate", e.value(), Double.parseDouble(expected.get("estimate")));
    double se = Double.parseDouble(expected.get("se"));
    if (se <= 1e-12 * Math.abs(e.value())) {
      // an SE of 0 in exact arithmetic (the domain's share fixed by the calibration): both sides round off
      assertThat(e.standardError()).as("%s se", expected).isLessThanOrEqualTo(1e-12 * Math.abs(e.value()));
    } else {
      assertClose(expected + " se", e.standardError(), se);
    }
  }
}
