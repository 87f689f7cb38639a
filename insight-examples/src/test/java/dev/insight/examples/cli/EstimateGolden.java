package dev.insight.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The R golden files under {@code /estimate/} that the command golden tests read, and their copies for a run. */
final class EstimateGolden {
  private EstimateGolden() {}

  /** Copies a data file of {@code /estimate/} into the test's folder once; returns its path there. */
  static Path copy(Path dir, String name) {
    Path target = dir.resolve(name);
    if (Files.exists(target)) {
      return target;
    }
    try (InputStream in = Objects.requireNonNull(EstimateGolden.class.getResourceAsStream("/estimate/" + name))) {
      Files.copy(in, target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  /** The rows of a CSV text without quoted commas (what R's write.csv and the command write), by header name. */
  static List<Map<String, String>> rows(String text) {
    List<String> lines = text.lines().toList();
    String[] header = lines.get(0).replace("\"", "").split(",", -1);
    List<Map<String, String>> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.replace("\"", "").split(",", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], fields[i]);
      }
      out.add(row);
    }
    return out;
  }

  /** The rows of a golden file of {@code /estimate/}. */
  static List<Map<String, String>> golden(String name) {
    try (InputStream in = Objects.requireNonNull(EstimateGolden.class.getResourceAsStream("/estimate/" + name))) {
      return rows(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Asserts a value the command wrote is within 1e-6 of R's, relative to R's; R's 0 asks for less than 1e-12.
   */
  static void assertClose(String what, String actual, String expected) {
    double e = Double.parseDouble(expected);
    double a = Double.parseDouble(actual);
    if (e == 0) {
      assertThat(Math.abs(a)).as("%s: %s vs R 0", what, a).isLessThan(1e-12);
    } else {
      assertThat(Math.abs(a - e) / Math.abs(e)).as("%s: %s vs R %s", what, a, e).isLessThanOrEqualTo(1e-6);
    }
  }
}
