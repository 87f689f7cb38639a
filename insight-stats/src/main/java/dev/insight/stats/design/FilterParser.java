package dev.insight.stats.design;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A recursive-descent parser for {@link Filter} expressions; see the grammar there. */
final class FilterParser {
  private final String text;
  private int pos;

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
    while (keyword("or")) {
      left = new Filter.Or(left, term());
    }
    return left;
  }

  private Filter term() {
    Filter left = factor();
    while (keyword("and")) {
      left = new Filter.And(left, factor());
    }
    return left;
  }

  private Filter factor() {
    if (keyword("not")) {
      return new Filter.Not(factor());
    }
    skipSpace();
    if (symbol("(")) {
      Filter inner = expression();
      if (!symbol(")")) {
        throw error("expected ')'");
      }
      return inner;
    }
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

  private IllegalArgumentException error(String expected) {
    return new IllegalArgumentException(String.format(Locale.ROOT, "filter \"%s\": at position %d, %s", text,
        pos + 1, expected));
  }
}
