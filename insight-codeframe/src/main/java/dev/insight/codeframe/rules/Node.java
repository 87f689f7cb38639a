package dev.insight.codeframe.rules;

/**
 * A compiled rule: a tree evaluated against one analysed comment held in a {@link Scratch}. Leaves are atoms
 * (a stem or a prefix, by id) and phrases.
 */
abstract class Node {

  /** Whether the comment satisfies this node. */
  abstract boolean matches(Scratch s);

  /** Adds the positions of the comment's words that satisfy this node (called only when it matches). */
  abstract void collect(Scratch s, IntList out);

  /** The value when the comment contains none of the rule's atoms: true makes the rule a candidate always. */
  abstract boolean matchesEmpty();

  /** Adds the atoms that can make this node true, so the rule is a candidate when any of them occurs. */
  abstract void positiveAtoms(IntList out);

  /** For NEAR: the spans (first and last position) where this node occurs. Only words, phrases, prefixes, OR. */
  void spans(Scratch s, IntList starts, IntList ends) {
    throw new IllegalStateException("not a span node: " + getClass().getSimpleName());
  }

  /** A stem or a prefix: occurs at every position the comment has it. */
  static final class Atom extends Node {
    final int id;

    Atom(int id) {
      this.id = id;
    }

    @Override
    boolean matches(Scratch s) {
      return s.occurs(id);
    }

    @Override
    void collect(Scratch s, IntList out) {
      for (int o = s.first(id); o >= 0; o = s.occNext[o]) {
        out.add(s.occPos[o]);
      }
    }

    @Override
    boolean matchesEmpty() {
      return false;
    }

    @Override
    void positiveAtoms(IntList out) {
      out.add(id);
    }

    @Override
    void spans(Scratch s, IntList starts, IntList ends) {
      for (int o = s.first(id); o >= 0; o = s.occNext[o]) {
        starts.add(s.occPos[o]);
        ends.add(s.occPos[o]);
      }
    }
  }

  /** Consecutive stems. */
  static final class Phrase extends Node {
    final int[] ids;

    Phrase(int[] ids) {
      this.ids = ids;
    }

    private boolean at(Scratch s, int p) {
      if (p + ids.length > s.positions) {
        return false;
      }
      for (int i = 1; i < ids.length; i++) {
        if (s.stemAt[p + i] != ids[i]) {
          return false;
        }
      }
      return true;
    }

    @Override
    boolean matches(Scratch s) {
      for (int o = s.first(ids[0]); o >= 0; o = s.occNext[o]) {
        if (at(s, s.occPos[o])) {
          return true;
        }
      }
      return false;
    }

    @Override
    void collect(Scratch s, IntList out) {
      for (int o = s.first(ids[0]); o >= 0; o = s.occNext[o]) {
        int p = s.occPos[o];
        if (at(s, p)) {
          for (int i = 0; i < ids.length; i++) {
            out.add(p + i);
          }
        }
      }
    }

    @Override
    boolean matchesEmpty() {
      return false;
    }

    @Override
    void positiveAtoms(IntList out) {
      out.add(ids[0]);
    }

    @Override
    void spans(Scratch s, IntList starts, IntList ends) {
      for (int o = s.first(ids[0]); o >= 0; o = s.occNext[o]) {
        int p = s.occPos[o];
        if (at(s, p)) {
          starts.add(p);
          ends.add(p + ids.length - 1);
        }
      }
    }
  }

  /** Every operand. */
  static final class And extends Node {
    final Node[] operands;

    And(Node[] operands) {
      this.operands = operands;
    }

    @Override
    boolean matches(Scratch s) {
      for (Node operand : operands) {
        if (!operand.matches(s)) {
          return false;
        }
      }
      return true;
    }

    @Override
    void collect(Scratch s, IntList out) {
      for (Node operand : operands) {
        operand.collect(s, out);
      }
    }

    @Override
    boolean matchesEmpty() {
      for (Node operand : operands) {
        if (!operand.matchesEmpty()) {
          return false;
        }
      }
      return true;
    }

    @Override
    void positiveAtoms(IntList out) {
      // any operand's atoms would do (all must hold); take the first operand that needs atoms, which keeps the
      // candidate list short: a rule "staff AND rude" is looked at only for comments containing "staff"
      for (Node operand : operands) {
        if (!operand.matchesEmpty()) {
          operand.positiveAtoms(out);
          return;
        }
      }
    }
  }

