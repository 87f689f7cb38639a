package dev.insight.core.codebook;

import dev.insight.core.data.Category;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answer scales recognised from their wording, so their categories are put in their natural order rather than
 * alphabetically: satisfaction, agreement, likelihood, frequency, importance, quality, and 0 to 10 scales whose
 * answers start with their number ({@code "0 - Not at all likely"}). A column is an ordinal scale when every answer
 * is a point of one scale or a "no answer" code ({@code Don't know}, {@code Prefer not to say}, {@code Not
 * applicable}, {@code N/A}, ...), which are kept as missing codes after the scale. Case, curly apostrophes and
 * surrounding white space do not matter.
 */
public final class AnswerScales {
  private AnswerScales() {}

  /** Each scale: its name and its points from low to high, a point's synonyms sharing a rank. */
  private static final Map<String, Map<String, Double>> SCALES = new HashMap<>();
  private static final List<String> MISSING = List.of("don't know", "dont know", "do not know", "not sure",
      "prefer not to say", "prefer not to answer", "rather not say", "not applicable", "n/a", "na",
      "can't say", "cannot say", "no opinion", "unsure");
  private static final Pattern NUMBERED = Pattern.compile("^(10|[0-9])(\\s*[-:.)=]\\s*.*|\\s+\\p{L}.*)?$");

  static {
    scale("satisfaction", new String[][] {
        {"extremely dissatisfied", "completely dissatisfied"}, {"very dissatisfied"},
        {"dissatisfied", "fairly dissatisfied", "quite dissatisfied", "somewhat dissatisfied"},
        {"neither satisfied nor dissatisfied", "neither satisfied or dissatisfied", "neutral"},
        {"satisfied", "fairly satisfied", "quite satisfied", "somewhat satisfied"}, {"very satisfied"},
        {"extremely satisfied", "completely satisfied"}});
    scale("agreement", new String[][] {
        {"strongly disagree"}, {"disagree", "tend to disagree", "somewhat disagree", "slightly disagree"},
        {"neither agree nor disagree", "neither agree or disagree", "neutral"},
        {"agree", "tend to agree", "somewhat agree", "slightly agree"}, {"strongly agree"}});
    scale("likelihood", new String[][] {
        {"extremely unlikely", "not at all likely"}, {"very unlikely"},
        {"unlikely", "fairly unlikely", "somewhat unlikely", "not very likely", "quite unlikely"},
        {"neither likely nor unlikely", "neither likely or unlikely", "neutral"},
        {"likely", "fairly likely", "somewhat likely", "quite likely"}, {"very likely"}, {"extremely likely"}});
    scale("frequency", new String[][] {
        {"never"}, {"rarely", "hardly ever", "seldom"}, {"occasionally"}, {"sometimes"},
        {"often", "frequently", "usually", "most of the time"}, {"very often"}, {"always", "all of the time"}});
    scale("importance", new String[][] {
        {"not at all important"}, {"not very important", "slightly important", "low importance"},
        {"fairly important", "moderately important", "somewhat important", "neutral"}, {"important"},
        {"very important"}, {"extremely important"}});
    scale("quality", new String[][] {
        {"very poor", "terrible"}, {"poor", "bad"}, {"fair", "average", "ok", "okay", "neither good nor poor"},
        {"good"}, {"very good"}, {"excellent"}});
  }

  private static void scale(String name, String[][] points) {
    Map<String, Double> ranks = new HashMap<>();
    for (int rank = 0; rank < points.length; rank++) {
      for (String synonym : points[rank]) {
        ranks.put(synonym, (double) rank);
      }
    }
    SCALES.put(name, ranks);
  }

