package dev.insight.core.redact;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds and replaces personal data in free text. Immutable and thread-safe: build one per speaker list and apply
 * it to every quote and comment.
 *
 * <p>Implementation note. Each kind is found on its own; overlapping finds are resolved by keeping the one that
 * starts first (the longer one when two start together), so an e-mail address that contains a name is redacted
 * once, as an e-mail address.
 * <ul>
 *   <li>E-mail: a local part, {@code @}, a domain with a dot and a top-level name of two letters or more.
 *   <li>NHS number: ten digits written {@code 943 476 5919}, {@code 943-476-5919} or {@code 9434765919}, whose tenth
 *       digit is the modulus-11 check digit of the first nine (weights 10 to 2; 11 minus the remainder, 11 read as
 *       0, 10 never valid; NHS Data Dictionary, "NHS number"). A ten-digit number that fails the check is not an
 *       NHS number and is left alone.
 *   <li>Telephone: the national format of Ofcom's numbering plan: {@code 0}, {@code +44}, {@code 0044} or
 *       {@code +44 (0)} followed by a national number of 10 digits (9 for a few old areas and 0800 numbers) whose
 *       first digit is 1, 2, 3, 5, 7, 8 or 9, in groups separated by single spaces, hyphens or brackets.
 *   <li>Postcode: the full format of the Royal Mail's Postcode Address File (outward code {@code A9}, {@code A99},
 *       {@code AA9}, {@code AA99}, {@code A9A} or {@code AA9A}, optional space, inward code {@code 9AA} with the
 *       letters the inward code uses), any case, and {@code GIR 0AA}. An outward code on its own ("LS1") names a
 *       district, not an address, and is kept.
 *   <li>Names: each full name on the speaker list, in any case and spacing, also without its accents
 *       ("Zoe" for "Zoë"); and each part of a name of two letters or more, when written with its capitals
 *       ("Siobhán", "Súilleabháin"), titles excepted. A participant called Will or Hope will have those words
 *       redacted where they are capitalised: review the audit record.
 * </ul>
 */
public final class Redactor {
  private static final Pattern EMAIL = Pattern.compile(
      "(?<![\\p{L}\\p{N}._%+'-])[\\p{L}\\p{N}._%+'-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}"
          + "(?![\\p{L}\\p{N}])");
  private static final Pattern NHS = Pattern.compile(
      "(?<![\\p{L}\\p{N}])([0-9]{3})([ \\u00A0-]?)([0-9]{3})\\2([0-9]{4})(?![\\p{N}]|[ \\u00A0-][0-9])");
  private static final Pattern PHONE_START = Pattern.compile(
      "(?<![\\p{L}\\p{N}+])(?:(?:\\+|00)[ \\u00A0]?44[ \\u00A0]?(?:\\(0\\)[ \\u00A0]?)?|\\(?0)(?=[1-9])");
  private static final Pattern POSTCODE = Pattern.compile(
      "(?<![\\p{L}\\p{N}])(?:GIR[ \\u00A0]?0AA|[A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]"
          + "|[A-HK-Y][0-9][ABEHMNPRVWXY])[ \\u00A0]?[0-9][ABD-HJLNP-UW-Z]{2})(?![\\p{L}\\p{N}])",
      Pattern.CASE_INSENSITIVE);
  private static final Set<String> TITLES = Set.of("dr", "mr", "mrs", "ms", "mx", "miss", "prof", "sir", "rev",
      "de", "da", "di", "du", "del", "van", "von", "der", "den", "la", "le", "el", "al", "bin", "ibn", "st");

  private final Set<RedactionKind> kinds;
  private final @Nullable Pattern fullNames;
  private final @Nullable Pattern nameParts;
  /** The first words of the full names, lower case: only a word in here can start a full name. */
  private final Set<String> fullFirstWords = new HashSet<>();
  /** The name parts as written: only a word in here can be a part. */
  private final Set<String> partWords = new HashSet<>();

