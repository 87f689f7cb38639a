package dev.insight.core.codebook;

import dev.insight.core.csv.CsvFile;
import dev.insight.core.csv.DecimalNumber;
import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Category;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.MultiResponseVariable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Infers a {@link SurveyCodebook} from a CSV export in one pass, keeping at most {@value #DISTINCT} distinct values
 * per column, so memory stays bounded however many respondents there are.
 *
 * <p>Rules, in order: the id column is the one named; 0/1 columns sharing a prefix ({@code pri_a},
 * {@code pri_b}; the prefix ends at a {@code _}, {@code .}, {@code :} or {@code " - "}, the shortest shared by
 * another 0/1 column) are one multiple-response variable; a
 * column of numbers is numeric; a column of dates ({@code 2024-03-01}, {@code 01/03/2024}, either with a time) is a
 * date; a column whose answers are the points of a recognised scale ({@link AnswerScales}) is ordinal, in the
 * scale's order; a column whose cells are lists of recurring options joined by {@code ;} or {@code ,} is a
 * multiple-response variable in one cell (never a list of combinations; options whose labels hold the delimiter
 * and free "other" text as {@link JoinedChoices} says, each decision noted); a column of at most {@value #CATEGORIES}
 * distinct answers, each used on average at least twice, is single choice (categories sorted, numbers numerically,
 * "no answer" codes last and marked missing); anything else is text.
 */
public final class CodebookInference {
  /** Distinct values kept per column. */
  static final int DISTINCT = 1000;
  /** The most categories a single-choice or multiple-response variable is inferred to have. */
  static final int CATEGORIES = 60;
  private static final Pattern DATE = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}([ T]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?"
          + "|\\d{1,2}/\\d{1,2}/\\d{4}( \\d{1,2}:\\d{2}(:\\d{2})?( ?[AaPp][Mm])?)?");
  private static final Pattern SEPARATOR = Pattern.compile("_|\\.|:| - ");

  private CodebookInference() {}

  /** What one pass learns of a column. */
  private static final class Column {
    final String name;
    String label;
    String option = "";
    long answered;
    boolean numbers = true;
    boolean binary = true;
    boolean dates = true;
    boolean overflow;
    final Map<String, Integer> distinct = new LinkedHashMap<>();

    Column(String name) {
      this.name = name;
      this.label = name;
    }

    void add(String raw) {
      String value = raw.strip();
      if (value.isEmpty()) {
        return;
      }
      answered++;
      if (numbers && Double.isNaN(DecimalNumber.parse(value))) {
        numbers = false;
      }
      if (binary && !value.equals("0") && !value.equals("1")) {
        binary = false;
      }
      if (dates && !DATE.matcher(value).matches()) {
        dates = false;
      }
      if (!overflow) {
        distinct.merge(value, 1, Integer::sum);
        if (distinct.size() > DISTINCT) {
          overflow = true;
          distinct.clear();
        }
      }
    }
  }

  /**
   * What a CSV file holds: its codebook and how many respondents (records after the header).
   *
   * @param codebook the inferred codebook, variables in file order
   * @param respondents the number of records after the header
   */
  public record Description(SurveyCodebook codebook, long respondents) {}

  /**
   * Infers the codebook of a CSV file, reading it to the end. Rows whose field count differs from the header's,
   * and blank or repeated ids, are reported to the file's problem collector (and still counted and described).
   *
   * @param csv the file, positioned after its header
   * @param idColumn the respondent id column, or null when there is none
   * @return the codebook and the number of respondents
   */
  public static Description infer(CsvFile csv, @Nullable String idColumn) {
    return infer(csv, idColumn, false);
  }

  /**
   * Infers the codebook of a CSV file, as {@link #infer(CsvFile, String)}, keeping or leaving out the columns its
   * layout marks as personal data ({@link CsvFile#personalColumns()}).
   *
   * @param csv the file, positioned after its header
   * @param idColumn the respondent id column, or null when there is none
   * @param withPersonal whether the personal-data columns become variables
   * @return the codebook and the number of respondents
   */
  public static Description infer(CsvFile csv, @Nullable String idColumn, boolean withPersonal) {
    Description all = inferAll(csv, idColumn);
    if (withPersonal || csv.personalColumns().isEmpty()) {
      return all;
    }
    Set<String> personal = new HashSet<>(csv.personalColumns());
    return new Description(new SurveyCodebook(all.codebook().variables().stream()
        .filter(v -> v.columns().stream().noneMatch(personal::contains)).toList()), all.respondents());
  }

  private static Description inferAll(CsvFile csv, @Nullable String idColumn) {
    List<String> names = csv.header().names();
    Column[] columns = new Column[names.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = new Column(names.get(i));
      columns[i].label = csv.header().labels().get(i);
      columns[i].option = csv.header().options().get(i);
    }
    int idAt = idColumn == null ? -1 : names.indexOf(idColumn);
    Map<String, Long> ids = new HashMap<>();
    long respondents = 0;
    while (csv.next()) {
      respondents++;
      long line = csv.line();
      if (csv.fieldCount() != columns.length) {
        csv.problems().report(line, null, null, "expected " + columns.length + " fields as in the header but found "
            + csv.fieldCount());
      }
      int n = Math.min(csv.fieldCount(), columns.length);
      for (int i = 0; i < n; i++) {
        columns[i].add(csv.field(i));
      }
      if (idAt >= 0 && idAt < csv.fieldCount()) {
        String id = csv.field(idAt).strip();
        Long first = id.isEmpty() ? null : ids.putIfAbsent(id, line);
        if (id.isEmpty()) {
          csv.problems().report(line, idColumn, id, "respondent id is blank");
        } else if (first != null) {
          csv.problems().report(line, idColumn, id, "duplicate respondent id, first seen on line " + first);
        }
      }
    }
    long line = csv.headerLine();
    return new Description(infer(java.util.Arrays.asList(columns), idColumn,
        note -> csv.problems().note(line, null, null, note)), respondents);
  }

  private static SurveyCodebook infer(List<Column> columns, @Nullable String idColumn, Consumer<String> notes) {
    // multiple-response groups: 0/1 columns sharing a prefix, each column taking the shortest prefix (ending at a
    // separator) that another 0/1 column shares, so pri_mental_health joins pri_workforce under pri
    Map<String, Integer> shared = new HashMap<>();
    for (Column c : columns) {
      if (binary(c, idColumn)) {
        prefixes(c.name).forEach(p -> shared.merge(p, 1, Integer::sum));
      }
    }
    Map<String, List<Column>> groups = new LinkedHashMap<>();
    for (Column c : columns) {
      if (binary(c, idColumn)) {
        prefixes(c.name).stream().filter(p -> shared.get(p) >= 2).findFirst()
            .ifPresent(p -> groups.computeIfAbsent(p, k -> new ArrayList<>()).add(c));
      }
    }
    groups.values().removeIf(g -> g.size() < 2);
    Map<Column, String> groupOf = new LinkedHashMap<>();
    groups.forEach((prefix, g) -> g.forEach(c -> groupOf.put(c, prefix)));
    Set<String> taken = new HashSet<>();
    columns.forEach(c -> taken.add(c.name));
    List<CodebookVariable> variables = new ArrayList<>();
    Set<String> emitted = new HashSet<>();
    for (Column c : columns) {
      String prefix = groupOf.get(c);
      if (prefix != null) {
        if (emitted.add(prefix)) {
          List<Column> g = groups.get(prefix);
          String name = taken.contains(prefix) ? prefix + "_options" : prefix;
          List<Category> options = g.stream().map(o -> Category.of(o.name, o.option.isEmpty()
              ? option(o.name, prefix) : o.option)).toList();
          String label = g.get(0).label.equals(g.get(0).name) ? prefix : g.get(0).label;
          variables.add(new CodebookVariable(name, label, VariableType.MULTIPLE, options,
              g.stream().map(o -> o.name).toList(), null));
        }
        continue;
      }
      variables.add(variable(c, idColumn, notes));
    }
    return new SurveyCodebook(variables);
  }

  /**
   * A dataset read with categories taken from the data, with what the codebook rules find in those categories
   * applied: a single-choice variable whose answers are a recognised scale gets them in the scale's order (its
   * "no answer" codes last, marked missing), and one whose answers are delimited lists of recurring options
   * becomes a multiple-response variable with those options. Variables named in {@code keep} (their categories
   * given by the analyst) are left as they are.
   *
   * @param data the dataset
   * @param keep names of variables to leave alone
   * @return the refined dataset (the same when nothing changes)
   */
  public static Dataset refine(Dataset data, Set<String> keep) {
    return refine(data, keep, note -> { });
  }

  /**
   * A dataset refined as {@link #refine(Dataset, Set)} does, telling what was decided on the way (an option whose
   * label holds the delimiter, free text read as the option "Other").
   *
   * @param data the dataset
   * @param keep names of variables to leave alone
   * @param notes where each decision is told, prefixed with the variable's name
   * @return the refined dataset (the same when nothing changes)
   */
  public static Dataset refine(Dataset data, Set<String> keep, Consumer<String> notes) {
    Dataset refined = data;
    for (String name : data.variableNames()) {
      if (keep.contains(name) || !(data.variable(name) instanceof CategoricalVariable v)) {
        continue;
      }
      List<String> codes = v.categories().stream().map(Category::code).toList();
      if (codes.stream().allMatch(c -> !Double.isNaN(DecimalNumber.parse(c)))) {
        continue;
      }
      Optional<List<Category>> scale = AnswerScales.order(codes);
      if (scale.isPresent()) {
        refined = refined.with(reordered(v, scale.get()));
        continue;
      }
      Column column = new Column(name);
      int[] counts = v.counts();
      for (int i = 0; i < codes.size(); i++) {
        column.distinct.put(codes.get(i), counts[i]);
        column.answered += counts[i];
      }
      for (String delimiter : List.of(";", ",")) {
        JoinedChoices options = JoinedChoices.of(column.distinct, delimiter, CATEGORIES);
        if (options != null) {
          options.notes().forEach(n -> notes.accept(name + ": " + n));
          refined = refined.with(split(v, options, categories(options.options())));
          break;
        }
      }
    }
    return refined;
  }

  private static CategoricalVariable reordered(CategoricalVariable v, List<Category> order) {
    Map<String, Integer> at = new LinkedHashMap<>();
    for (int i = 0; i < order.size(); i++) {
      at.put(order.get(i).code(), i);
    }
    int[] remap = new int[v.categories().size()];
    for (int i = 0; i < remap.length; i++) {
      remap[i] = at.get(v.categories().get(i).code());
    }
    int[] indices = new int[v.size()];
    for (int row = 0; row < indices.length; row++) {
      int index = v.categoryIndex(row);
      indices[row] = index < 0 ? index : remap[index];
    }
    return CategoricalVariable.of(v.name(), v.label(), order, indices);
  }

  private static MultiResponseVariable split(CategoricalVariable v, JoinedChoices choices, List<Category> options) {
    Map<String, Integer> at = new LinkedHashMap<>();
    for (int i = 0; i < options.size(); i++) {
      at.put(options.get(i).code(), i);
    }
    boolean[][] byCategory = new boolean[v.categories().size()][];
    for (int c = 0; c < byCategory.length; c++) {
      byCategory[c] = new boolean[options.size()];
      for (String part : choices.chosen(v.categories().get(c).code())) {
        Integer i = at.get(part);
        if (i != null) {
          byCategory[c][i] = true;
        }
      }
    }
    MultiResponseVariable.Builder builder = MultiResponseVariable.builder(v.name(), v.label(), options);
    for (int row = 0; row < v.size(); row++) {
      int index = v.categoryIndex(row);
      if (index < 0) {
        builder.addMissing();
      } else {
        builder.add(byCategory[index]);
      }
    }
    return builder.build();
  }

  private static boolean binary(Column c, @Nullable String idColumn) {
    return c.binary && c.answered > 0 && !c.name.equals(idColumn);
  }

  /** The prefixes of a column name ending before a separator, shortest first. */
  private static List<String> prefixes(String name) {
    List<String> found = new ArrayList<>();
    Matcher m = SEPARATOR.matcher(name);
    while (m.find()) {
      if (m.start() > 0 && m.end() < name.length()) {
        found.add(name.substring(0, m.start()));
      }
    }
    return found;
  }

  private static String option(String column, String prefix) {
    String rest = column.substring(prefix.length());
    return rest.replaceFirst("^(_|\\.|:| - )", "").strip();
  }

  private static CodebookVariable variable(Column c, @Nullable String idColumn, Consumer<String> notes) {
    List<String> one = List.of(c.name);
    if (c.name.equals(idColumn)) {
      return new CodebookVariable(c.name, c.label, VariableType.ID, List.of(), one, null);
    }
    if (c.answered == 0) {
      return new CodebookVariable(c.name, c.label, VariableType.TEXT, List.of(), one, null);
    }
    if (c.numbers) {
      suspectCodes(c).ifPresent(n -> notes.accept(c.name + ": " + n));
      return new CodebookVariable(c.name, c.label, VariableType.NUMERIC, List.of(), one, null);
    }
    if (c.dates) {
      return new CodebookVariable(c.name, c.label, VariableType.DATE, List.of(), one, null);
    }
    if (c.overflow) {
      return new CodebookVariable(c.name, c.label, VariableType.TEXT, List.of(), one, null);
    }
    List<String> answers = new ArrayList<>(c.distinct.keySet());
    Optional<List<Category>> scale = AnswerScales.order(answers);
    if (scale.isPresent()) {
      noteMissing(c, scale.get(), notes);
      return new CodebookVariable(c.name, c.label, VariableType.ORDINAL, scale.get(), one, null);
    }
    for (String delimiter : List.of(";", ",")) {
      JoinedChoices options = JoinedChoices.of(c.distinct, delimiter, CATEGORIES);
      if (options != null) {
        options.notes().forEach(n -> notes.accept(c.name + ": " + n));
        return new CodebookVariable(c.name, c.label, VariableType.MULTIPLE, categories(options.options()), one,
            delimiter);
      }
    }
    if (answers.size() <= CATEGORIES && answers.size() * 2 <= c.answered) {
      List<Category> categories = categories(answers);
      noteMissing(c, categories, notes);
      return new CodebookVariable(c.name, c.label, VariableType.SINGLE, categories, one, null);
    }
    return new CodebookVariable(c.name, c.label, VariableType.TEXT, List.of(), one, null);
  }

  /** Codes people use for "no answer" in a numeric question, when they stand apart from the other values. */
  private static final List<Double> CONVENTIONS = List.of(-1.0, -9.0, -99.0, 9.0, 97.0, 98.0, 99.0, 999.0, 9999.0);

  /**
   * A note when a numeric column holds a value written as missing codes often are (99, 999, -1, ...) apart from
   * the rest (above twice the next largest value, or negative among values that are not): insight counts it as a
   * number, never guessing, and says how to declare it.
   */
  private static Optional<String> suspectCodes(Column c) {
    if (c.overflow || c.distinct.size() < 3) {
      return Optional.empty();
    }
    List<Double> values = c.distinct.keySet().stream().map(DecimalNumber::parse).sorted().toList();
    List<String> found = new ArrayList<>();
    for (Map.Entry<String, Integer> e : c.distinct.entrySet()) {
      double v = DecimalNumber.parse(e.getKey());
      if (!CONVENTIONS.contains(v)) {
        continue;
      }
      double others = values.stream().filter(x -> x != v).mapToDouble(Double::doubleValue).max().orElse(v);
      double lowest = values.stream().filter(x -> x != v).mapToDouble(Double::doubleValue).min().orElse(v);
      if (v > 0 && v > 2 * others && others > 0 || v < 0 && lowest >= 0) {
        found.add(e.getKey() + " (" + e.getValue() + " answer" + (e.getValue() == 1 ? "" : "s") + ")");
      }
    }
    if (found.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("the value" + (found.size() == 1 ? " " : "s ") + String.join(", ", found) + " stand"
        + (found.size() == 1 ? "s" : "") + " apart from the others, as missing codes such as 99 \"Don't know\" do; "
        + "it is counted as a number: if it means no answer, declare it in a codebook (--codebook with the CSV "
        + "header variable,code,label,missing and a row such as " + c.name + ","
        + found.get(0).substring(0, found.get(0).indexOf(' ')) + ",Don't know,yes)");
  }

  /** A note for each answer read as a missing code because of its wording, never silently. */
  private static void noteMissing(Column c, List<Category> categories, Consumer<String> notes) {
    List<String> missing = categories.stream().filter(Category::missing).map(Category::code).toList();
    if (!missing.isEmpty()) {
      notes.accept(c.name + ": " + missing.stream().map(m -> "\"" + m + "\"").collect(
          java.util.stream.Collectors.joining(", ")) + " read as a missing code (no usable answer: left out of "
          + "bases, boxes and means) from its wording; a codebook can say otherwise");
    }
  }

  /** Categories sorted (numbers numerically), "no answer" codes last and marked missing. */
  private static List<Category> categories(List<String> answers) {
    List<String> sorted = new ArrayList<>(answers);
    sorted.sort(Comparator.comparing(AnswerScales::isMissingCode).thenComparing(CodebookInference::compareNatural));
    return sorted.stream().map(a -> AnswerScales.isMissingCode(a) ? Category.missing(a, a) : Category.of(a))
        .toList();
  }

  private static int compareNatural(String a, String b) {
    double x = DecimalNumber.parse(a);
    double y = DecimalNumber.parse(b);
    if (!Double.isNaN(x) && !Double.isNaN(y)) {
      return Double.compare(x, y);
    }
    return a.compareTo(b);
  }
}
