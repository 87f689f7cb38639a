package dev.insight.examples.cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.insight.core.internal.AtomicFiles;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.RespondentId;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import dev.insight.stats.design.Margin;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** The files of the weighting and estimate commands: margins, weights, atomic output. */
final class WeightingFiles {
  private WeightingFiles() {}

  /**
   * Reads a margins file ({@code variable,category,target}). Targets that sum to 1 in every margin are
   * proportions; otherwise counts.
   */
  static List<Margin> readMargins(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return readMargins(reader, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read margins file " + file, e);
    }
  }

  /** Reads margins from CSV text, as {@link #readMargins(Path)}; {@code source} names it in messages. */
  static List<Margin> readMargins(Reader reader, String source) {
    Map<String, Map<String, Double>> byVariable = new LinkedHashMap<>();
    try (CsvReader<CsvRecord> csv = CsvReader.builder().skipEmptyLines(true).ignoreDifferentFieldCount(true)
        .detectBomHeader(true).ofCsvRecord(reader)) {
      int[] at = null;
      for (CsvRecord record : csv) {
        long line = record.getStartingLineNumber();
        if (at == null) {
          at = new int[] {record.getFields().indexOf("variable"), record.getFields().indexOf("category"),
              record.getFields().indexOf("target")};
          for (int i = 0; i < 3; i++) {
            if (at[i] < 0) {
              throw new InvalidInputException(new InputProblem(source, line, null, String.join(",",
                  record.getFields()), "the margins file needs the columns variable,category,target"));
            }
          }
          continue;
        }
        if (record.getFieldCount() <= Math.max(at[0], Math.max(at[1], at[2]))) {
          throw new InvalidInputException(new InputProblem(source, line, null, null,
              "expected variable,category,target but found " + record.getFieldCount() + " fields"));
        }
        String variable = record.getField(at[0]).strip();
        String category = record.getField(at[1]).strip();
        String text = record.getField(at[2]).strip();
        if (variable.isEmpty() || category.isEmpty()) {
          throw new InvalidInputException(new InputProblem(source, line, variable.isEmpty() ? "variable"
              : "category", "", "blank variable or category"));
        }
        double target;
        try {
          target = Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw new InvalidInputException(new InputProblem(source, line, "target", text,
              "target for " + variable + "=" + category + " is not a number"));
        }
        if (!(target >= 0) || Double.isInfinite(target)) {
          throw new InvalidInputException(new InputProblem(source, line, "target", text,
              "target for " + variable + "=" + category + " must be finite and not negative"));
        }
        Double previous = byVariable.computeIfAbsent(variable, v -> new LinkedHashMap<>()).put(category, target);
        if (previous != null) {
          throw new InvalidInputException(new InputProblem(source, line, "category", category,
              "category " + category + " of " + variable + " has two targets"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read margins file " + source, e);
    }
    if (byVariable.isEmpty()) {
      throw new InvalidInputException(new InputProblem(source, 1, null, null, "the margins file has no targets"));
    }
    boolean proportions = byVariable.values().stream()
        .allMatch(t -> Math.abs(t.values().stream().mapToDouble(Double::doubleValue).sum() - 1) < 1e-6);
    List<Margin> margins = new ArrayList<>();
    byVariable.forEach((variable, targets) -> margins.add(proportions ? Margin.proportions(variable, targets)
        : Margin.counts(variable, targets)));
    return margins;
  }

  /**
   * Reads {@code id,weight} and returns the weights in the dataset's row order, NaN for a respondent absent from
   * the file (left out by {@code insight weight --missing exclude}).
   */
  static double[] readWeights(Path file, Dataset data) {
    String source = file.toString();
    double[] weights = new double[data.rowCount()];
    boolean[] seen = new boolean[data.rowCount()];
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CsvReader<CsvRecord> csv = CsvReader.builder().skipEmptyLines(true).ignoreDifferentFieldCount(true)
            .detectBomHeader(true).ofCsvRecord(reader)) {
      boolean header = true;
      for (CsvRecord record : csv) {
        long line = record.getStartingLineNumber();
        if (header) {
          if (!record.getFields().equals(List.of("id", "weight"))) {
            throw new InvalidInputException(new InputProblem(source, line, null, String.join(",",
                record.getFields()), "the weights file needs the header id,weight"));
          }
          header = false;
          continue;
        }
        if (record.getFieldCount() != 2) {
          throw new InvalidInputException(new InputProblem(source, line, null, null,
              "expected id,weight but found " + record.getFieldCount() + " fields"));
        }
        String id = record.getField(0).strip();
        int row = id.isEmpty() ? -1 : data.rowOf(RespondentId.of(id)).orElse(-1);
        if (row < 0) {
          throw new InvalidInputException(new InputProblem(source, line, "id", id,
              "respondent " + id + " is not in the data"));
        }
        if (seen[row]) {
          throw new InvalidInputException(new InputProblem(source, line, "id", id,
              "respondent " + id + " has two weights"));
        }
        String text = record.getField(1).strip();
        try {
          weights[row] = Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw new InvalidInputException(new InputProblem(source, line, "weight", text,
              "weight of respondent " + id + " is not a number"));
        }
        seen[row] = true;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read weights file " + file, e);
    }
    for (int row = 0; row < seen.length; row++) {
      if (!seen[row]) {
        weights[row] = Double.NaN;
      }
    }
    return weights;
  }

  /** A number that reads back exactly (so at least 12 significant digits where it has them), whatever the locale. */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "NA";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    // Double.toString round-trips exactly (up to 17 significant digits) and is far faster than String.format,
    // which matters for a million weights; scientific notation is left to the formatter
    String shortest = Double.toString(value);
    if (shortest.indexOf('E') < 0) {
      return shortest;
    }
    String text = String.format(Locale.ROOT, "%.15g", value);
    if (text.contains("e") || text.contains("E")) {
      return text;
    }
    return text.indexOf('.') >= 0 ? text.replaceFirst("0+$", "").replaceFirst("\\.$", "") : text;
  }

  /**
   * Writes every file to a temporary file beside it, then moves them all into place, so a failure while writing
   * leaves no partial output.
   */
  static void writeAtomically(Map<Path, Consumer<Writer>> files) {
    Map<Path, Path> temps = new LinkedHashMap<>();
    try {
      for (Map.Entry<Path, Consumer<Writer>> e : files.entrySet()) {
        Path target = e.getKey().toAbsolutePath();
        Path temp = AtomicFiles.temporaryBeside(target);
        temps.put(target, temp);
        try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE)) {
          e.getValue().accept(writer);
        }
      }
      for (Map.Entry<Path, Path> e : temps.entrySet()) {
        AtomicFiles.moveIntoPlace(e.getValue(), e.getKey());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + files.keySet(), e);
    } finally {
      for (Path temp : temps.values()) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // best effort: the temporary file is hidden and named after its target
        }
      }
    }
  }

  /** A CSV field, quoted when needed (RFC 4180). */
  static String field(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  static void write(Writer writer, String text) {
    try {
      writer.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
