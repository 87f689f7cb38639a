package dev.insight.stats;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.insight.core.csv.SurveyCsvReader;
import dev.insight.core.csv.SurveyMapping;
import dev.insight.core.data.Dataset;
import dev.insight.core.input.ReadMode;
import dev.insight.stats.design.Margin;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The golden files of R survey 4.1.1 (test resources {@code golden/}, see its README) and the data behind them. */
public final class GoldenFiles {
  /**
   * Relative tolerance the golden README asks for: R printed 12 significant digits and iterative procedures
   * (raking to 1e-9, calibration to 1e-7) converge to slightly different points, so 1e-6 relative is both
   * achievable and far below any difference a user would see.
   */
  public static final double RELATIVE = 1e-6;

  public static final List<String> PRIORITIES = List.of("pri_workforce", "pri_mental_health", "pri_healthy_weight",
      "pri_addiction", "pri_early_years", "pri_older_people", "pri_inequalities", "pri_housing", "pri_carers",
      "pri_prevention");
  public static final List<String> CODES = List.of("positive", "staff_skills", "delivery_detail", "funding",
      "partnership", "coproduction", "ownership", "focus");

  private GoldenFiles() {}

  /** Rows of a golden CSV as column-to-value maps. */
  public static List<Map<String, String>> rows(String name) {
    try (Reader reader = open(name); CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(reader)) {
      List<Map<String, String>> out = new ArrayList<>();
      List<String> header = null;
      for (CsvRecord record : csv) {
        if (header == null) {
          header = record.getFields();
          continue;
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          row.put(header.get(i), record.getField(i));
        }
        out.add(row);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Reader open(String name) {
    InputStream in = GoldenFiles.class.getResourceAsStream("/golden/" + name);
    if (in == null) {
      throw new IllegalArgumentException("no golden file " + name);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  public static Dataset staffSurvey() {
    SurveyMapping.Builder mapping = SurveyMapping.builder("id").categorical("sector").categorical("area")
        .categorical("age").categorical("contact").numeric("commented");
    PRIORITIES.forEach(mapping::numeric);
    CODES.forEach(c -> mapping.numeric("code_" + c));
    return read("staff_survey.csv", mapping.build());
  }

  public static List<Margin> staffMargins() {
    Map<String, Map<String, Double>> byVariable = new LinkedHashMap<>();
    for (Map<String, String> row : rows("margins.csv")) {
      byVariable.computeIfAbsent(row.get("variable"), v -> new LinkedHashMap<>())
          .put(row.get("category"), Double.parseDouble(row.get("target")));
    }
    List<Margin> margins = new ArrayList<>();
    byVariable.forEach((variable, targets) -> margins.add(Margin.counts(variable, targets)));
    return margins;
  }

  public static Dataset api(String file) {
    SurveyMapping mapping = SurveyMapping.builder("cds").categorical("stype").categorical("sch.wide")
        .categorical("awards").numeric("dnum").numeric("snum").numeric("api00").numeric("api99").numeric("enroll").numeric("pw")
        .numeric("fpc").build();
    return read(file, mapping);
  }

  private static Dataset read(String name, SurveyMapping mapping) {
    try (Reader reader = open(name)) {
      return SurveyCsvReader.read(reader, name, mapping, ReadMode.STRICT).orThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts {@code actual} is within {@link #RELATIVE} of {@code expected}, relative to its size. */
  public static void assertClose(String what, double actual, double expected) {
    double scale = Math.max(Math.abs(expected), 1e-300);
    assertThat(Math.abs(actual - expected) / scale).as("%s: %s vs R %s", what, actual, expected)
        .isLessThanOrEqualTo(RELATIVE);
  }

  /**
   * As {@link #assertClose}, for a value R wrote as text: {@code NaN} or {@code NA} asks for NaN.
   */
  public static void assertCloseOrNaN(String what, double actual, String expected) {
    if (expected.equals("NaN") || expected.equals("NA")) {
      assertThat(actual).as("%s: %s vs R %s", what, actual, expected).isNaN();
    } else {
      assertClose(what, actual, Double.parseDouble(expected));
    }
  }
}
