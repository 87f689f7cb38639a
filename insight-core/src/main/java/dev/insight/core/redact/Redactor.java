package dev.insight.core.redact;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
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
 * once, as an e-mail address. Every kind is found in time linear in the text, whatever the text: e-mail addresses,
 * telephone numbers and names by scanning, NHS numbers and postcodes by patterns of bounded length that cannot
 * backtrack beyond a few characters, so a hostile comment can neither overflow the stack nor hold up a survey.
 * <ul>
 *   <li>E-mail: a local part, {@code @}, a domain with a dot and a top-level name of two letters or more.
 *   <li>NHS number: ten digits written {@code 943 476 5919}, {@code 943-476-5919} or {@code 9434765919}, whose tenth
 *       digit is the modulus-11 check digit of the first nine (weights 10 to 2; 11 minus the remainder, 11 read as
 *       0, 10 never valid; NHS Data Dictionary, "NHS number"). A ten-digit number that fails the check is not an
 *       NHS number and is left alone.
 *   <li>Telephone: the national format of Ofcom's numbering plan: {@code 0}, {@code +44}, {@code 0044} or
 *       {@code +44 (0)} followed by a national number of 10 digits (9 for a few old areas and 0800 numbers) whose
 *       first digit is 1, 2, 3, 5, 7, 8 or 9, in groups separated by up to three spaces, hyphens, dots or brackets
 *       ({@code 020 7946 0958}, {@code 020.7946.0958}, {@code 020 - 7946 0958}).
 *   <li>Postcode: the full format of the Royal Mail's Postcode Address File (outward code {@code A9}, {@code A99},
 *       {@code AA9}, {@code AA99}, {@code A9A} or {@code AA9A}, up to four spaces, inward code {@code 9AA} with the
 *       letters the inward code uses), any case, and {@code GIR 0AA}. An outward code on its own ("LS1") names a
 *       district, not an address, and is kept.
 *   <li>Names: each full name on the speaker list, in any case and spacing, also without its accents
 *       ("Zoe" for "Zoë"); and each part of a name of two letters or more, titles and particles excepted
 *       ("Siobhán", "SÚILLEABHÁIN"), in the possessive too ({@code SARAH'S}, {@code Kowalczyks'}). A part written in
 *       lower case is redacted unless it is also a common English word: a participant called Will or Hope will
 *       have "Will" and "HOPE" redacted but not "will" or "hope". Review the audit record.
 * </ul>
 */
public final class Redactor {
  private static final Pattern NHS = Pattern.compile(
      "(?<![\\p{L}\\p{N}])([0-9]{3})([ \\u00A0-]?)([0-9]{3})\\2([0-9]{4})(?![\\p{N}]|[ \\u00A0-][0-9])");
  private static final Pattern PHONE_START = Pattern.compile(
      "(?<![\\p{L}\\p{N}+])(?:(?:\\+|00)[ \\u00A0.-]?44[ \\u00A0.-]?(?:\\(0\\)[ \\u00A0.-]?)?|\\(?0)(?=[1-9])");
  private static final Pattern POSTCODE = Pattern.compile(
      "(?<![\\p{L}\\p{N}])(?:GIR[ \\u00A0]{0,4}0AA|[A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]"
          + "|[A-HK-Y][0-9][ABEHMNPRVWXY])[ \\u00A0]{0,4}[0-9][ABD-HJLNP-UW-Z]{2})(?![\\p{L}\\p{N}])",
      Pattern.CASE_INSENSITIVE);

  private final Set<RedactionKind> kinds;
  private final @Nullable NameFinder names;

  private Redactor(Collection<String> names, Set<RedactionKind> kinds) {
    this.kinds = EnumSet.copyOf(kinds);
    for (String name : names) {
      checkNotNull(name, "a name to redact cannot be null");
    }
    NameFinder finder = new NameFinder(names);
    this.names = this.kinds.contains(RedactionKind.NAME) && !finder.isEmpty() ? finder : null;
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
      EmailFinder.find(text, finds);
    }
    if (kinds.contains(RedactionKind.NHS_NUMBER) && digits) {
      nhsNumbers(text, finds);
    }
    if (kinds.contains(RedactionKind.PHONE) && digits) {
      phones(text, finds);
    }
    if (kinds.contains(RedactionKind.POSTCODE) && digits) {
      postcodes(text, finds);
    }
    if (names != null) {
      names.find(text, finds);
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

  private static boolean hasDigit(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a match can start at {@code i}: at the start of the text or after a character that is not a letter or
   * digit. The patterns are tried only there, anchored, which is what their own look-behind says but without a
   * failed attempt at every character.
   */
  private static boolean wordStart(String text, int i) {
    return i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)) && !Character.isSurrogate(text.charAt(i - 1));
  }

  private static boolean isDigit(String text, int i) {
    return i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9';
  }

  private static void nhsNumbers(String text, List<int[]> finds) {
    Matcher m = NHS.matcher(text).useTransparentBounds(true);
    int n = text.length();
    for (int i = 0; i < n; i++) {
      if (isDigit(text, i) && wordStart(text, i)) {
        m.region(i, n);
        if (m.lookingAt() && NhsNumber.isValid(m.group(1) + m.group(3) + m.group(4))) {
          finds.add(new int[] {i, m.end(), RedactionKind.NHS_NUMBER.ordinal()});
          i = m.end() - 1;
        }
      }
    }
  }

  private static void postcodes(String text, List<int[]> finds) {
    Matcher m = POSTCODE.matcher(text).useTransparentBounds(true);
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean letter = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
      // every postcode has a digit second or third, except GIR 0AA
      if (letter && (isDigit(text, i + 1) || isDigit(text, i + 2) || c == 'G' || c == 'g') && wordStart(text, i)) {
        m.region(i, n);
        if (m.lookingAt()) {
          finds.add(new int[] {i, m.end(), RedactionKind.POSTCODE.ordinal()});
          i = m.end() - 1;
        }
      }
    }
  }

  /** Telephone numbers: a prefix by pattern, then the national number scanned digit by digit. */
  private static void phones(String text, List<int[]> finds) {
    Matcher m = PHONE_START.matcher(text).useTransparentBounds(true);
    int n = text.length();
    for (int from = 0; from < n; from++) {
      char c0 = text.charAt(from);
      if (c0 != '0' && c0 != '+' && c0 != '(' || !wordStart(text, from)) {
        continue;
      }
      m.region(from, n);
      if (!m.lookingAt()) {
        continue;
      }
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
        } else if ((c == ' ' || c == '\u00A0' || c == '-' || c == '.' || c == '(' || c == ')') && digits > 0
            && ++separators <= 3) {
          // a group separator
        } else {
          break;
        }
        i++;
      }
      boolean followedByDigit = lastDigitEnd > 0 && lastDigitEnd < text.length()
          && Character.isDigit(text.charAt(lastDigitEnd));
      if ((digits == 10 || digits == 9) && !followedByDigit && "1235789".indexOf(first) >= 0) {
        finds.add(new int[] {from, lastDigitEnd, RedactionKind.PHONE.ordinal()});
        from = lastDigitEnd - 1;
      }
    }
  }

  @Override
  public String toString() {
    // never the names
    return "Redactor" + kinds;
  }
}
