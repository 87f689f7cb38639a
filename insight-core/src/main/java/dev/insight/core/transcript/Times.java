package dev.insight.core.transcript;

/** Parsing and formatting of transcript times, without regular expressions: readers call it once per cue. */
final class Times {
  /** A parse that failed. */
  static final long INVALID = Long.MIN_VALUE;

  private Times() {}

  /**
   * A WebVTT timestamp {@code [hh:]mm:ss.ttt} (hours of one or more digits, minutes and seconds of two, below 60,
   * milliseconds of three), in milliseconds.
   */
  static long parseVtt(CharSequence text, int from, int to) {
    int dot = -1;
    int colons = 0;
    int firstColon = -1;
    int secondColon = -1;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == ':') {
        colons++;
        if (firstColon < 0) {
          firstColon = i;
        } else {
          secondColon = i;
        }
      } else if (c == '.') {
        if (dot >= 0) {
          return INVALID;
        }
        dot = i;
      } else if (c < '0' || c > '9') {
        return INVALID;
      }
    }
    if (dot < 0 || to - dot != 4 || colons < 1 || colons > 2) {
      return INVALID;
    }
    long hours = 0;
    int minutesAt = from;
    if (colons == 2) {
      hours = digits(text, from, firstColon, 1, 9);
      minutesAt = firstColon + 1;
    }
    int minutesEnd = colons == 2 ? secondColon : firstColon;
    long minutes = digits(text, minutesAt, minutesEnd, 2, 2);
    long seconds = digits(text, minutesEnd + 1, dot, 2, 2);
    long millis = digits(text, dot + 1, to, 3, 3);
    if (hours < 0 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59 || millis < 0) {
      return INVALID;
    }
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
  }

  /** A clock time {@code m:ss}, {@code mm:ss} or {@code h:mm:ss} (Teams Word transcripts, plain text), in ms. */
  static long parseClock(CharSequence text, int from, int to) {
    int first = -1;
    int second = -1;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == ':') {
        if (first < 0) {
          first = i;
        } else if (second < 0) {
          second = i;
        } else {
          return INVALID;
        }
      } else if (c < '0' || c > '9') {
        return INVALID;
      }
    }
    if (first < 0) {
      return INVALID;
    }
    long hours = 0;
    long minutes;
    long seconds;
    if (second < 0) {
      minutes = digits(text, from, first, 1, 3);
      seconds = digits(text, first + 1, to, 2, 2);
    } else {
      hours = digits(text, from, first, 1, 3);
      minutes = digits(text, first + 1, second, 2, 2);
      seconds = digits(text, second + 1, to, 2, 2);
      if (minutes > 59) {
        return INVALID;
      }
    }
    if (hours < 0 || minutes < 0 || seconds < 0 || seconds > 59) {
      return INVALID;
    }
    return ((hours * 60 + minutes) * 60 + seconds) * 1000;
  }

  private static long digits(CharSequence text, int from, int to, int min, int max) {
    int length = to - from;
    if (length < min || length > max) {
      return -1;
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** {@code hh:mm:ss} (hours unbounded), truncating milliseconds. */
  static String format(long millis) {
    long seconds = millis / 1000;
    long hours = seconds / 3600;
    long minutes = seconds / 60 % 60;
    long secs = seconds % 60;
    StringBuilder text = new StringBuilder(8);
    pad(text, hours).append(':');
    pad(text, minutes).append(':');
    return pad(text, secs).toString();
  }

  /** {@code hh:mm:ss.ttt}, for messages. */
  static String formatPrecise(long millis) {
    long ms = millis % 1000;
    String whole = format(millis);
    return whole + '.' + (ms < 100 ? "0" : "") + (ms < 10 ? "0" : "") + ms;
  }

  private static StringBuilder pad(StringBuilder text, long value) {
    if (value < 10) {
      text.append('0');
    }
    return text.append(value);
  }
}
