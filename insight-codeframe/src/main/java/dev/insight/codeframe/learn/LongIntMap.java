package dev.insight.codeframe.learn;

import java.util.Arrays;

/**
 * An open-addressing map from {@code long} keys to {@code int} values, so feature lookup allocates nothing.
 * Linear probing over a power-of-two table kept at most half full.
 */
final class LongIntMap {
  static final int MISSING = -1;
  private static final long EMPTY = 0L;

  private long[] keys;
  private int[] values;
  private int size;
  private boolean hasZero;
  private int zeroValue;

  LongIntMap(int expected) {
    int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
    keys = new long[capacity];
    values = new int[capacity];
  }

  int size() {
    return size + (hasZero ? 1 : 0);
  }

  int get(long key) {
    if (key == EMPTY) {
      return hasZero ? zeroValue : MISSING;
    }
    int mask = keys.length - 1;
    int slot = mix(key) & mask;
    while (true) {
      long k = keys[slot];
      if (k == key) {
        return values[slot];
      }
      if (k == EMPTY) {
        return MISSING;
      }
      slot = (slot + 1) & mask;
    }
  }

  void put(long key, int value) {
    if (key == EMPTY) {
      hasZero = true;
      zeroValue = value;
      return;
    }
    int slot = find(key);
    if (keys[slot] == EMPTY) {
      keys[slot] = key;
      size++;
      values[slot] = value;
      if (size * 2 > keys.length) {
        grow();
      }
    } else {
      values[slot] = value;
    }
  }

  /** Adds {@code delta} to the key's value (absent counts as 0). */
  void add(long key, int delta) {
    int current = get(key);
    put(key, (current == MISSING ? 0 : current) + delta);
  }

  void clear() {
    Arrays.fill(keys, EMPTY);
    size = 0;
    hasZero = false;
  }

  /** Calls {@code visitor} for every entry, in table order. */
  void forEach(Visitor visitor) {
    if (hasZero) {
      visitor.visit(EMPTY, zeroValue);
    }
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY) {
        visitor.visit(keys[i], values[i]);
      }
    }
  }

  interface Visitor {
    void visit(long key, int value);
  }

  private int find(long key) {
    int mask = keys.length - 1;
    int slot = mix(key) & mask;
    while (keys[slot] != EMPTY && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
