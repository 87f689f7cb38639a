package dev.insight.core.codebook;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.insight.core.csv.Codebook;
import dev.insight.core.data.Category;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each column of a survey export is: its variables in file order, each with a short name, a label, a type,
 * categories in order with missing codes, and its source columns.
 *
 * <p>In JSON: {@code {"variables": [{"name", "label", "type", "categories": [{"code", "label", "missing"}],
 * "columns": [...], "delimiter"}]}}, the shape {@code insight describe --json} prints. A CSV codebook
 * ({@code variable,code,label[,missing]}, see {@link Codebook}; a variable listing only numeric missing codes, such
 * as {@code age,99,Don't know,missing}, is a numeric variable with those missing codes) gives categories in order
 * for the variables it
 * lists.
 *
 * @param variables the variables, in file order, names unique
 */
public record SurveyCodebook(List<CodebookVariable> variables) {
  private static final ObjectMapper JSON = Json.mapper().enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /**
   * Validates and copies.
   *
   * @param variables the variables, in file order, names unique
   */
  public SurveyCodebook {
    variables = List.copyOf(variables);
    Set<String> names = new HashSet<>();
    for (CodebookVariable v : variables) {
      checkArgument(names.add(v.name()), "the codebook names variable %s twice", v.name());
    }
  }

  /**
   * A variable by name.
   *
   * @param name the variable name
   * @return the variable, or empty
   */
  public Optional<CodebookVariable> variable(String name) {
    checkNotNull(name, "name");
    return variables.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  /**
   * The variable read from a column.
   *
   * @param column a source column
   * @return the variable that column belongs to, or empty
   */
  public Optional<CodebookVariable> ofColumn(String column) {
    checkNotNull(column, "column");
    return variables.stream().filter(v -> v.columns().contains(column)).findFirst();
  }

  /**
   * This codebook with the variables of another put in place of those they name (by name, or by their columns),
   * and the others added at the end.
   *
   * @param given the codebook that wins, such as one the analyst wrote
   * @return a new codebook
   */
  public SurveyCodebook overriddenBy(SurveyCodebook given) {
    Map<String, CodebookVariable> byName = new LinkedHashMap<>();
    variables.forEach(v -> byName.put(v.name(), v));
    for (CodebookVariable v : given.variables()) {
      byName.values().removeIf(old -> !old.name().equals(v.name()) && old.columns().stream()
          .anyMatch(v.columns()::contains));
      byName.put(v.name(), v);
    }
    return new SurveyCodebook(new ArrayList<>(byName.values()));
  }

  /**
   * The codebook as JSON.
   *
   * @return indented JSON
   */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a codebook always serialises", e);
    }
  }

  /**
   * Reads a codebook file: JSON (by its {@code .json} extension) or CSV.
   *
   * @param file the file
   * @return the codebook
   * @throws InvalidInputException naming the file and what is wrong
   * @throws UncheckedIOException when the file cannot be read
   */
  public static SurveyCodebook read(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      try {
        SurveyCodebook codebook = JSON.readValue(Files.readAllBytes(file), SurveyCodebook.class);
        if (codebook == null) {
          throw new InvalidInputException(new InputProblem(file.toString(), 1, "$", "null",
              "not a codebook: a codebook file holds one JSON object with \"variables\", not null"));
        }
        return codebook;
      } catch (JsonProcessingException e) {
        long line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
        throw new InvalidInputException(new InputProblem(file.toString(), line, null, null,
            "not a codebook: " + (Json.limitPassed(e) != null ? Json.describe(e) : e.getOriginalMessage())));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read codebook " + file, e);
      }
    }
    Codebook csv = Codebook.read(file);
    List<CodebookVariable> variables = new ArrayList<>();
    for (String variable : csv.variables()) {
      List<Category> categories = csv.categories(variable).orElseThrow();
      // a variable listing only missing codes, each a number, is a numeric question's missing codes (99 "Don't know")
      boolean numericMissing = categories.stream().allMatch(c -> c.missing()
          && !Double.isNaN(dev.insight.core.csv.DecimalNumber.parse(c.code())));
      variables.add(new CodebookVariable(variable, variable, numericMissing ? VariableType.NUMERIC
          : VariableType.SINGLE, categories, List.of(variable), null));
    }
    return new SurveyCodebook(variables);
  }
}