  /**
   * The answer normalised for look-up: lower case, straight apostrophes, single spaces, no trailing full stop.
   *
   * @param answer the answer as written
   * @return the normalised answer
   */
  static String normalise(String answer) {
    String text = answer.strip().toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'')
        .replaceAll("\\s+", " ");
    while (text.endsWith(".")) {
      text = text.substring(0, text.length() - 1).strip();
    }
    return text;
  }

  /**
   * Whether an answer means "no usable answer" ({@code Don't know}, {@code Prefer not to say}, ...).
   *
   * @param answer the answer as written
   * @return true for a missing code
   */
  public static boolean isMissingCode(String answer) {
    return MISSING.contains(normalise(answer));
  }

  /**
   * The answers in their scale's order, if they all belong to one scale.
   *
   * @param answers the distinct answers of a column (codes as in the data), in any order; at least two scale points
   * @return the categories, scale points from low to high then the missing codes, or empty when the answers are no
   *     single recognised scale
   */
  public static Optional<List<Category>> order(List<String> answers) {
    List<String> points = answers.stream().filter(a -> !isMissingCode(a)).toList();
    List<String> missing = answers.stream().filter(AnswerScales::isMissingCode).toList();
    if (points.size() < 2) {
      return Optional.empty();
    }
    Map<String, Double> ranks = ranks(points);
    if (ranks == null) {
      return Optional.empty();
    }
    List<String> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.comparingDouble(ranks::get));
    List<Category> categories = new ArrayList<>();
    sorted.forEach(p -> categories.add(Category.of(p)));
    missing.forEach(m -> categories.add(Category.missing(m, m)));
    return Optional.of(categories);
  }

  /** The ranks of points that all belong to one scale (numbered 0 to 10, or a named scale), or null. */
  private static @org.jspecify.annotations.Nullable Map<String, Double> ranks(List<String> points) {
    Map<String, Double> rank = numbered(points);
    if (rank != null) {
      return rank;
    }
    for (Map<String, Double> scale : SCALES.values()) {
      Map<String, Double> found = scaled(scale, points);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static @org.jspecify.annotations.Nullable Map<String, Double> scaled(Map<String, Double> scale,
      List<String> points) {
    Map<String, Double> found = new HashMap<>();
    for (String point : points) {
      Double r = scale.get(normalise(point));
      if (r == null) {
        return null;
      }
      found.put(point, r);
    }
    return found.values().stream().distinct().count() == points.size() ? found : null;
  }

  /**
   * The score of each point of a recognised scale, for a mean: a numbered scale's own numbers (0 to 10); a scale
   * with a neutral middle, 1 for the lowest point of the widest symmetric range the answers use to k for its
   * highest ({@code Very dissatisfied} 1 to {@code Very satisfied} 5, or 1 to 7 when {@code Extremely} answers
   * are given), so a point nobody chose still counts; any other scale, its rank from 1 for its lowest point.
   * "No answer" codes get no score.
   *
   * @param answers the distinct answers of a column
   * @return the scores of the scale points, or empty when the answers are no single recognised scale
   */
  public static Optional<Map<String, Double>> scores(List<String> answers) {
    List<String> points = answers.stream().filter(a -> !isMissingCode(a)).toList();
    if (points.size() < 2) {
      return Optional.empty();
    }
    Map<String, Double> numbers = numbered(points);
    if (numbers != null) {
      return Optional.of(numbers);
    }
    for (Map<String, Double> scale : SCALES.values()) {
      Map<String, Double> found = scaled(scale, points);
      if (found == null) {
        continue;
      }
      Double middle = scale.get("neutral");
      double low = 0;
      if (middle != null) {
        double reach = found.values().stream().mapToDouble(r -> Math.abs(r - middle)).max().orElse(0);
        low = middle - reach;
      }
      Map<String, Double> scored = new java.util.LinkedHashMap<>();
      double from = low;
      found.forEach((point, r) -> scored.put(point, r - from + 1));
      return Optional.of(scored);
    }
    return Optional.empty();
  }

  /** Ranks of answers that all start with a distinct number from 0 to 10 and are not all bare numbers. */
  private static @org.jspecify.annotations.Nullable Map<String, Double> numbered(List<String> points) {
    Map<String, Double> ranks = new HashMap<>();
    boolean worded = false;
    for (String point : points) {
      Matcher m = NUMBERED.matcher(point.strip());
      if (!m.matches()) {
        return null;
      }
      worded |= m.group(2) != null;
      ranks.put(point, Double.parseDouble(m.group(1)));
    }
    return worded && ranks.values().stream().distinct().count() == points.size() ? ranks : null;
  }
}
