package dev.insight.core.redact;

import java.util.List;

/**
 * Finds e-mail addresses by scanning, in time linear in the text: a local part, {@code @}, a domain of labels
 * separated by single dots whose last label is a top-level name of two letters or more.
 *
 * <p>Implementation note: a regular expression for this shape ({@code local@label(.label)*.tld}) backtracks and, in
 * Java, recurses once per repetition, so one comment of {@code x@} and a few thousand {@code a.} overflowed the
 * stack. Here each {@code @} is extended left over the characters a local part may hold and right over the
 * characters a domain may hold; neither run can cross another {@code @}, so every character is looked at a bounded
 * number of times. The domain then ends after its last label that is all letters (the top-level name).
 */
final class EmailFinder {
  private EmailFinder() {}

  static void find(String text, List<int[]> finds) {
    int n = text.length();
    int previousEnd = 0;
    for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
      int start = at;
      while (start > 0 && isLocal(text.charAt(start - 1))) {
        start--;
      }
      if (start == at || start < previousEnd) {
        continue;
      }
      int end = domainEnd(text, at + 1, n);
      if (end > 0) {
        finds.add(new int[] {start, end, RedactionKind.EMAIL.ordinal()});
        previousEnd = end;
      }
    }
  }

  /** The end of the longest valid domain starting at {@code from}, or -1 when there is none. */
  private static int domainEnd(String text, int from, int n) {
    int best = -1;
    int labels = 0;
    int i = from;
    while (i < n) {
      int labelStart = i;
      boolean letters = true;
      while (i < n && isDomain(text.charAt(i))) {
        char c = text.charAt(i);
        if (!Character.isLetter(c) && !Character.isSurrogate(c)) {
          letters = false;
        }
        i++;
      }
      if (i == labelStart) {
        break;
      }
      labels++;
      if (labels >= 2 && letters && i - labelStart >= 2) {
        best = i;
      }
      if (i < n && text.charAt(i) == '.') {
        i++;
      } else {
        break;
      }
    }
    return best;
  }

  private static boolean isLocal(char c) {
    return Character.isLetterOrDigit(c) || Character.isSurrogate(c) || c == '.' || c == '_' || c == '%'
        || c == '+' || c == '\'' || c == '-';
  }

  private static boolean isDomain(char c) {
    return Character.isLetterOrDigit(c) || Character.isSurrogate(c) || c == '-';
  }
}
