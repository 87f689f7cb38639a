package dev.insight.core.csv;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The option columns of a question whose options are one column each (SurveyMonkey, Google Forms, SmartSurvey,
 * Citizen Space; see {@link ExportLayout}): the columns of each question and each column's option text, and how a
 * cell reads as chosen (1) or not (0).
 */
final class OptionColumns {
  /** Words an option column holds for "chosen" and "not chosen", besides the option's text and blank. */
  private static final Set<String> CHOSEN = Set.of("1", "yes", "true", "selected", "checked", "ticked", "x");
  private static final Set<String> NOT_CHOSEN = Set.of("0", "no", "false", "not selected", "unchecked");
  /** No option columns. */
  static final OptionColumns NONE = new OptionColumns(new int[0][], List.of());

  private final int[][] groups;
  private final String[] texts;

  /**
   * Option columns.
   *
   * @param groups the columns of each question's options
   * @param texts each column's option text ("" for a column that is not an option)
   */
  OptionColumns(int[][] groups, List<String> texts) {
    this.groups = groups;
    this.texts = texts.toArray(new String[0]);
  }

  boolean any() {
    return groups.length > 0;
  }

  /** Reads the option columns of a record: the option's text as 1; blank as 0 when another option was chosen. */
  void translate(String[] fields, int count) {
    for (int[] group : groups) {
      boolean any = false;
      for (int c : group) {
        if (c < count && !fields[c].isBlank()) {
          any = true;
          break;
        }
      }
      if (!any) {
        continue;
      }
      for (int c : group) {
        if (c < count) {
          fields[c] = flag(fields[c], texts[c]);
        }
      }
    }
  }

  /** An option column's cell as 1 or 0 (blank: 0, as another option of the question was chosen); else as written. */
  private static String flag(String cell, String option) {
    String value = cell.strip();
    String lower = value.toLowerCase(Locale.ROOT);
    if (value.isEmpty() || NOT_CHOSEN.contains(lower)) {
      return "0";
    }
    return value.equals(option) || CHOSEN.contains(lower) ? "1" : cell;
  }
}
