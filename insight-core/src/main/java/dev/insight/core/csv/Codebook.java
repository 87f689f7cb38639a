package dev.insight.core.csv;

import static com.google.common.base.Preconditions.checkNotNull;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.insight.core.data.Category;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.input.ProblemCollector;
import dev.insight.core.input.ReadMode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Category labels for the variables of a survey export, as analysts keep them: a CSV file with the columns
 * {@code variable,code,label} and optionally {@code missing} ({@code 1}, {@code yes} or {@code true} for a
 * declared missing-value code). Categories keep the order of the file.
 */
public final class Codebook {
  private final Map<String, List<Category>> categories;

  private Codebook(Map<String, List<Category>> categories) {
    this.categories = categories;
  }

  /**
   * A codebook from categories by variable name.
   *
   * @param categories the categories of each variable, in display order
   * @return the codebook
   */
  public static Codebook of(Map<String, List<Category>> categories) {
    Map<String, List<Category>> copy = new LinkedHashMap<>();
    categories.forEach((name, list) -> copy.put(name, List.copyOf(list)));
    return new Codebook(Collections.unmodifiableMap(copy));
  }

  /**
   * Reads a codebook file.
   *
   * @param file the CSV file
   * @return the codebook
   * @throws InvalidInputException naming file, line, column and value on a missing column, a blank code or a code
   *     listed twice for one variable
   * @throws UncheckedIOException when the file cannot be read
   */
  public static Codebook read(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read codebook " + file, e);
    }
  }

  /**
   * Reads a codebook from a reader.
   *
   * @param reader the CSV text
   * @param source the name used in messages
   * @return the codebook
   * @throws InvalidInputException on bad input, as {@link #read(Path)}
   */
  public static Codebook read(Reader reader, String source) {
    ProblemCollector problems = ProblemCollector.of(source, ReadMode.STRICT);
    Map<String, List<Category>> byVariable = new LinkedHashMap<>();
    Map<String, Set<String>> seen = new LinkedHashMap<>();
    try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(reader)) {
      int variableAt = -1;
      int codeAt = -1;
      int labelAt = -1;
      int missingAt = -1;
      boolean header = true;
      for (CsvRecord row : csv) {
        if (header) {
          List<String> names = row.getFields().stream().map(String::strip).toList();
          variableAt = names.indexOf("variable");
          codeAt = names.indexOf("code");
          labelAt = names.indexOf("label");
          missingAt = names.indexOf("missing");
          for (String required : List.of("variable", "code", "label")) {
            if (!names.contains(required)) {
              throw problems.fatal(row.getStartingLineNumber(), required, null,
                  "missing column; a codebook needs variable,code,label (found " + names + ")");
            }
          }
          header = false;
          continue;
        }
        long line = row.getStartingLineNumber();
        int needed = Math.max(Math.max(variableAt, codeAt), Math.max(labelAt, missingAt)) + 1;
        if (row.getFieldCount() < needed) {
          problems.report(line, null, null, "expected at least " + needed + " fields but found "
              + row.getFieldCount());
          continue;
        }
        String variable = row.getField(variableAt).strip();
        String code = row.getField(codeAt).strip();
        String label = row.getField(labelAt).strip();
        if (variable.isEmpty()) {
          problems.report(line, "variable", variable, "variable name is blank");
          continue;
        }
        if (code.isEmpty()) {
          problems.report(line, "code", code, "category code is blank for variable " + variable);
          continue;
        }
        if (!seen.computeIfAbsent(variable, v -> new HashSet<>()).add(code)) {
          problems.report(line, "code", code, "code listed twice for variable " + variable);
          continue;
        }
        boolean missing = missingAt >= 0 && isTrue(row.getField(missingAt));
        byVariable.computeIfAbsent(variable, v -> new ArrayList<>())
            .add(new Category(code, label.isEmpty() ? code : label, missing));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read codebook " + source, e);
    }
    return of(byVariable);
  }

  private static boolean isTrue(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    return v.equals("1") || v.equals("yes") || v.equals("true");
  }

  /**
   * The categories of a variable.
   *
   * @param variable the variable name
   * @return its categories in display order, or empty when the codebook does not list it
   */
  public Optional<List<Category>> categories(String variable) {
    return Optional.ofNullable(categories.get(checkNotNull(variable, "variable")));
  }

  /**
   * The variables listed.
   *
   * @return variable names in file order
   */
  public Set<String> variables() {
    return categories.keySet();
  }
}
