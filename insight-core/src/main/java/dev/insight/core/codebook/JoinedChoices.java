package dev.insight.core.codebook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The options of a question whose answers are the options chosen joined in one cell ({@code "Workforce, Mental
 * health"}), learnt from the distinct cells of the whole column.
 *
 * <p>A cell is cut at the delimiter into parts. An option whose own label holds the delimiter ({@code "Housing,
 * including homelessness"}) is recognised from the rest of the file: a part that never stands first in a cell
 * and always follows the same part is joined to it when that part is never without it, or when it starts in
 * lower case (the rest of a sentence); the joining is noted, as ambiguous when the part before it is also chosen
 * on its own. A part chosen in only one cell, among answers that are otherwise lists of
 * recurring options, is free text typed into the question's "other" box: it is read as the option {@value #OTHER}
 * and noted. The column is a list of options only when some cell holds the delimiter, every option but
 * {@value #OTHER} recurs, there are fewer options than distinct cells and at most {@code max} of them, and, when
 * some answers hold other text, at most a fifth of the answers do and at least a fifth choose two options or more,
 * so the commas of a comment column never make a list.
 */
final class JoinedChoices {
  /** The option free text typed into an "other" box is read as. */
  static final String OTHER = "Other";

  /** Marks the end of a cell among the parts that follow a part. */
  private static final String END = "\u0000";

  private final String delimiter;
  private final Pattern split;
  /** Part to the part it is joined after. */
  private final Map<String, String> joinedTo = new HashMap<>();
  private final Set<String> options;
  private final List<String> notes = new ArrayList<>();

  private JoinedChoices(String delimiter, Map<String, String> joinedTo, Set<String> options) {
    this.delimiter = delimiter;
    this.split = Pattern.compile(Pattern.quote(delimiter));
    this.joinedTo.putAll(joinedTo);
    this.options = options;
  }

  /**
   * The options of a column of joined choices, or null when the column is not one.
   *
   * @param cells distinct cells (stripped, not blank) and how many respondents gave each
   * @param delimiter what joins the options
   * @param max the most options a question is taken to have
   * @return the options learnt, or null
   */
  static @Nullable JoinedChoices of(Map<String, Integer> cells, String delimiter, int max) {
    Pattern split = Pattern.compile(Pattern.quote(delimiter));
    boolean joined = false;
    // for each part: whether it ever stands first or alone, and the parts seen right before it
    Set<String> first = new HashSet<>();
    Map<String, Set<String>> before = new HashMap<>();
    Map<String, Set<String>> after = new HashMap<>();
    for (String cell : cells.keySet()) {
      String[] parts = parts(split, cell);
      joined |= parts.length > 1;
      for (int i = 0; i < parts.length; i++) {
        if (i == 0) {
          first.add(parts[i]);
        } else {
          before.computeIfAbsent(parts[i], k -> new LinkedHashSet<>()).add(parts[i - 1]);
        }
        after.computeIfAbsent(parts[i], k -> new LinkedHashSet<>()).add(i + 1 < parts.length ? parts[i + 1] : END);
      }
    }
    if (!joined) {
      return null;
    }
    Map<String, String> joinedTo = new LinkedHashMap<>();
    before.forEach((part, previous) -> {
      if (!first.contains(part) && previous.size() == 1 && !part.isEmpty()) {
        // joined when what comes before is never without it, or when it reads as the rest of a sentence
        String head = previous.iterator().next();
        if (after.get(head).size() == 1 || Character.isLowerCase(part.codePointAt(0))) {
          joinedTo.put(part, head);
        }
      }
    });
    JoinedChoices draft = new JoinedChoices(delimiter, joinedTo, Set.of());
    Map<String, Integer> uses = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> e : cells.entrySet()) {
      for (String option : new LinkedHashSet<>(draft.segments(e.getKey()))) {
        uses.merge(option, e.getValue(), Integer::sum);
      }
    }
    Set<String> recurring = new LinkedHashSet<>();
    Set<String> rare = new LinkedHashSet<>();
    uses.forEach((option, n) -> (n >= 2 ? recurring : rare).add(option));
    long answers = cells.values().stream().mapToLong(Integer::longValue).sum();
    long withOther = 0;
    long lists = 0;
    for (Map.Entry<String, Integer> e : cells.entrySet()) {
      List<String> segments = draft.segments(e.getKey());
      if (segments.stream().anyMatch(rare::contains)) {
        withOther += e.getValue();
      }
      if (segments.stream().filter(recurring::contains).distinct().count() >= 2) {
        lists += e.getValue();
      }
    }
    int count = recurring.size() + (rare.isEmpty() || recurring.contains(OTHER) ? 0 : 1);
    if (recurring.size() < 2 || count >= cells.size() || count > max) {
      return null;
    }
    // other text is allowed only among answers that are mostly lists: a fifth at most, and a fifth of the answers
    // choosing two options or more, so sentences with commas in a comment column are never taken for options
    if (!rare.isEmpty() && (withOther * 5 > answers || lists * 5 < answers)) {
      return null;
    }
    Set<String> options = new LinkedHashSet<>(recurring);
    if (!rare.isEmpty()) {
      options.add(OTHER);
    }
    JoinedChoices choices = new JoinedChoices(delimiter, joinedTo, options);
    joinedTo.forEach((part, previous) -> {
      java.util.Optional<String> found = options.stream().filter(o -> o.endsWith(part) && o.length() > part.length()
          && parts(split, o).length > 1).findFirst();
      if (found.isPresent()) {
        String option = found.get();
        boolean alone = recurring.contains(previous);
        choices.notes.add("read \"" + option + "\" as one option: \"" + part + "\" never starts a cell "
            + "and always follows \"" + previous + "\"" + (alone ? " (ambiguous: \"" + previous + "\" is also "
            + "chosen without it; give the options in a codebook to be sure)" : ""));
      }
    });
    if (!rare.isEmpty()) {
      List<String> shown = rare.stream().limit(5).map(r -> "\"" + r + "\"").toList();
      choices.notes.add(withOther + (withOther == 1 ? " answer holds" : " answers hold") + " text chosen by no other "
          + "respondent (" + String.join(", ", shown) + (rare.size() > 5 ? ", ..." : "") + "), read as the option "
          + OTHER);
    }
    return choices;
  }

  private static String[] parts(Pattern split, String cell) {
    String[] parts = split.split(cell, -1);
    for (int i = 0; i < parts.length; i++) {
      parts[i] = parts[i].strip();
    }
    return parts;
  }

  /** A cell's options, parts joined back where the file shows they belong together. */
  private List<String> segments(String cell) {
    String[] raw = split.split(cell, -1);
    List<String> segments = new ArrayList<>();
    String last = null;
    for (String rawPart : raw) {
      String part = rawPart.strip();
      if (part.isEmpty()) {
        continue;
      }
      String previous = joinedTo.get(part);
      if (previous != null && previous.equals(last)) {
        // joined as written, so the option keeps its own spacing ("Housing, including homelessness")
        segments.set(segments.size() - 1, (segments.get(segments.size() - 1) + delimiter + rawPart).strip());
      } else {
        segments.add(part);
      }
      last = part;
    }
    return segments;
  }

  /**
   * The options, in the order first met.
   *
   * @return the options, {@value #OTHER} last when other text was found
   */
  List<String> options() {
    return List.copyOf(options);
  }

  /**
   * The options a cell holds: its segments, text chosen by no other respondent as {@value #OTHER}.
   *
   * @param cell a cell of the column
   * @return the options chosen, each once
   */
  Set<String> chosen(String cell) {
    Set<String> chosen = new LinkedHashSet<>();
    for (String segment : segments(cell)) {
      chosen.add(options.contains(segment) ? segment : OTHER);
    }
    return chosen;
  }

  /**
   * What was decided that a person should know: options joined across the delimiter, other text.
   *
   * @return the notes, possibly empty
   */
  List<String> notes() {
    return List.copyOf(notes);
  }
}