  /** Any operand. */
  static final class Or extends Node {
    final Node[] operands;

    Or(Node[] operands) {
      this.operands = operands;
    }

    @Override
    boolean matches(Scratch s) {
      for (Node operand : operands) {
        if (operand.matches(s)) {
          return true;
        }
      }
      return false;
    }

    @Override
    void collect(Scratch s, IntList out) {
      for (Node operand : operands) {
        if (operand.matches(s)) {
          operand.collect(s, out);
        }
      }
    }

    @Override
    boolean matchesEmpty() {
      for (Node operand : operands) {
        if (operand.matchesEmpty()) {
          return true;
        }
      }
      return false;
    }

    @Override
    void positiveAtoms(IntList out) {
      for (Node operand : operands) {
        operand.positiveAtoms(out);
      }
    }

    @Override
    void spans(Scratch s, IntList starts, IntList ends) {
      for (Node operand : operands) {
        operand.spans(s, starts, ends);
      }
    }
  }

  /** Not the operand. */
  static final class Not extends Node {
    final Node operand;

    Not(Node operand) {
      this.operand = operand;
    }

    @Override
    boolean matches(Scratch s) {
      return !operand.matches(s);
    }

    @Override
    void collect(Scratch s, IntList out) {
      // an absence has no words to show
    }

    @Override
    boolean matchesEmpty() {
      return !operand.matchesEmpty();
    }

    @Override
    void positiveAtoms(IntList out) {
      // NOT x is made true by the absence of x, never by an atom; a rule that is only NOT is always a candidate
    }
  }

  /** Two span operands with at most {@code distance} words between them, in either order. */
  static final class Near extends Node {
    final Node left;
    final Node right;
    final int distance;

    Near(Node left, Node right, int distance) {
      this.left = left;
      this.right = right;
      this.distance = distance;
    }

    private static boolean close(int ls, int le, int rs, int re, int distance) {
      int gap = rs > le ? rs - le - 1 : ls > re ? ls - re - 1 : 0;
      return gap <= distance;
    }

    @Override
    boolean matches(Scratch s) {
      if (!left.matches(s) || !right.matches(s)) {
        return false;
      }
      IntList ls = s.spanList();
      IntList le = s.spanList();
      IntList rs = s.spanList();
      IntList re = s.spanList();
      try {
        left.spans(s, ls, le);
        right.spans(s, rs, re);
        for (int i = 0; i < ls.size; i++) {
          for (int j = 0; j < rs.size; j++) {
            if (close(ls.data[i], le.data[i], rs.data[j], re.data[j], distance)) {
              return true;
            }
          }
        }
        return false;
      } finally {
        s.releaseSpanLists(4);
      }
    }

    @Override
    void spans(Scratch s, IntList starts, IntList ends) {
      IntList ls = s.spanList();
      IntList le = s.spanList();
      IntList rs = s.spanList();
      IntList re = s.spanList();
      try {
        left.spans(s, ls, le);
        right.spans(s, rs, re);
        for (int i = 0; i < ls.size; i++) {
          for (int j = 0; j < rs.size; j++) {
            if (close(ls.data[i], le.data[i], rs.data[j], re.data[j], distance)) {
              starts.add(Math.min(ls.data[i], rs.data[j]));
              ends.add(Math.max(le.data[i], re.data[j]));
            }
          }
        }
      } finally {
        s.releaseSpanLists(4);
      }
    }

    @Override
    void collect(Scratch s, IntList out) {
      IntList ls = s.spanList();
      IntList le = s.spanList();
      IntList rs = s.spanList();
      IntList re = s.spanList();
      try {
        left.spans(s, ls, le);
        right.spans(s, rs, re);
        for (int i = 0; i < ls.size; i++) {
          for (int j = 0; j < rs.size; j++) {
            if (close(ls.data[i], le.data[i], rs.data[j], re.data[j], distance)) {
              for (int p = ls.data[i]; p <= le.data[i]; p++) {
                out.add(p);
              }
              for (int p = rs.data[j]; p <= re.data[j]; p++) {
                out.add(p);
              }
            }
          }
        }
      } finally {
        s.releaseSpanLists(4);
      }
    }

    @Override
    boolean matchesEmpty() {
      return false;
    }

    @Override
    void positiveAtoms(IntList out) {
      left.positiveAtoms(out);
    }
  }
}
