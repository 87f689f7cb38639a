package dev.insight.stats.inference;

import dev.insight.core.csv.SurveyCsvReader;
import dev.insight.core.csv.SurveyMapping;
import dev.insight.core.data.Dataset;
import java.io.BufferedReader;
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
import java.util.Objects;

/** Reads the golden files copied from {@code /work/shared/golden} (see {@code golden/SOURCE.md}). */
final class Golden {
  private Golden() {}

  static Reader reader(String name) {
    InputStream in = Objects.requireNonNull(Golden.class.getResourceAsStream("/golden/" + name), name);
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  static Dataset read(String name, SurveyMapping mapping) {
    try (Reader reader = reader(name)) {
      return SurveyCsvReader.read(reader, name, mapping, dev.insight.core.input.ReadMode.STRICT).value();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rows of a simple CSV (quoted fields without embedded commas), as header to value maps. */
  static List<Map<String, String>> rows(String name) {
    try (BufferedReader reader = new BufferedReader(reader(name))) {
      String[] header = split(reader.readLine());
      List<Map<String, String>> rows = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] fields = split(line);
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
          row.put(header[i], fields[i]);
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String[] split(String line) {
    String[] fields = line.split(",", -1);
    for (int i = 0; i < fields.length; i++) {
      fields[i] = fields[i].replace("\"", "");
    }
    return fields;
  }

  /** The raked weights of the staff survey, in its row order. */
  static double[] stakeWeights() {
    return rows("expected_rake_weights.csv").stream().mapToDouble(r -> Double.parseDouble(r.get("weight")))
        .toArray();
  }
}
