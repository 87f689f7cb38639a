package dev.insight.spark.fft;

import static com.google.common.base.Preconditions.checkArgument;

import dev.insight.codeframe.interchange.DataColumns;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes synthetic patient comments for one of three rating bands (positive, neutral, negative).
 *
 * <p>Two sources: {@link #builtIn()}, a small set of sentences written for this project; or {@link #learn},
 * word-pair statistics learned at run time from a file of real comments (a CSV with a comment column and a 1-5
 * rating column, such as the published Friends and Family Test training data). A learned model walks from word to
 * word by the observed next-word frequencies within the band, so the comments read like the real ones without
 * repeating them; nothing learned is written into the project.
 *
 * <p>Immutable; serialisable so Spark can ship it to executors.
 */
public final class PhraseModel implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Rating bands. */
  static final int POSITIVE = 0;
  static final int NEUTRAL = 1;
  static final int NEGATIVE = 2;
  private static final int MAX_WORDS = 45;
  private static final String START = "\u0002";
  private static final String END = "\u0003";

  /** Per band, the sentences of the built-in model (empty for a learned one). */
  private final String[][] sentences;
  /** Per band, for each word the words seen next with cumulative counts (empty for the built-in model). */
  private final List<Map<String, Next>> transitions;
  /** Where the phrases come from. */
  private final String source;

  /**
   * The words seen after one word.
   *
   * @param words the next words, in code order
   * @param cumulative their cumulative counts
   */
  private record Next(String[] words, int[] cumulative) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private PhraseModel(String[][] sentences, List<Map<String, Next>> transitions, String source) {
    this.sentences = sentences;
    this.transitions = transitions;
    this.source = source;
  }

  /**
   * The built-in sentences.
   *
   * @return the model
   */
  public static PhraseModel builtIn() {
    String[][] s = {
        {"The staff were kind and caring throughout.", "I was seen quickly and everything was explained clearly.",
            "Excellent care from the nurses on the ward.", "Very friendly and professional staff.",
            "The doctor listened to me and answered all my questions.", "Clean ward and comfortable bed.",
            "I felt safe and well looked after.", "Appointment was on time and the receptionist was helpful.",
            "The food was good and there was always a drink available.", "Thank you to everyone who treated me.",
            "Staff were polite and respectful even though they were very busy.",
            "Parking was easy and the signs were clear.", "Really reassuring, they put me at ease.",
            "Good communication about my treatment and medication."},
        {"It was fine overall.", "Some waiting but the care was ok.", "Nothing special, average experience.",
            "The staff were nice but the wait was long.", "Food could be better.",
            "Hard to find a space in the car park.", "I was not sure what was happening at times.",
            "Ok but the ward was noisy at night."},
        {"I waited over four hours to be seen.", "Nobody told me what was happening.",
            "The receptionist was rude and dismissive.", "My appointment was cancelled twice.",
            "The toilets were dirty.", "Not enough staff on the ward, they were overworked.",
            "The food was cold and there was no choice.", "I could not get through on the phone line.",
            "Pain medication was late and I was left in pain.", "No parking and the bus does not stop nearby.",
            "Staff did not listen to my concerns."}};
    return new PhraseModel(s, List.of(), "built-in sentences");
  }

  /**
   * Learns word-pair statistics from a file of real comments.
   *
   * @param file a CSV with a header
   * @param commentColumn the comment column
   * @param ratingColumn the 1-5 rating column (1 very good .. 5 very poor); other values are skipped
   * @return the model
   * @throws IllegalArgumentException when a band has no comments
   */
  public static PhraseModel learn(Path file, String commentColumn, String ratingColumn) {
    List<List<String>> columns = DataColumns.readColumns(file, List.of(commentColumn, ratingColumn));
    List<Map<String, Map<String, Integer>>> counts = List.of(new HashMap<>(), new HashMap<>(), new HashMap<>());
    int[] used = new int[3];
    for (int i = 0; i < columns.get(0).size(); i++) {
      String comment = columns.get(0).get(i).strip();
      int band = band(columns.get(1).get(i).strip());
      if (band < 0 || comment.isEmpty() || comment.equalsIgnoreCase("did not answer")) {
        continue;
      }
      used[band]++;
      String before = START;
      for (String word : comment.split("\\s+")) {
        counts.get(band).computeIfAbsent(before, k -> new HashMap<>()).merge(word, 1, Integer::sum);
        before = word;
      }
      counts.get(band).computeIfAbsent(before, k -> new HashMap<>()).merge(END, 1, Integer::sum);
    }
    List<Map<String, Next>> transitions = new ArrayList<>();
    for (int b = 0; b < 3; b++) {
      checkArgument(used[b] > 0, "%s: no comments with a rating in band %s", file.getFileName(), b);
      Map<String, Next> table = new HashMap<>();
      counts.get(b).forEach((word, next) -> {
        // sorted so the same file gives the same model whatever the hash order
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(next.entrySet());
        entries.sort(Map.Entry.comparingByKey());
        String[] words = new String[entries.size()];
        int[] cumulative = new int[entries.size()];
        int sum = 0;
        for (int k = 0; k < words.length; k++) {
          words[k] = entries.get(k).getKey();
          sum += entries.get(k).getValue();
          cumulative[k] = sum;
        }
        table.put(word, new Next(words, cumulative));
      });
      transitions.add(table);
    }
    return new PhraseModel(new String[0][], List.copyOf(transitions), String.format(Locale.ROOT,
        "word pairs of %d, %d and %d comments of %s", used[0], used[1], used[2], file.getFileName()));
  }

  private static int band(String rating) {
    return switch (rating) {
      case "1", "2" -> POSITIVE;
      case "3" -> NEUTRAL;
      case "4", "5" -> NEGATIVE;
      default -> -1;
    };
  }

  /**
   * Where the phrases come from.
   *
   * @return a description
   */
  public String source() {
    return source;
  }

  /**
   * A comment for a band.
   *
   * @param band {@link #POSITIVE}, {@link #NEUTRAL} or {@link #NEGATIVE}
   * @param random the source of randomness
   * @return the comment
   */
  String comment(int band, SplittableRandom random) {
    if (transitions.isEmpty()) {
      String[] pool = sentences[band];
      String first = pool[random.nextInt(pool.length)];
      return random.nextInt(3) == 0 ? first + " " + pool[random.nextInt(pool.length)] : first;
    }
    Map<String, Next> table = transitions.get(band);
    StringBuilder text = new StringBuilder();
    String word = START;
    for (int n = 0; n < MAX_WORDS; n++) {
      Next next = table.get(word);
      if (next == null) {
        break;
      }
      int pick = random.nextInt(next.cumulative()[next.cumulative().length - 1]);
      // the first word whose cumulative count exceeds the pick
      int[] cumulative = next.cumulative();
      int low = 0;
      int high = cumulative.length - 1;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (cumulative[mid] <= pick) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      int k = low;
      word = next.words()[k];
      if (word.equals(END)) {
        break;
      }
      if (text.length() > 0) {
        text.append(' ');
      }
      text.append(word);
    }
    return text.toString();
  }
}
