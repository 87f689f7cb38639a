package dev.insight.examples.cli;

import dev.insight.core.csv.CsvFile;
import dev.insight.core.csv.CsvOptions;
import dev.insight.core.csv.DecimalNumber;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.input.ProblemCollector;
import dev.insight.core.input.ReadMode;
import dev.insight.stats.design.CalibrationTerm;
import dev.insight.stats.design.Margin;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The one reader of a margins file ({@code --margins}): its {@code variable,category,target} rows (other columns
 * ignored) read as the terms of R's {@code calibrate} formula for {@code --method calibrate}, or as the categorical
 * margins of raking, post-stratification and {@code --method linear}, which take only the first kind of row below.
 * A term's variables are joined by {@code :} ({@code stype:comp.imp}); its cell gives one part per variable, joined
 * by {@code :} in the same order, the category code of a categorical variable and nothing for a numeric one (the
 * category of a one-variable term is its code whole, {@code :} included); the target is the count of people in the
 * cell, or, when the term has numeric variables, the population total of their product in the cell:
 * <pre>
 * stype,E,4421                    a count per category
 * enroll,,3811472                 the total of a numeric variable (blank category)
 * stype:comp.imp,E:Yes,3536       a count per cell of an interaction
 * stype:enroll,E:,1877350         the total of enroll among E
 * </pre>
 * Targets are plain decimal numbers; counts are 0 or more. Every problem names the file, line, column and value.
 *
 * @param terms the terms in the order first met, cells in file order
 * @param numeric the variables read as numbers
 * @param categorical the variables read as categories
 */
record CalibrationTotals(List<CalibrationTerm> terms, List<String> numeric, List<String> categorical) {

  /**
   * Reads the totals of a calibration. Counts that sum to 1 in every term of counts are shares, made counts of the
   * population size; without it they are refused.
   *
   * @param file the margins file
   * @param population the population size of {@code --population}, or null
   */
  static CalibrationTotals read(Path file, @Nullable Double population) {
    ProblemCollector problems = ProblemCollector.of(file.toString(), ReadMode.STRICT);
    try (CsvFile csv = SurveyFiles.open(file, null, CsvOptions.defaults(), problems)) {
      return calibration(parse(csv, population, false), population);
    }
  }

  /**
   * Reads the margins of raking, post-stratification or linear calibration to margins: one categorical variable per
   * row, a target per category; a numeric total or an interaction is refused, naming its line. Targets that sum to
   * 1 in every margin are shares: with a population total they become counts (share x population); without one
   * they stay shares, which scale the weights to the number of respondents weighted. Otherwise the targets are
   * counts, and a population total given must equal their sum.
   *
   * @param file the margins file
   * @param population the population total of {@code --population}, or null
   */
  static List<Margin> readMargins(Path file, @Nullable Double population) {
    ProblemCollector problems = ProblemCollector.of(file.toString(), ReadMode.STRICT);
    try (CsvFile csv = SurveyFiles.open(file, null, CsvOptions.defaults(), problems)) {
      return margins(parse(csv, population, true), population, file.getFileName().toString());
    }
  }

  /** Reads margins from CSV text, as {@link #readMargins(Path, Double)} without a population total. */
  static List<Margin> readMargins(Reader reader, String source) {
    try (CsvFile csv = CsvFile.of(reader, CsvOptions.defaults(), ProblemCollector.of(source, ReadMode.STRICT))) {
      return margins(parse(csv, null, true), null, source);
    }
  }

  /**
   * The rows of a margins file, checked against the grammar.
   *
   * @param source the file, for messages
   * @param headerLine the header's line
   * @param termVariables each term's variables, terms in the order first met
   * @param termTotals each term's totals by cell key, cells in file order
   * @param isNumeric whether each variable is numeric (blank part) or categorical
   */
  private record Parsed(String source, long headerLine, Map<String, List<String>> termVariables,
      Map<String, Map<List<String>, Double>> termTotals, Map<String, Boolean> isNumeric) {}

