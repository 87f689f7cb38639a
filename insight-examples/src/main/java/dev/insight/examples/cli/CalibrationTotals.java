package dev.insight.examples.cli;

import dev.insight.core.csv.CsvFile;
import dev.insight.core.csv.CsvOptions;
import dev.insight.core.csv.DecimalNumber;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.input.ProblemCollector;
import dev.insight.core.input.ReadMode;
import dev.insight.stats.design.CalibrationTerm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The totals of {@code --method calibrate}: the margins file's {@code variable,category,target} rows read as the
 * terms of R's {@code calibrate} formula. A term's variables are joined by {@code :} ({@code stype:comp.imp}); its
 * cell gives one part per variable, joined by {@code :} in the same order, the category code of a categorical
 * variable and nothing for a numeric one; the target is the count of people in the cell, or, when the term has
 * numeric variables, the population total of their product in the cell:
 * <pre>
 * stype,E,4421                    a count per category
 * enroll,,3811472                 the total of a numeric variable (blank category)
 * stype:comp.imp,E:Yes,3536       a count per cell of an interaction
 * stype:enroll,E:,1877350         the total of enroll among E
 * </pre>
 * Every problem names the file, line, column and value.
 *
 * @param terms the terms in the order first met, cells in file order
 * @param numeric the variables read as numbers
 * @param categorical the variables read as categories
 */
record CalibrationTotals(List<CalibrationTerm> terms, List<String> numeric, List<String> categorical) {

  static CalibrationTotals read(Path file, @Nullable Double population) {
    ProblemCollector problems = ProblemCollector.of(file.toString(), ReadMode.STRICT);
    try (CsvFile csv = SurveyFiles.open(file, null, CsvOptions.defaults(), problems)) {
      return read(csv, population);
    }
  }

