package dev.insight.codeframe.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.CharArrayMap;

/**
 * One thread's working memory for matching comments: the analysed comment (stem per position, offsets, occurrence
 * lists per atom) and the candidate rules. Reset per comment by bumping a stamp instead of clearing arrays, so the
 * cost of a comment is proportional to its length and its candidate rules, not to the size of the codeframe.
 */
final class Scratch {
  /** Distinct words cached per thread before the cache starts again; real comments use far fewer. */
  static final int CACHE_LIMIT = 200_000;

  final CharArrayMap<int[]> cache = new CharArrayMap<>(4096, false);
  final RuleAnalysis.Stemmer stemmer = new RuleAnalysis.Stemmer();
  int stamp;
  final int[] seen;
  final int[] head;
  int[] occPos = new int[64];
  int[] occNext = new int[64];
  int occCount;
  final IntList touched = new IntList(64);

  int positions;
  int[] stemAt = new int[64];
  int[] start = new int[64];
  int[] end = new int[64];

  final int[] ruleSeen;
  final IntList candidates = new IntList(64);
  final IntList matched = new IntList(16);
  final IntList collected = new IntList(16);

  private final List<IntList> spanPool = new ArrayList<>();
  private int spanInUse;

  Scratch(int atoms, int rules) {
    seen = new int[atoms];
    head = new int[atoms];
    ruleSeen = new int[rules];
  }

  void reset() {
    if (stamp == Integer.MAX_VALUE) {
      Arrays.fill(seen, 0);
      Arrays.fill(ruleSeen, 0);
      stamp = 0;
    }
    stamp++;
    occCount = 0;
    positions = 0;
    touched.clear();
    candidates.clear();
    matched.clear();
  }

  /** Starts a new position; returns its index. */
  int newPosition(int startOffset, int endOffset) {
    if (positions == stemAt.length) {
      int length = positions * 2;
      stemAt = Arrays.copyOf(stemAt, length);
      start = Arrays.copyOf(start, length);
      end = Arrays.copyOf(end, length);
    }
    stemAt[positions] = -1;
    start[positions] = startOffset;
    end[positions] = endOffset;
    return positions++;
  }

  void occurrence(int atom, int position) {
    if (seen[atom] != stamp) {
      seen[atom] = stamp;
      head[atom] = -1;
      touched.add(atom);
    }
    if (occCount == occPos.length) {
      occPos = Arrays.copyOf(occPos, occCount * 2);
      occNext = Arrays.copyOf(occNext, occCount * 2);
    }
    occPos[occCount] = position;
    occNext[occCount] = head[atom];
    head[atom] = occCount++;
  }

  boolean occurs(int atom) {
    return seen[atom] == stamp;
  }

  /** The first occurrence of an atom (an index into occPos / occNext), or -1. */
  int first(int atom) {
    return seen[atom] == stamp ? head[atom] : -1;
  }

  IntList spanList() {
    if (spanInUse == spanPool.size()) {
      spanPool.add(new IntList(8));
    }
    IntList list = spanPool.get(spanInUse++);
    list.clear();
    return list;
  }

  void releaseSpanLists(int count) {
    spanInUse -= count;
  }
}