  /* Reads the rows; for margins (categorical main effects only) a numeric total or an interaction is refused. */
  private static Parsed parse(CsvFile csv, @Nullable Double population, boolean margins) {
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
            "the margins file needs the columns variable,category,target; " + csv.header().whyNot(names[i])));
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
      if (margins && variables.size() > 1) {
        throw new InvalidInputException(new InputProblem(source, line, "variable", term, term + " is an "
            + "interaction, which raking, post-stratification and --method linear cannot weight to: they take one "
            + "categorical variable per row; calibrate to an interaction with --method calibrate"));
      }
      if (margins && category.isEmpty()) {
        throw new InvalidInputException(new InputProblem(source, line, "category", category, "the category of "
            + term + " is blank, which makes the row the population total of a numeric variable: raking, "
            + "post-stratification and --method linear cannot use it; give the category, or calibrate to the "
            + "total with --method calibrate"));
      }
      if (variables.stream().distinct().count() != variables.size()) {
        throw new InvalidInputException(new InputProblem(source, line, "variable", term,
            "term " + term + " names a variable twice"));
      }
      // a one-variable term's category is its code whole (':' included) or blank (numeric)
      String[] parts = variables.size() == 1 ? new String[] {category} : category.split(":", -1);
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
          "the margins file has no targets"));
    }
    return new Parsed(source, headerLine, termVariables, termTotals, isNumeric);
  }

  /* The terms of a calibration: terms of counts that all sum to 1 are shares, counts of --population. */
  private static CalibrationTotals calibration(Parsed parsed, @Nullable Double population) {
    Map<String, List<String>> termVariables = parsed.termVariables();
    Map<String, Boolean> isNumeric = parsed.isNumeric();
    boolean anyCounts = false;
    boolean shares = true;
    for (Map.Entry<String, Map<List<String>, Double>> e : parsed.termTotals().entrySet()) {
      if (isCounts(termVariables.get(e.getKey()), isNumeric)) {
        anyCounts = true;
        shares &= sumsToOne(e.getValue().values());
      }
    }
    if (anyCounts && shares) {
      if (population == null) {
        throw new InvalidInputException(new InputProblem(parsed.source(), parsed.headerLine(), null, null,
            "calibration needs population counts and totals, but the counts of every term sum to 1: give counts, "
                + "or --population N to make these shares counts of N"));
      }
      parsed.termTotals().forEach((term, totals) -> {
        if (isCounts(termVariables.get(term), isNumeric)) {
          totals.replaceAll((cell, share) -> share * population);
        }
      });
    }
    List<CalibrationTerm> terms = new ArrayList<>();
    parsed.termTotals().forEach((term, totals) -> terms.add(CalibrationTerm.of(termVariables.get(term), totals)));
    List<String> numeric = new ArrayList<>();
    List<String> categorical = new ArrayList<>();
    isNumeric.forEach((variable, num) -> (num ? numeric : categorical).add(variable));
    return new CalibrationTotals(terms, numeric, categorical);
  }

  /* The margins of raking: every term a categorical main effect (the parse refused the others). */
  private static List<Margin> margins(Parsed parsed, @Nullable Double population, String fileName) {
    Map<String, Map<List<String>, Double>> byTerm = parsed.termTotals();
    boolean shares = byTerm.values().stream().allMatch(t -> sumsToOne(t.values()));
    List<Margin> margins = new ArrayList<>();
    for (Map.Entry<String, Map<List<String>, Double>> e : byTerm.entrySet()) {
      Map<String, Double> targets = new LinkedHashMap<>();
      e.getValue().forEach((key, target) -> targets.put(key.get(0),
          shares && population != null ? target * population : target));
      margins.add(shares && population == null ? Margin.proportions(e.getKey(), targets)
          : Margin.counts(e.getKey(), targets));
    }
    if (!shares && population != null) {
      double total = margins.get(0).total();
      if (Math.abs(total - population) > 1e-9 * Math.max(1, population)) {
        throw new IllegalArgumentException("--population " + WeightingFiles.number(population) + " differs from "
            + "the total of the counts in " + fileName + " (" + WeightingFiles.number(total) + "); give shares "
            + "with --population, or counts alone");
      }
    }
    return margins;
  }

  private static boolean sumsToOne(Collection<Double> values) {
    return Math.abs(values.stream().mapToDouble(Double::doubleValue).sum() - 1) < 1e-6;
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
