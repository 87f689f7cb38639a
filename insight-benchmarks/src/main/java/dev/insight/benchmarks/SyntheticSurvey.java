package dev.insight.benchmarks;

import dev.insight.core.csv.SurveyMapping;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A large synthetic survey export for benchmarks: an id and 20 variables (12 single-choice questions of 2 to 12
 * categories, 4 multiple-response questions of 4 options each as 0/1 columns, 4 numeric questions).
 */
final class SyntheticSurvey {
  static final int CATEGORICAL = 12;
  static final int MULTI = 4;
  static final int OPTIONS = 4;
  static final int NUMERIC = 4;

  private SyntheticSurvey() {}

  static Path write(int respondents, long seed) {
    try {
      Path file = Files.createTempFile("insight-survey-" + respondents + "-", ".csv");
      file.toFile().deleteOnExit();
      SplittableRandom random = new SplittableRandom(seed);
      try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        List<String> header = new ArrayList<>();
        header.add("id");
        for (int q = 0; q < CATEGORICAL; q++) {
          header.add("q" + q);
        }
        for (int m = 0; m < MULTI; m++) {
          for (int o = 0; o < OPTIONS; o++) {
            header.add("m" + m + "_" + o);
          }
        }
        for (int x = 0; x < NUMERIC; x++) {
          header.add("x" + x);
        }
        out.write(String.join(",", header));
        out.write('\n');
        StringBuilder line = new StringBuilder(128);
        for (int row = 0; row < respondents; row++) {
          line.setLength(0);
          line.append('R').append(row);
          for (int q = 0; q < CATEGORICAL; q++) {
            line.append(',').append(1 + random.nextInt(2 + q % 11));
          }
          for (int m = 0; m < MULTI * OPTIONS; m++) {
            line.append(',').append(random.nextInt(3) == 0 ? '1' : '0');
          }
          for (int x = 0; x < NUMERIC; x++) {
            line.append(',').append(String.format(Locale.ROOT, "%.1f", random.nextDouble() * 100));
          }
          out.append(line).append('\n');
        }
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SurveyMapping mapping() {
    SurveyMapping.Builder mapping = SurveyMapping.builder("id");
    for (int q = 0; q < CATEGORICAL; q++) {
      mapping.categorical("q" + q);
    }
    for (int m = 0; m < MULTI; m++) {
      List<String> columns = new ArrayList<>();
      for (int o = 0; o < OPTIONS; o++) {
        columns.add("m" + m + "_" + o);
      }
      mapping.multiColumns("m" + m, null, columns);
    }
    for (int x = 0; x < NUMERIC; x++) {
      mapping.numeric("x" + x);
    }
    return mapping.build();
  }
}