  private Redactor(Collection<String> names, Set<RedactionKind> kinds) {
    this.kinds = EnumSet.copyOf(kinds);
    Set<String> full = new LinkedHashSet<>();
    Set<String> parts = new LinkedHashSet<>();
    for (String name : names) {
      checkNotNull(name, "a name to redact cannot be null");
      for (String variant : List.of(compose(name), stripAccents(name))) {
        String[] words = variant.strip().split("[\\s\\u00A0]+");
        if (words.length == 0 || words[0].isEmpty()) {
          continue;
        }
        List<String> quoted = new ArrayList<>();
        for (String word : words) {
          quoted.add(Pattern.quote(word));
          if (word.indexOf('-') > 0 && Character.isUpperCase(word.codePointAt(0))) {
            parts.add(word);
          }
          for (String part : word.split("-")) {
            if (part.codePointCount(0, part.length()) >= 2 && !TITLES.contains(part.toLowerCase(Locale.ROOT))
                && Character.isUpperCase(part.codePointAt(0))) {
              parts.add(part);
            }
          }
        }
        full.add(String.join("[\\s\\u00A0]+", quoted));
        fullFirstWords.add(words[0].toLowerCase(Locale.ROOT));
      }
    }
    this.fullNames = this.kinds.contains(RedactionKind.NAME) && !full.isEmpty()
        ? Pattern.compile(bounded(sortedByLength(full)), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE) : null;
    List<String> quotedParts = new ArrayList<>();
    for (String part : parts) {
      quotedParts.add(Pattern.quote(part));
      partWords.add(part);
    }
    this.nameParts = this.kinds.contains(RedactionKind.NAME) && !parts.isEmpty()
        ? Pattern.compile(bounded(sortedByLength(quotedParts))) : null;
  }

  /**
   * A redactor of e-mail addresses, telephone numbers, postcodes and NHS numbers, without names.
   *
   * @return the redactor
   */
  public static Redactor standard() {
    return new Redactor(List.of(), EnumSet.allOf(RedactionKind.class));
  }

  /**
   * A redactor of every kind, with the names of known participants and staff (a speaker list's
   * {@code names()}, the facilitators, people mentioned).
   *
   * @param names the names
   * @return the redactor
   */
  public static Redactor of(Collection<String> names) {
    return new Redactor(names, EnumSet.allOf(RedactionKind.class));
  }

  /**
   * A redactor of some kinds only.
   *
   * @param names the names, used when {@code kinds} includes {@link RedactionKind#NAME}
   * @param kinds the kinds to redact; at least one
   * @return the redactor
   */
  public static Redactor of(Collection<String> names, Set<RedactionKind> kinds) {
    checkArgument(!kinds.isEmpty(), "a redactor needs at least one kind; for no redaction use "
        + "RedactionPolicy.internalUseOnly");
    return new Redactor(names, kinds);
  }

  /**
   * The kinds this redactor removes.
   *
   * @return the kinds
   */
  public Set<RedactionKind> kinds() {
    return EnumSet.copyOf(kinds);
  }

  /**
   * Redacts a text.
   *
   * @param text the text
   * @return the redacted text with a record of each redaction
   */
  public RedactedText redact(String text) {
    checkNotNull(text, "text");
    List<int[]> finds = new ArrayList<>();
    // cheap tests first: most comments have no '@' and no digit, and every name starts at a known word
    boolean digits = hasDigit(text);
    if (kinds.contains(RedactionKind.EMAIL) && text.indexOf('@') >= 0) {
      findAll(EMAIL, text, RedactionKind.EMAIL, finds);
    }
    if (kinds.contains(RedactionKind.NHS_NUMBER) && digits) {
      Matcher m = NHS.matcher(text);
      while (m.find()) {
        if (NhsNumber.isValid(m.group(1) + m.group(3) + m.group(4))) {
          finds.add(new int[] {m.start(), m.end(), RedactionKind.NHS_NUMBER.ordinal()});
        }
      }
    }
    if (kinds.contains(RedactionKind.PHONE) && digits) {
      phones(text, finds);
    }
    if (kinds.contains(RedactionKind.POSTCODE) && digits) {
      findAll(POSTCODE, text, RedactionKind.POSTCODE, finds);
    }
    if (fullNames != null || nameParts != null) {
      names(text, finds);
    }
    if (finds.isEmpty()) {
      return new RedactedText(text, List.of(), true);
    }
    finds.sort(Comparator.<int[]>comparingInt(f -> f[0]).thenComparingInt(f -> -f[1]));
    StringBuilder out = new StringBuilder(text.length());
    List<Redaction> redactions = new ArrayList<>();
    int at = 0;
    RedactionKind[] all = RedactionKind.values();
    for (int[] find : finds) {
      if (find[0] < at) {
        continue;
      }
      out.append(text, at, find[0]);
      RedactionKind kind = all[find[2]];
      redactions.add(new Redaction(kind, find[0], find[1], out.length()));
      out.append(kind.placeholder());
      at = find[1];
    }
    out.append(text, at, text.length());
    return new RedactedText(out.toString(), redactions, true);
  }

