package dev.insight.core.transcript;

import java.text.Normalizer;
import java.util.Locale;

/** How speaker names are compared: composed Unicode, whitespace collapsed, case folded with the root locale. */
final class SpeakerNames {
  private SpeakerNames() {}

  /** The name as shown: NFC, runs of whitespace (including no-break spaces) as one space, stripped. */
  static String clean(String name) {
    return collapse(Normalizer.normalize(name, Normalizer.Form.NFC));
  }

  /** The lookup key of a name. */
  static String key(String name) {
    return clean(name).toLowerCase(Locale.ROOT);
  }

  /** Runs of white space, including no-break spaces, as one space; stripped. */
  static String collapse(CharSequence text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Whether text before a colon (Zoom cue, plain text turn) looks like a speaker's name rather than speech: at most
   * 60 characters and 6 words, starting with a letter, no sentence punctuation, not a web address.
   */
  static boolean looksLikeName(String candidate) {
    String name = candidate.strip();
    if (name.isEmpty() || name.length() > 60 || !Character.isLetter(name.codePointAt(0))) {
      return false;
    }
    int words = 1;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == ' ') {
        words++;
      }
      if (c == '?' || c == '!' || c == ';' || c == ',' || c == '"' || c == '/') {
        return false;
      }
    }
    return words <= 6;
  }
}
