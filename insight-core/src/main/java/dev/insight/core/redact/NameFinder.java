package dev.insight.core.redact;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the names of known people in text, in time linear in the text.
 *
 * <p>Implementation note: the text is cut once into words (runs of letters, digits and combining marks) and each
 * name into the same kind of words, folded to lower case in NFC. A name is looked up by its first word in a hash
 * map and then compared word by word, with the text between words required to match the name's (any run of white
 * space for a space, a hyphen for a hyphen, either apostrophe for an apostrophe). Work per word of text is bounded
 * by the names that start with that word, never by the text: the regular expressions this replaces were tried at
 * every word with the word's joined parts cut at each break in turn, which was cubic on a long hyphenated run.
 *
 * <p>Full names match in any case and spacing. A part of a name (a word of two letters or more that is not a title
 * or particle, or a hyphenated or apostrophised word) matches written with its capitals, in capitals, or in lower
 * case, except that a lower-case word that is also a common English word ("will", "hope", "green") is kept, since
 * there it is almost always the word. The last word also matches in the possessive plural ({@code Kowalczyks'}):
 * the name is redacted and the {@code s'} kept; the singular possessive ({@code SARAH'S}) needs nothing special,
 * the {@code 'S} being a word of its own.
 */
final class NameFinder {
  private static final Set<String> TITLES = Set.of("dr", "mr", "mrs", "ms", "mx", "miss", "prof", "sir", "rev",
      "de", "da", "di", "du", "del", "van", "von", "der", "den", "la", "le", "el", "al", "bin", "ibn", "st");
  /** Given names and surnames that are also common English words: kept when written in lower case. */
  private static final Set<String> COMMON_WORDS = Set.copyOf(List.of(
      "will", "hope", "may", "june", "april", "august", "grace", "faith", "joy", "rose", "lily", "ivy", "holly",
      "daisy", "dawn", "summer", "autumn", "mark", "bill", "pat", "sue", "frank", "jack", "rich", "art", "guy",
      "dean", "don", "ray", "rob", "chase", "hunter", "bob", "penny", "ruby", "amber", "crystal", "pearl", "sky",
      "river", "brook", "stone", "wood", "woods", "young", "green", "brown", "white", "black", "gray", "grey",
      "king", "love", "hill", "bell", "page", "price", "long", "little", "case", "hall", "moss", "ward", "rice",
      "cook", "baker", "smith", "mason", "carter", "cooper", "turner", "walker", "butler", "fisher", "miller",
      "porter", "parker", "archer", "shepherd", "marsh", "lane", "field", "fields", "wells", "bush", "lamb",
      "fox", "wolf", "bird", "swan", "crane", "nash", "bond", "best", "good", "gold", "silver", "sharp", "short",
      "strong", "small", "rose", "north", "south", "east", "west", "booth", "bank", "banks", "church", "street",
      "house", "castle", "lake", "pool", "ford", "bridge", "grant", "major", "noble", "earl", "duke", "prince",
      "bishop", "dean", "knight", "page", "sterling", "hardy", "jolly", "merry", "sunny", "honey", "sugar",
      "star", "storm", "rain", "snow", "winter", "spring", "day", "night", "am", "an", "in", "is", "it", "me",
      "my", "no", "of", "on", "or", "so", "to", "up", "us", "we", "he", "hi", "ho", "ok", "oh", "as", "at", "be",
      "by", "do", "go", "if", "la", "ma", "pa", "yo", "ye", "ah", "eh"));

  /** A name or part of one: its words folded, and the normalised text between them. */
  private record Name(String[] words, String[] gaps, boolean part) {}

  private static final int FILTER_MASK = (1 << 12) - 1;

  private final Map<String, List<Name>> byFirstWord = new HashMap<>();
  /**
   * A filter over the first words' hash codes: a word of plain ASCII whose lower-case hash is not in here starts no
   * name, so it is passed over without being copied or folded (most words of a long text).
   */
  private final boolean[] mayStart = new boolean[FILTER_MASK + 1];

  NameFinder(Collection<String> names) {
    for (String name : names) {
      for (String variant : List.of(compose(name), stripAccents(name))) {
        add(variant);
      }
    }
    for (String first : byFirstWord.keySet()) {
      mayStart[first.hashCode() & FILTER_MASK] = true;
    }
    for (List<Name> list : byFirstWord.values()) {
      list.sort(Comparator.comparingInt((Name c) -> c.words().length).reversed()
          .thenComparing(Name::part));
    }
  }

  boolean isEmpty() {
    return byFirstWord.isEmpty();
  }

  private void add(String variant) {
    List<int[]> words = words(variant);
    if (words.isEmpty()) {
      return;
    }
    put(variant, words, false);
    // parts: each white-space separated word, whole (hyphenated or apostrophised) and cut at its hyphens
    int first = 0;
    for (int i = 1; i <= words.size(); i++) {
      if (i == words.size() || isBlank(variant, words.get(i - 1)[1], words.get(i)[0])) {
        List<int[]> word = words.subList(first, i);
        if (word.size() > 1 && Character.isUpperCase(variant.codePointAt(word.get(0)[0]))) {
          put(variant, word, true);
        }
        int pieceStart = 0;
        for (int j = 1; j <= word.size(); j++) {
          if (j == word.size() || variant.charAt(word.get(j - 1)[1]) == '-') {
            List<int[]> piece = word.subList(pieceStart, j);
            String text = variant.substring(piece.get(0)[0], piece.get(piece.size() - 1)[1]);
            if ((piece.size() > 1 || text.codePointCount(0, text.length()) >= 2)
                && !TITLES.contains(fold(text)) && Character.isUpperCase(text.codePointAt(0))) {
              put(variant, piece, true);
            }
            pieceStart = j;
          }
        }
        first = i;
      }
    }
  }

  private void put(String variant, List<int[]> words, boolean part) {
    String[] folded = new String[words.size()];
    String[] gaps = new String[words.size() - 1];
    for (int i = 0; i < words.size(); i++) {
      folded[i] = fold(variant.substring(words.get(i)[0], words.get(i)[1]));
      if (i > 0) {
        gaps[i - 1] = gap(variant, words.get(i - 1)[1], words.get(i)[0]);
      }
    }
    List<Name> list = byFirstWord.computeIfAbsent(folded[0], k -> new ArrayList<>());
    Name name = new Name(folded, gaps, part);
    for (Name other : list) {
      if (Arrays.equals(other.words(), folded) && Arrays.equals(other.gaps(), gaps)) {
        if (part || !other.part()) {
          return;
        }
        list.remove(other);
        break;
      }
    }
    list.add(name);
  }

  void find(String text, List<int[]> finds) {
    List<int[]> words = words(text);
    String[] folded = new String[words.size()];
    int i = 0;
    while (i < words.size()) {
      int end = match(text, words, folded, i);
      if (end > 0) {
        finds.add(new int[] {words.get(i)[0], end, RedactionKind.NAME.ordinal()});
        while (i < words.size() && words.get(i)[0] < end) {
          i++;
        }
      } else {
        i++;
      }
    }
  }

  /** The end of the longest name starting at word {@code w}, or -1. */
  private int match(String text, List<int[]> words, String[] folded, int w) {
    int start = words.get(w)[0];
    int end = words.get(w)[1];
    if (!mayStart(text, start, end) && !(pluralPossessive(text, end) && mayStart(text, start, end - 1))) {
      return -1;
    }
    String first = folded(text, words, folded, w);
    List<Name> candidates = byFirstWord.get(first);
    int found = -1;
    if (candidates != null) {
      found = tryAll(candidates, text, words, folded, w);
    }
    if (found < 0 && pluralPossessive(text, end)) {
      List<Name> single = byFirstWord.get(first.substring(0, first.length() - 1));
      if (single != null) {
        found = tryAll(single, text, words, folded, w);
      }
    }
    return found;
  }

  /** Whether the word at [start, end) may start a name: false only when it is plain ASCII and surely does not. */
  private boolean mayStart(String text, int start, int end) {
    int hash = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        return true;
      }
      hash = 31 * hash + (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    return mayStart[hash & FILTER_MASK];
  }

  private int tryAll(List<Name> candidates, String text, List<int[]> words, String[] folded, int w) {
    for (Name name : candidates) {
      int end = matchAt(name, text, words, folded, w);
      if (end > 0) {
        return end;
      }
    }
    return -1;
  }

  private int matchAt(Name name, String text, List<int[]> words, String[] folded, int w) {
    int count = name.words().length;
    if (w + count > words.size()) {
      return -1;
    }
    for (int k = 0; k < count; k++) {
      int[] word = words.get(w + k);
      if (k > 0 && !gapMatches(text, words.get(w + k - 1)[1], word[0], name.gaps()[k - 1])) {
        return -1;
      }
      String actual = folded(text, words, folded, w + k);
      boolean last = k == count - 1;
      if (actual.equals(name.words()[k])) {
        if (last) {
          return accepted(name, text, words.get(w)[0], word[1]) ? word[1] : -1;
        }
      } else if (last && pluralPossessive(text, word[1]) && actual.length() == name.words()[k].length() + 1
          && actual.startsWith(name.words()[k])) {
        int end = word[1] - 1;
        return accepted(name, text, words.get(w)[0], end) ? end : -1;
      } else {
        return -1;
      }
    }
    return -1;
  }

  /** A part written all in lower case that is also a common word is the word, not the name. */
  private static boolean accepted(Name name, String text, int start, int end) {
    if (!name.part()) {
      return true;
    }
    for (int i = start; i < end; ) {
      int c = text.codePointAt(i);
      if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
        return true;
      }
      i += Character.charCount(c);
    }
    return !COMMON_WORDS.contains(String.join(" ", name.words()));
  }

  /** Whether the word ending at {@code end} ends in s and is followed by an apostrophe ({@code Kowalczyks'}). */
  private static boolean pluralPossessive(String text, int end) {
    if (end < 2 || end >= text.length()) {
      return false;
    }
    char s = text.charAt(end - 1);
    char apostrophe = text.charAt(end);
    return (s == 's' || s == 'S') && (apostrophe == '\'' || apostrophe == '\u2019');
  }

  private static String folded(String text, List<int[]> words, String[] folded, int w) {
    String value = folded[w];
    if (value == null) {
      value = fold(text.substring(words.get(w)[0], words.get(w)[1]));
      folded[w] = value;
    }
    return value;
  }

  /** The words of a text: runs of letters, digits and combining marks, as [start, end) offsets. */
  static List<int[]> words(String text) {
    List<int[]> words = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      int c = text.codePointAt(i);
      if (!isWordCharacter(c)) {
        i += Character.charCount(c);
        continue;
      }
      int start = i;
      while (i < n && isWordCharacter(text.codePointAt(i))) {
        i += Character.charCount(text.codePointAt(i));
      }
      words.add(new int[] {start, i});
    }
    return words;
  }

  private static boolean isWordCharacter(int c) {
    if (Character.isLetterOrDigit(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  /** The text between two words, white space runs as one space and a right single quote as an apostrophe. */
  private static String gap(String text, int from, int to) {
    if (to - from == 1) {
      char c = text.charAt(from);
      return isSpace(c) ? " " : c == '\u2019' ? "'" : String.valueOf(c);
    }
    StringBuilder gap = new StringBuilder(to - from);
    boolean space = false;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (isSpace(c)) {
        if (!space) {
          gap.append(' ');
        }
        space = true;
      } else {
        gap.append(c == '\u2019' ? '\'' : c);
        space = false;
      }
    }
    return gap.toString();
  }

  /** Whether the text between two words reads as {@code expected} once normalised, stopping at the first difference. */
  private static boolean gapMatches(String text, int from, int to, String expected) {
    int e = 0;
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (e >= expected.length()) {
        return false;
      }
      char want = expected.charAt(e++);
      if (isSpace(c)) {
        if (want != ' ') {
          return false;
        }
        while (i < to && isSpace(text.charAt(i))) {
          i++;
        }
      } else {
        if ((c == '\u2019' ? '\'' : c) != want) {
          return false;
        }
        i++;
      }
    }
    return e == expected.length();
  }

  private static boolean isBlank(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isSpace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static String fold(String word) {
    char[] lower = new char[word.length()];
    for (int i = 0; i < lower.length; i++) {
      char c = word.charAt(i);
      if (c >= 0x80) {
        return Normalizer.normalize(word, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
      }
      lower[i] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
    // plain ASCII: already in NFC, and lower case without the cost of the general routines
    return new String(lower);
  }

  private static String compose(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFC);
  }

  private static String stripAccents(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
  }
}