  /**
   * Names: the text is walked word by word and a pattern is tried only at a word that can start a name, anchored
   * there; trying the alternation of every name at every position cost ten times as much on long transcripts.
   */
  private void names(String text, List<int[]> finds) {
    Matcher full = fullNames == null ? null : fullNames.matcher(text).useTransparentBounds(true);
    Matcher part = nameParts == null ? null : nameParts.matcher(text).useTransparentBounds(true);
    int n = text.length();
    int i = 0;
    while (i < n) {
      int c = text.codePointAt(i);
      if (!Character.isLetter(c)) {
        i += Character.charCount(c);
        continue;
      }
      int wordEnd = i;
      while (wordEnd < n && Character.isLetterOrDigit(text.codePointAt(wordEnd))) {
        wordEnd += Character.charCount(text.codePointAt(wordEnd));
      }
      // the word with its joined parts ("Mensah-Owusu", "O'Brien"), tried first
      int end = wordEnd;
      while (end < n) {
        int d = text.codePointAt(end);
        if (!Character.isLetterOrDigit(d) && d != '\'' && d != '\u2019' && d != '-') {
          break;
        }
        end += Character.charCount(d);
      }
      int matched = -1;
      if (full != null && startsFullName(text, i, end)) {
        full.region(i, n);
        if (full.lookingAt()) {
          matched = full.end();
        }
      }
      if (matched < 0 && part != null && startsPart(text, i, end)) {
        part.region(i, n);
        if (part.lookingAt()) {
          matched = part.end();
        }
      }
      if (matched > i) {
        finds.add(new int[] {i, matched, RedactionKind.NAME.ordinal()});
        i = matched;
      } else {
        i = wordEnd;
      }
    }
  }

  /** Whether the word at [from, to) (or its stem before an apostrophe or hyphen) can start a full name. */
  private boolean startsFullName(String text, int from, int to) {
    for (int cut = to; cut > from; cut = lastBreak(text, from, cut)) {
      if (fullFirstWords.contains(text.substring(from, cut).toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private boolean startsPart(String text, int from, int to) {
    for (int cut = to; cut > from; cut = lastBreak(text, from, cut)) {
      if (partWords.contains(text.substring(from, cut))) {
        return true;
      }
    }
    return false;
  }

  /** The last apostrophe or hyphen before {@code to}, so "Zoë's" and "Mensah-Owusu" are tried as "Zoë", "Mensah". */
  private static int lastBreak(String text, int from, int to) {
    for (int i = to - 1; i > from; i--) {
      char c = text.charAt(i);
      if (c == '\'' || c == '\u2019' || c == '-') {
        return i;
      }
    }
    return from;
  }

  private static boolean hasDigit(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  private static void findAll(Pattern pattern, String text, RedactionKind kind, List<int[]> finds) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      finds.add(new int[] {m.start(), m.end(), kind.ordinal()});
    }
  }

  /** Telephone numbers: a prefix by pattern, then the national number scanned digit by digit. */
  private static void phones(String text, List<int[]> finds) {
    Matcher m = PHONE_START.matcher(text);
    int from = 0;
    while (from < text.length() && m.find(from)) {
      int i = m.end();
      int digits = 0;
      int lastDigitEnd = -1;
      int separators = 0;
      char first = text.charAt(i);
      while (i < text.length() && digits < 10) {
        char c = text.charAt(i);
        if (c >= '0' && c <= '9') {
          digits++;
          lastDigitEnd = i + 1;
          separators = 0;
        } else if ((c == ' ' || c == '\u00A0' || c == '-' || c == '(' || c == ')') && digits > 0
            && ++separators <= 2) {
          // a group separator
        } else {
          break;
        }
        i++;
      }
      boolean followedByDigit = lastDigitEnd > 0 && lastDigitEnd < text.length()
          && Character.isDigit(text.charAt(lastDigitEnd));
      if ((digits == 10 || digits == 9) && !followedByDigit && "1235789".indexOf(first) >= 0) {
        finds.add(new int[] {m.start(), lastDigitEnd, RedactionKind.PHONE.ordinal()});
        from = lastDigitEnd;
      } else {
        from = m.start() + 1;
      }
    }
  }

  private static String bounded(List<String> alternatives) {
    return "(?<![\\p{L}\\p{N}])(?:" + String.join("|", alternatives) + ")(?![\\p{L}\\p{N}])";
  }

  private static List<String> sortedByLength(Collection<String> alternatives) {
    List<String> sorted = new ArrayList<>(alternatives);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    return sorted;
  }

  private static String compose(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFC);
  }

  private static String stripAccents(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
  }

  @Override
  public String toString() {
    // never the names
    return "Redactor" + kinds;
  }
}