  private static CalibrationTotals read(CsvFile csv, @Nullable Double population) {
    if (population != null && !(population > 0 && Double.isFinite(population))) {
      throw new IllegalArgumentException("--population must be a number above 0: " + population);
    }
    String source = csv.problems().source();
    long headerLine = csv.headerLine();
    int[] at = new int[3];
    String[] names = {"variable", "category", "target"};
    for (int i = 0; i < 3; i++) {
      at[i] = csv.header().indexOf(names[i]).orElse(-1);
      if (at[i] < 0) {
        throw new InvalidInputException(new InputProblem(source, headerLine, names[i], null,
            "the totals file needs the columns variable,category,target; " + csv.header().whyNot(names[i])));
      }
    }
    int needed = Math.max(at[0], Math.max(at[1], at[2])) + 1;
    Map<String, List<String>> termVariables = new LinkedHashMap<>();
    Map<String, Map<List<String>, Double>> termTotals = new LinkedHashMap<>();
    Map<String, Boolean> isNumeric = new LinkedHashMap<>();
    Map<String, Long> kindLine = new LinkedHashMap<>();
    while (csv.next()) {
      long line = csv.line();
      if (csv.fieldCount() < needed) {
        throw new InvalidInputException(new InputProblem(source, line, null, null,
            "expected variable,category,target but found " + csv.fieldCount() + " fields"));
      }
      String term = csv.field(at[0]).strip();
      String category = csv.field(at[1]).strip();
      String text = csv.field(at[2]).strip();
      List<String> variables = Arrays.stream(term.split(":", -1)).map(String::strip).toList();
      if (term.isEmpty() || variables.stream().anyMatch(String::isEmpty)) {
        throw new InvalidInputException(new InputProblem(source, line, "variable", term, term.isEmpty()
            ? "blank variable" : "term " + term + " has a blank variable name (variables are joined by ':')"));
      }
      if (variables.stream().distinct().count() != variables.size()) {
        throw new InvalidInputException(new InputProblem(source, line, "variable", term,
            "term " + term + " names a variable twice"));
      }
      String[] parts = category.isEmpty() && variables.size() == 1 ? new String[] {""} : category.split(":", -1);
      if (parts.length != variables.size()) {
        throw new InvalidInputException(new InputProblem(source, line, "category", category, "the cell '"
            + category + "' of " + term + " has " + parts.length + " part(s) for " + variables.size()
            + " variable(s): give one per variable joined by ':', the category of a categorical variable and "
            + "nothing for a numeric one (such as E: for stype:enroll, or a blank category for a numeric total)"));
      }
      List<String> key = new ArrayList<>();
      for (int v = 0; v < parts.length; v++) {
        String part = parts[v].strip();
        boolean numeric = part.isEmpty();
        Boolean before = isNumeric.putIfAbsent(variables.get(v), numeric);
        if (before != null && before != numeric) {
          throw new InvalidInputException(new InputProblem(source, line, "category", category, "variable "
              + variables.get(v) + " is " + (numeric ? "numeric (no category) here" : "categorical here")
              + " but was " + (before ? "numeric" : "categorical") + " on line " + kindLine.get(variables.get(v))));
        }
        kindLine.putIfAbsent(variables.get(v), line);
        if (!numeric) {
          key.add(part);
        }
      }
      double target = DecimalNumber.parse(text);
      if (Double.isNaN(target)) {
        throw new InvalidInputException(new InputProblem(source, line, "target", text, "target for " + term
            + (category.isEmpty() ? "" : "=" + category) + " is " + DecimalNumber.why(text)
            + " (use . as the decimal point)"));
      }
      boolean counts = key.size() == variables.size();
      if (counts && target < 0) {
        throw new InvalidInputException(new InputProblem(source, line, "target", text, "count for " + term + "="
            + category + " is negative"));
      }
      List<String> previous = termVariables.putIfAbsent(term, variables);
      Double twice = termTotals.computeIfAbsent(term, t -> new LinkedHashMap<>()).put(List.copyOf(key), target);
      if (twice != null) {
        throw new InvalidInputException(new InputProblem(source, line, "category", category, term
            + (category.isEmpty() ? "" : "=" + category) + " has two targets"));
      }
      if (previous == null && termTotals.size() > 1) {
        // a term named twice in different orders (a:b and b:a) is the same term
        for (String other : termVariables.keySet()) {
          if (!other.equals(term) && termVariables.get(other).size() == variables.size()
              && termVariables.get(other).containsAll(variables)) {
            throw new InvalidInputException(new InputProblem(source, line, "variable", term, "term " + term
                + " is the term " + other + " given earlier in another order; give its cells under one name"));
          }
        }
      }
    }
    if (termTotals.isEmpty()) {
      throw new InvalidInputException(new InputProblem(source, headerLine, null, null,
          "the totals file has no targets"));
    }
    // terms of counts that all sum to 1 are shares: counts of --population, or an error without it
    boolean anyCounts = false;
    boolean shares = true;
    for (Map.Entry<String, Map<List<String>, Double>> e : termTotals.entrySet()) {
      if (isCounts(termVariables.get(e.getKey()), isNumeric)) {
        anyCounts = true;
        double sum = e.getValue().values().stream().mapToDouble(Double::doubleValue).sum();
        shares &= Math.abs(sum - 1) < 1e-6;
      }
    }
    if (anyCounts && shares) {
      if (population == null) {
        throw new InvalidInputException(new InputProblem(source, headerLine, null, null, "calibration needs "
            + "population counts and totals, but the counts of every term sum to 1: give counts, or "
            + "--population N to make these shares counts of N"));
      }
      termTotals.forEach((term, totals) -> {
        if (isCounts(termVariables.get(term), isNumeric)) {
          totals.replaceAll((cell, share) -> share * population);
        }
      });
    }
    List<CalibrationTerm> terms = new ArrayList<>();
    termTotals.forEach((term, totals) -> terms.add(CalibrationTerm.of(termVariables.get(term), totals)));
    List<String> numeric = new ArrayList<>();
    List<String> categorical = new ArrayList<>();
    isNumeric.forEach((variable, num) -> (num ? numeric : categorical).add(variable));
    return new CalibrationTotals(terms, numeric, categorical);
  }

  private static boolean isCounts(List<String> variables, Map<String, Boolean> isNumeric) {
    return variables.stream().noneMatch(isNumeric::get);
  }

  /** Whether a population size must be given besides the totals: no term of counts. */
  boolean needsPopulationSize() {
    return terms.stream().allMatch(t -> t.variables().stream().anyMatch(numeric::contains));
  }

  /** The population size the terms of counts give (the first one's sum), or NaN. */
  double populationSize() {
    for (CalibrationTerm t : terms) {
      if (t.variables().stream().noneMatch(numeric::contains)) {
        return t.totals().values().stream().mapToDouble(Double::doubleValue).sum();
      }
    }
    return Double.NaN;
  }
}
