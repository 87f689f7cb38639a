package dev.insight.core.csv;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.data.Category;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.input.ProblemCollector;
import dev.insight.core.input.ReadMode;
import java.io.Reader;
import java.io.UncheckedIOException;
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
    ProblemCollector problems = ProblemCollector.of(file.toString(), ReadMode.STRICT);
    try (CsvFile csv = CsvFile.open(file, CsvOptions.defaults(), problems)) {
      return read(csv);
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
    try (CsvFile csv = CsvFile.of(reader, CsvOptions.defaults(), ProblemCollector.of(source, ReadMode.STRICT))) {
      return read(csv);
    }
  }

  private static Codebook read(CsvFile csv) {
    ProblemCollector problems = csv.problems();
    Map<String, List<Category>> byVariable = new LinkedHashMap<>();
    Map<String, Set<String>> seen = new LinkedHashMap<>();
    List<String> names = csv.header().names();
    int variableAt = names.indexOf("variable");
    int codeAt = names.indexOf("code");
    int labelAt = names.indexOf("label");
    int missingAt = names.indexOf("missing");
    for (String required : List.of("variable", "code", "label")) {
      if (!names.contains(required)) {
        throw problems.fatal(csv.headerLine(), required, null,
            "missing column; a codebook needs variable,code,label (found " + names + ")");
      }
    }
    int needed = Math.max(Math.max(variableAt, codeAt), Math.max(labelAt, missingAt)) + 1;
    while (csv.next()) {
      long line = csv.line();
      if (csv.fieldCount() < needed) {
        problems.report(line, null, null, "expected at least " + needed + " fields but found "
            + csv.fieldCount());
        continue;
      }
      String variable = csv.field(variableAt).strip();
      String code = csv.field(codeAt).strip();
      String label = csv.field(labelAt).strip();
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
      boolean missing = missingAt >= 0 && isTrue(csv.field(missingAt));
      byVariable.computeIfAbsent(variable, v -> new ArrayList<>())
          .add(new Category(code, label.isEmpty() ? code : label, missing));
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
