package dev.insight.core.csv;

import dev.insight.core.input.ProblemCollector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The header row of a CSV file, with every column given a unique name: a blank name becomes {@code column_N} (N
 * its 1-based position) and a name given to several columns becomes {@code NAME_1}, {@code NAME_2}, ... in order,
 * each renaming reported as a note. The original name of a repeated column is ambiguous: addressing it is refused
 * with a message listing the new names.
 */
public final class CsvHeader {
  private final List<String> names;
  private final List<String> original;
  private final Map<String, Integer> positions;
  private final Map<String, List<Integer>> ambiguous;
  private List<String> labels;
  private List<String> options;

  private CsvHeader(List<String> names, List<String> original, Map<String, List<Integer>> ambiguous) {
    this.names = List.copyOf(names);
    this.original = List.copyOf(original);
    this.labels = this.names;
    this.options = java.util.Collections.nCopies(this.names.size(), "");
    Map<String, Integer> at = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      at.put(names.get(i), i);
    }
    this.positions = at;
    this.ambiguous = Collections.unmodifiableMap(ambiguous);
  }

  /**
   * A header from the fields of a header row, names stripped of surrounding white space, renaming as the class
   * says and noting each renaming.
   *
   * @param fields the header row's fields
   * @param line the header's line, for the notes
   * @param problems where the notes go
   * @return the header
   */
  static CsvHeader of(List<String> fields, long line, ProblemCollector problems) {
    List<String> stripped = fields.stream().map(String::strip).toList();
    Map<String, List<Integer>> byName = new LinkedHashMap<>();
    for (int i = 0; i < stripped.size(); i++) {
      if (!stripped.get(i).isEmpty()) {
        byName.computeIfAbsent(stripped.get(i), n -> new ArrayList<>()).add(i);
      }
    }
    Set<String> taken = new HashSet<>(stripped);
    List<String> names = new ArrayList<>(stripped);
    Map<String, List<Integer>> ambiguous = new LinkedHashMap<>();
    for (int i = 0; i < stripped.size(); i++) {
      if (stripped.get(i).isEmpty()) {
        String name = unique("column_" + (i + 1), taken);
        names.set(i, name);
        problems.note(line, name, "", "column " + (i + 1) + " has no name in the header; read as " + name);
      }
    }
    byName.forEach((name, at) -> {
      if (at.size() > 1) {
        ambiguous.put(name, List.copyOf(at));
        List<String> renamed = new ArrayList<>();
        for (int k = 0; k < at.size(); k++) {
          String fresh = unique(name + "_" + (k + 1), taken);
          names.set(at.get(k), fresh);
          renamed.add(fresh);
        }
        problems.note(line, name, null, "the header names " + at.size() + " columns " + name + " (columns "
            + positionsText(at) + "); read as " + String.join(", ", renamed));
      }
    });
    return new CsvHeader(names, stripped, ambiguous);
  }

  private static String unique(String wanted, Set<String> taken) {
    String name = wanted;
    for (int n = 2; !taken.add(name); n++) {
      name = wanted + "." + n;
    }
    return name;
  }

  private static String positionsText(List<Integer> at) {
    StringBuilder text = new StringBuilder();
    for (int k = 0; k < at.size(); k++) {
      text.append(k == 0 ? "" : k == at.size() - 1 ? " and " : ", ").append(at.get(k) + 1);
    }
    return text.toString();
  }

  /**
   * The unique column names, in file order.
   *
   * @return the names, after any renaming
   */
  public List<String> names() {
    return names;
  }

  /**
   * The names as the file gives them (stripped of surrounding white space).
   *
   * @return the original names, in file order
   */
  public List<String> originalNames() {
    return original;
  }

  /**
   * The label of each column: the question text a platform's header gives (see {@link ExportLayout}), else the
   * column's name.
   *
   * @return the labels, in file order
   */
  public List<String> labels() {
    return labels;
  }

  /**
   * The option each column stands for, when a platform's header gives one per column (a SurveyMonkey option
   * column, a Qualtrics matrix row), else blank.
   *
   * @return the option texts, in file order
   */
  public List<String> options() {
    return options;
  }

  /** Sets the labels and options of a platform header. */
  CsvHeader withLabels(List<String> questionText, List<String> optionText) {
    this.labels = List.copyOf(questionText);
    this.options = List.copyOf(optionText);
    return this;
  }

  /**
   * The number of columns.
   *
   * @return the header's field count
   */
  public int size() {
    return names.size();
  }

  /**
   * The position of a column by its unique name.
   *
   * @param name a name from {@link #names()}
   * @return its 0-based position, or empty when there is no such column or the name is ambiguous
   */
  public OptionalInt indexOf(String name) {
    Integer at = positions.get(name);
    return at == null ? OptionalInt.empty() : OptionalInt.of(at);
  }

  /**
   * Why a name cannot be used, if it cannot: it is missing, or several columns had it.
   *
   * @param name the name asked for
   * @return the reason, or null when the name is a column's unique name
   */
  public @org.jspecify.annotations.Nullable String whyNot(String name) {
    if (positions.containsKey(name)) {
      return null;
    }
    List<Integer> at = ambiguous.get(name);
    if (at != null) {
      List<String> renamed = at.stream().map(names::get).toList();
      return "ambiguous column: the header names " + at.size() + " columns " + name + " (columns "
          + positionsText(at) + "), read as " + String.join(", ", renamed) + "; give one of those";
    }
    return "missing column; the header has " + names.stream().sorted().toList();
  }

  /**
   * The position of a required column, or -1 after reporting it missing or ambiguous.
   *
   * @param name the name asked for
   * @param line the header's line
   * @param problems where the problem goes
   * @return the 0-based position, or -1
   */
  int require(String name, long line, ProblemCollector problems) {
    Integer at = positions.get(name);
    if (at != null) {
      return at;
    }
    problems.report(line, name, null, whyNot(name));
    return -1;
  }
}
