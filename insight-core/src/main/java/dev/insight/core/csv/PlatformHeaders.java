package dev.insight.core.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one-row headers of Google Forms, SmartSurvey and Citizen Space exports (see {@link ExportLayout}): detection
 * from the header, and the short names, labels, option texts, option groups and personal-data columns they give.
 */
final class PlatformHeaders {
  private PlatformHeaders() {}

  /** "Timestamp" as Google Forms heads its first column in the languages its users most often download in. */
  private static final Set<String> TIMESTAMPS = Set.of("Timestamp", "Marca temporal", "Horodateur", "Zeitstempel",
      "Informazioni cronologiche", "Carimbo de data/hora", "Tijdstempel");
  /** Names of respondent id columns, which a Google Forms download never has. */
  private static final Set<String> IDS = Set.of("id", "respondent id", "respondent_id", "respondentid",
      "response id", "response_id", "responseid");
  /** SmartSurvey's leading columns, before the questions. */
  private static final Set<String> SMARTSURVEY_FIXED = Set.of("userid", "user id", "name", "email", "ip address",
      "unique id", "started", "ended", "tracking link", "custom value", "status", "time taken");
  /** Citizen Space's leading columns, before the questions. */
  private static final Set<String> CITIZEN_SPACE_FIXED = Set.of("response id", "submitted on", "response type",
      "response status", "started on", "respondent id");
  /** A Google Forms grid row: {@code Question [Row]}. */
  private static final Pattern GRID = Pattern.compile("^(.*\\S)\\s*\\[([^\\[\\]]+)]$");
  /** The question number SmartSurvey puts before the question text: {@code 3. }. */
  private static final Pattern NUMBERED = Pattern.compile("^\\d{1,4}\\.\\s+(.*)$");
  /** The separator between a question's text and an option's in a one-row header. */
  private static final Pattern OPTION = Pattern.compile("^(.*\\S)\\s*(?::\\s*|\\s-\\s+)(\\S.*)$");

  /** What a platform's header gives: names, labels and option texts per column, option groups, personal columns. */
  record Read(ExportLayout layout, List<String> names, List<String> labels, List<String> options,
      int[][] optionGroups, List<String> personal, String note) {}

  /**
   * The layout a one-row header shows, or null when it shows none of these three.
   *
   * @param first the header's fields
   * @return Google Forms, SmartSurvey, Citizen Space or null
   */
  static @Nullable ExportLayout detect(List<String> first) {
    if (first.isEmpty()) {
      return null;
    }
    List<String> lower = first.stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
    if (TIMESTAMPS.contains(first.get(0).strip()) && lower.stream().noneMatch(IDS::contains)) {
      return ExportLayout.GOOGLE_FORMS;
    }
    if (lower.contains("started") && lower.contains("ended") && (lower.contains("userid")
        || lower.contains("user id")) && lower.contains("unique id")) {
      return ExportLayout.SMARTSURVEY;
    }
    if (lower.get(0).equals("response id") && lower.contains("submitted on")) {
      return ExportLayout.CITIZEN_SPACE;
    }
    return null;
  }

