package dev.insight.examples.cli;

import dev.insight.core.codebook.AnswerScales;
import dev.insight.core.codebook.CodebookVariable;
import dev.insight.core.codebook.SurveyCodebook;
import dev.insight.core.csv.CsvFile;
import dev.insight.core.csv.DecimalNumber;
import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Category;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.NumericVariable;
import dev.insight.core.input.ProblemCollector;
import dev.insight.core.input.ReadMode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A column asked for as a mean ({@code table --means}, {@code estimate --mean}): read as numbers when its answers
 * are numbers ({@link #looksNumeric}), else first as its answers: numbers
 * stay numbers (answers marked missing in the codebook, or recognised "no answer" wording, left out and counted);
 * a text scale in a known order (a recognised scale, or the order a codebook gives) is scored 1 for its lowest
 * point to k for its highest, said on standard error; text in no known order is refused, saying how to give the
 * order. Never scored alphabetically.
 */
final class MeanColumns {
  private MeanColumns() {}

  /** Answers looked at before the read to tell a numeric column from text. */
  private static final int SAMPLE = 10_000;

  /**
   * Whether a column's first {@value #SAMPLE} answers are all numbers, so it is read as numbers (each cell that is
   * not one then named with its line) rather than as answers to score.
   *
   * @param input the data options
   * @param column the column
   * @return true for numbers, or a column the header lacks (the read names it)
   */
  static boolean looksNumeric(DataOptions input, String column) {
    try (CsvFile csv = SurveyFiles.open(input, ProblemCollector.of(input.data.toString(), ReadMode.LENIENT))) {
      java.util.OptionalInt at = csv.header().indexOf(column);
      if (at.isEmpty()) {
        return true;
      }
      int seen = 0;
      while (seen < SAMPLE && csv.next()) {
        if (at.getAsInt() >= csv.fieldCount()) {
          continue;
        }
        String value = csv.field(at.getAsInt()).strip();
        if (!value.isEmpty()) {
          seen++;
          if (Double.isNaN(DecimalNumber.parse(value))) {
            return false;
          }
        }
      }
      return true;
    }
  }

  /** What a column read as answers turned out to be. */
  enum Kind {
    /** Every answer a number or a missing code. */
    NUMBERS,
    /** Numbers mixed with text that is not a missing code: read as numbers, so each bad cell is named. */
    MIXED,
    /** A scale scored by its order. */
    SCALE
  }

  /**
   * The columns made numeric: each by {@link #numeric}, a column mixing numbers with other text read again as
   * numbers, so each cell that is not one is named with its line (strict) or reported and left blank (lenient).
   *
   * @param data the dataset, the columns read as categories
   * @param columns the columns asked for as means
   * @param input the data options, to read again
   * @param option the option asking, for messages
   * @param err where notes and problems go
   * @param command the command's name
   * @return the dataset with the columns numeric
   */
  static Dataset scored(Dataset data, java.util.Collection<String> columns, DataOptions input, String option,
      PrintWriter err, String command) {
    Dataset scored = data;
    SurveyCodebook given = SurveyFiles.codebook(input);
    for (String column : columns) {
      if (!(scored.variable(column) instanceof CategoricalVariable variable)) {
        continue;
      }
      if (kind(variable, given) == Kind.MIXED) {
        // the first read said how the id was found; this one reads the same rows again
        String note = input.idNote;
        input.idNote = null;
        try {
          Dataset numbers = SurveyFiles.read(input, dev.insight.core.csv.SurveyMapping.builder(SurveyFiles.id(input))
              .numeric(column).build(), err, command);
          scored = scored.with(numbers.variable(column));
        } finally {
          input.idNote = note;
        }
      } else {
        scored = numeric(scored, column, given, option, err, command);
      }
    }
    return scored;
  }

  /** The kind of a column read as categories, before {@link #numeric}. */
  static Kind kind(CategoricalVariable variable, @Nullable SurveyCodebook given) {
    boolean numbers = false;
    boolean text = false;
    for (Category c : variable.categories()) {
      if (!Double.isNaN(DecimalNumber.parse(c.code()))) {
        numbers = true;
      } else if (!c.missing() && !AnswerScales.isMissingCode(c.code()) && !missingIn(given, variable.name(),
          c.code())) {
        text = true;
      }
    }
    return !text ? Kind.NUMBERS : numbers ? Kind.MIXED : Kind.SCALE;
  }

  private static boolean missingIn(@Nullable SurveyCodebook given, String name, String code) {
    return given != null && given.variable(name).map(v -> v.missingCodes().contains(code)).orElse(false);
  }

  /**
   * The column as numbers: its numeric answers, or its scale's scores. Missing codes are left out and counted.
   *
   * @param data the dataset, the column read as categories
   * @param name the column
   * @param given the codebook of {@code --codebook}, or null
   * @param option the option asking for the mean, for messages ({@code --means})
   * @param err where the scoring and the answers left out are said
   * @param command the command's name
   * @return the dataset with the column numeric
   * @throws IllegalArgumentException when the answers are text in no known order
   */
  static Dataset numeric(Dataset data, String name, @Nullable SurveyCodebook given, String option, PrintWriter err,
      String command) {
    CategoricalVariable variable = data.categorical(name);
    Map<String, Double> score = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    if (kind(variable, given) == Kind.NUMBERS) {
      for (Category c : variable.categories()) {
        double value = DecimalNumber.parse(c.code());
        if (Double.isNaN(value) || c.missing() || missingIn(given, name, c.code())) {
          missing.add(c.code());
        } else {
          score.put(c.code(), value);
        }
      }
    } else {
      Map<String, Double> scale = scale(variable, given).orElseThrow(() -> new IllegalArgumentException(option + " "
          + name + ": its answers are text in no order insight recognises (" + String.join(", ", answers(variable))
          + "), so a mean would depend on an order nobody gave; give the order in a codebook (--codebook FILE, "
          + "listing the categories from lowest to highest, as insight describe --json writes them), or code the "
          + "answers as numbers"));
      scale.forEach((code, value) -> {
        if (!missingIn(given, name, code)) {
          score.put(code, value);
        }
      });
      for (Category c : variable.categories()) {
        if (!score.containsKey(c.code())) {
          missing.add(c.code());
        }
      }
      err.printf(Locale.ROOT, "insight %s: note: %s %s: a text scale, scored %s%n", command, option, name,
          score.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(e -> number(e.getValue()) + " "
              + e.getKey()).collect(java.util.stream.Collectors.joining(", ")));
    }
    double[] values = new double[variable.size()];
    int[] left = new int[1];
    for (int row = 0; row < values.length; row++) {
      int index = variable.categoryIndex(row);
      Double value = index < 0 ? null : score.get(variable.categories().get(index).code());
      values[row] = value == null ? Double.NaN : value;
      if (index >= 0 && value == null) {
        left[0]++;
      }
    }
    if (left[0] > 0) {
      err.printf(Locale.ROOT, "insight %s: note: %s %s: %d answer%s of %s left out as missing%n", command, option,
          name, left[0], left[0] == 1 ? "" : "s", String.join(", ", missing));
    }
    err.flush();
    return data.with(NumericVariable.of(name, variable.label(), values));
  }

  private static List<String> answers(CategoricalVariable variable) {
    return variable.categories().stream().map(Category::code).filter(c -> !AnswerScales.isMissingCode(c)).toList();
  }

  /**
   * The score of each point: by its position (from 1) among the codebook's categories that are not missing codes,
   * else as the recognised scale scores it ({@link AnswerScales#scores}).
   */
  private static Optional<Map<String, Double>> scale(CategoricalVariable variable, @Nullable SurveyCodebook given) {
    Optional<CodebookVariable> listed = given == null ? Optional.empty() : given.variable(variable.name());
    if (listed.isPresent() && !listed.get().categories().isEmpty()) {
      Map<String, Double> scores = new LinkedHashMap<>();
      for (Category c : listed.get().categories()) {
        if (!c.missing()) {
          scores.put(c.code(), (double) scores.size() + 1);
        }
      }
      return Optional.of(scores);
    }
    return AnswerScales.scores(variable.categories().stream().map(Category::code).toList());
  }

  private static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
