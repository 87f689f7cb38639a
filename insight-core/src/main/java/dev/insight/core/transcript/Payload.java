package dev.insight.core.transcript;

import java.util.Map;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/** The text of a WebVTT cue, split by voice span, with tags removed and character references decoded. */
final class Payload {
  private Payload() {}

  /**
   * Hands each voiced span to {@code sink} as (speaker name, raw text). Text before the first voice span belongs to
   * it; text after a closing {@code </v>} to the span before it (Teams writes one voice per cue, so both are rare).
   * A cue without a voice span is read as Zoom's {@code Name: text}, or as {@link Turn#UNKNOWN_SPEAKER}.
   * {@code names} caches cleaned names by their raw text.
   */
  static void spans(CharSequence payload, Map<String, String> names, BiConsumer<String, String> sink) {
    StringBuilder text = new StringBuilder(payload.length());
    String voice = null;
    String pendingBeforeFirstVoice = null;
    int i = 0;
    int n = payload.length();
    while (i < n) {
      char c = payload.charAt(i);
      if (c == '<') {
        int close = indexOf(payload, '>', i + 1);
        if (close < 0) {
          text.append(c);
          i++;
          continue;
        }
        String tag = payload.subSequence(i + 1, close).toString();
        if (isVoice(tag)) {
          int space = firstSpace(tag);
          // a long transcript repeats a few names thousands of times: clean each once
          String name = space < 0 ? "" : names.computeIfAbsent(tag.substring(space + 1), SpeakerNames::clean);
          if (voice == null) {
            pendingBeforeFirstVoice = text.toString();
          } else {
            sink.accept(voice, text.toString());
          }
          text.setLength(0);
          voice = name.isEmpty() ? Turn.UNKNOWN_SPEAKER : name;
          if (pendingBeforeFirstVoice != null && !pendingBeforeFirstVoice.isBlank()) {
            text.append(pendingBeforeFirstVoice).append(' ');
          }
          pendingBeforeFirstVoice = null;
        }
        i = close + 1;
      } else if (c == '&') {
        int semi = indexOf(payload, ';', i + 1);
        String decoded = semi < 0 || semi - i > 10 ? null : entity(payload.subSequence(i + 1, semi).toString());
        if (decoded == null) {
          text.append(c);
          i++;
        } else {
          text.append(decoded);
          i = semi + 1;
        }
      } else {
        text.append(c);
        i++;
      }
    }
    if (voice != null) {
      sink.accept(voice, text.toString());
      return;
    }
    String plain = text.toString();
    int colon = plain.indexOf(':');
    if (colon > 0 && SpeakerNames.looksLikeName(plain.substring(0, colon))) {
      sink.accept(names.computeIfAbsent(plain.substring(0, colon), SpeakerNames::clean), plain.substring(colon + 1));
    } else {
      sink.accept(Turn.UNKNOWN_SPEAKER, plain);
    }
  }

  private static boolean isVoice(String tag) {
    return tag.length() >= 1 && tag.charAt(0) == 'v' && (tag.length() == 1 || tag.charAt(1) == ' '
        || tag.charAt(1) == '.' || tag.charAt(1) == '\t');
  }

  private static int firstSpace(String tag) {
    for (int i = 0; i < tag.length(); i++) {
      if (Character.isWhitespace(tag.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOf(CharSequence text, char c, int from) {
    for (int i = from; i < text.length(); i++) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private static @Nullable String entity(String name) {
    switch (name) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "nbsp":
        return " ";
      case "quot":
        return "\"";
      case "apos":
        return "'";
      case "lrm":
      case "rlm":
        return "";
      default:
        break;
    }
    if (name.length() > 1 && name.charAt(0) == '#') {
      try {
        int code = name.charAt(1) == 'x' || name.charAt(1) == 'X' ? Integer.parseInt(name.substring(2), 16)
            : Integer.parseInt(name.substring(1));
        return Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