  /**
   * Reads a header in the layout given.
   *
   * @param layout Google Forms, SmartSurvey or Citizen Space
   * @param first the header's fields
   * @return names, labels, options and groups
   */
  static Read read(ExportLayout layout, List<String> first) {
    Set<String> fixed = switch (layout) {
      case GOOGLE_FORMS -> Set.of("email address", "score");
      case SMARTSURVEY -> SMARTSURVEY_FIXED;
      case CITIZEN_SPACE -> CITIZEN_SPACE_FIXED;
      default -> throw new IllegalArgumentException("not a one-row platform layout: " + layout);
    };
    List<String> names = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<String> options = new ArrayList<>();
    List<String> personal = new ArrayList<>();
    List<int[]> groups = new ArrayList<>();
    int question = 0;
    int i = 0;
    while (i < first.size()) {
      String text = first.get(i).strip();
      String lower = text.toLowerCase(Locale.ROOT);
      boolean leading = question == 0 && (i == 0 && layout == ExportLayout.GOOGLE_FORMS || fixed.contains(lower));
      if (leading) {
        String name = lower.replaceAll("[^\\p{L}\\p{N}]+", "_").replaceAll("^_|_$", "");
        names.add(layout == ExportLayout.GOOGLE_FORMS && i == 0 ? "timestamp" : name);
        labels.add(text);
        options.add("");
        if (Set.of("email", "email address", "name", "ip address").contains(lower)) {
          personal.add(names.get(names.size() - 1));
        }
        i++;
        continue;
      }
      String question0 = layout == ExportLayout.SMARTSURVEY ? unnumbered(text) : text;
      question++;
      // a grid (Google Forms) or an option group: the columns after this one sharing its question text
      Matcher grid = layout == ExportLayout.GOOGLE_FORMS ? GRID.matcher(question0) : null;
      if (grid != null && grid.matches()) {
        String stem = grid.group(1);
        int row = 0;
        while (i < first.size() && GRID.matcher(first.get(i).strip()).matches()
            && stemOf(GRID, first.get(i).strip()).equals(stem)) {
          names.add("q" + question + "_" + (++row));
          labels.add(first.get(i).strip());
          options.add("");
          i++;
        }
        continue;
      }
      Matcher option = layout == ExportLayout.GOOGLE_FORMS ? null : OPTION.matcher(question0);
      int end = i + 1;
      if (option != null && option.matches()) {
        String stem = option.group(1);
        while (end < first.size() && stem.equals(stemOf(OPTION, layout == ExportLayout.SMARTSURVEY
            ? unnumbered(first.get(end).strip()) : first.get(end).strip()))) {
          end++;
        }
      }
      if (end - i >= 2) {
        String stem = option.group(1);
        List<Integer> group = new ArrayList<>();
        int n = 0;
        for (int c = i; c < end; c++) {
          String cell = layout == ExportLayout.SMARTSURVEY ? unnumbered(first.get(c).strip()) : first.get(c).strip();
          Matcher m = OPTION.matcher(cell);
          String optionText = m.matches() ? m.group(2) : cell;
          labels.add(stem);
          options.add(optionText);
          if (optionText.toLowerCase(Locale.ROOT).startsWith("other (please specify)")) {
            names.add("q" + question + "_other");
          } else {
            names.add("q" + question + "_" + (++n));
            group.add(c);
          }
        }
        groups.add(group.stream().mapToInt(Integer::intValue).toArray());
        i = end;
        continue;
      }
      names.add("q" + question);
      labels.add(question0);
      options.add("");
      i++;
    }
    String platform = switch (layout) {
      case GOOGLE_FORMS -> "a Google Forms export: the first column is the time stamp and there is no respondent "
          + "id column";
      case SMARTSURVEY -> "a SmartSurvey export: question numbers are dropped from the labels";
      default -> "a Citizen Space export";
    };
    String note = platform + "; columns named q1, q2, ... (options q2_1, q2_2, ..., grid rows q5_1, q5_2, ...), "
        + "labelled with the question text" + (personal.isEmpty() ? "" : "; " + listed(personal)
        + (personal.size() == 1 ? " holds" : " hold") + " personal data, left out of the codebook (name it in a "
        + "command, or give describe --personal, to use it)");
    return new Read(layout, names, labels, options, groups.toArray(new int[0][]), personal, note);
  }

  private static String listed(List<String> names) {
    return names.size() == 1 ? names.get(0) : String.join(", ", names.subList(0, names.size() - 1)) + " and "
        + names.get(names.size() - 1);
  }

  private static String stemOf(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.matches() ? m.group(1) : "\u0000";
  }

  private static String unnumbered(String text) {
    Matcher m = NUMBERED.matcher(text);
    return m.matches() ? m.group(1) : text;
  }

}
