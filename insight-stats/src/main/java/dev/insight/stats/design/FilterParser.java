package dev.insight.stats.design;

import dev.insight.core.internal.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A recursive-descent parser for {@link Filter} expressions; see the grammar there. Parentheses and {@code not}
 * nest, and {@code and}/{@code or} chains deepen the tree, at most {@link Limits#maxParseDepth()} levels: each level
 * is a frame here and in every walk over the filter, so a hostile filter would otherwise overflow the stack.
 */
final class FilterParser {
  private final String text;
  private final int maxDepth = Limits.maxParseDepth();
  private int pos;
  /** Open parentheses and nots around the current position. */
  private int nesting;
  /** The depth of the tree the last parse method returned. */
  private int treeDepth;

  FilterParser(String text) {
    this.text = text;
  }

  Filter parse() {
    Filter filter = expression();
    skipSpace();
    if (pos < text.length()) {
      throw error("expected 'and', 'or' or the end");
    }
    return filter;
  }

  private Filter expression() {
    Filter left = term();
    int depth = treeDepth;
    while (keyword("or")) {
      Filter right = term();
      depth = deeper(Math.max(depth, treeDepth));
      left = new Filter.Or(left, right);
    }
    treeDepth = depth;
    return left;
  }

  private Filter term() {
    Filter left = factor();
    int depth = treeDepth;
    while (keyword("and")) {
      Filter right = factor();
      depth = deeper(Math.max(depth, treeDepth));
      left = new Filter.And(left, right);
    }
    treeDepth = depth;
    return left;
  }

  private Filter factor() {
    if (keyword("not")) {
      enter();
      Filter operand = factor();
      nesting--;
      treeDepth = deeper(treeDepth);
      return new Filter.Not(operand);
    }
    skipSpace();
    if (symbol("(")) {
      enter();
      Filter inner = expression();
      nesting--;
      if (!symbol(")")) {
        throw error("expected ')'");
      }
      return inner;
    }
    treeDepth = 1;
    String variable = word("a variable name");
    boolean negated = keyword("not");
    if (keyword("in")) {
      if (!symbol("(")) {
        throw error("expected '(' after 'in'");
      }
      List<String> values = new ArrayList<>();
      values.add(value());
      while (symbol(",")) {
        values.add(value());
      }
      if (!symbol(")")) {
        throw error("expected ',' or ')'");
      }
      return new Filter.In(variable, values, negated);
    }
    if (negated) {
      throw error("expected 'in' after 'not'");
    }
    Filter.Operator operator = operator();
    return new Filter.Compare(variable, operator, value());
  }

  private Filter.Operator operator() {
    skipSpace();
    for (String op : new String[] {"!=", "<=", ">=", "=", "<", ">"}) {
      if (text.startsWith(op, pos)) {
        pos += op.length();
        for (Filter.Operator candidate : Filter.Operator.values()) {
          if (candidate.symbol().equals(op)) {
            return candidate;
          }
        }
      }
    }
    throw error("expected a comparison (=, !=, <, <=, >, >=) or 'in'");
  }

  private String value() {
    skipSpace();
    if (pos < text.length() && (text.charAt(pos) == '"' || text.charAt(pos) == '\'')) {
      char quote = text.charAt(pos);
      int start = ++pos;
      StringBuilder value = new StringBuilder();
      while (pos < text.length() && text.charAt(pos) != quote) {
        if (text.charAt(pos) == '\\' && pos + 1 < text.length()) {
          pos++;
        }
        value.append(text.charAt(pos++));
      }
      if (pos >= text.length()) {
        pos = start - 1;
        throw error("unterminated quoted value");
      }
      pos++;
      return value.toString();
    }
    return word("a value");
  }

  private String word(String what) {
    skipSpace();
    int start = pos;
    while (pos < text.length() && isWordChar(text.charAt(pos))) {
      pos++;
    }
    if (start == pos) {
      throw error("expected " + what);
    }
    return text.substring(start, pos);
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '+';
  }

  private boolean keyword(String keyword) {
    skipSpace();
    int end = pos + keyword.length();
    if (end <= text.length() && text.substring(pos, end).toLowerCase(Locale.ROOT).equals(keyword)
        && (end == text.length() || !isWordChar(text.charAt(end)))) {
      pos = end;
      return true;
    }
    return false;
  }

  private boolean symbol(String symbol) {
    skipSpace();
    if (text.startsWith(symbol, pos)) {
      pos += symbol.length();
      return true;
    }
    return false;
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private void enter() {
    if (++nesting > maxDepth) {
      throw tooDeep();
    }
  }

  private int deeper(int depth) {
    if (depth + 1 > maxDepth) {
      throw tooDeep();
    }
    return depth + 1;
  }

  private IllegalArgumentException tooDeep() {
    return error("the filter nests deeper than " + maxDepth + " levels (parentheses, not, and chained and/or); "
        + "use 'in (...)' for a list of values, or if it is meant, raise the limit with -D" + Limits.MAX_PARSE_DEPTH
        + "=N");
  }

  private IllegalArgumentException error(String expected) {
    // a filter as long as a page is cut in the message
    String shown = text.length() <= 200 ? text : text.substring(0, 200) + "... (" + text.length() + " characters)";
    return new IllegalArgumentException(String.format(Locale.ROOT, "filter \"%s\": at position %d, %s", shown,
        pos + 1, expected));
  }
}
