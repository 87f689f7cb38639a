package dev.insight.codeframe.rules;

import dev.insight.codeframe.CodeId;
import dev.insight.core.internal.Limits;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the rule syntax into a tree whose leaves are still text ({@link Ast}); {@link RuleIndex} then analyses the
 * leaves and gives them term ids.
 *
 * <p>Grammar, loosest binding first (operators are upper case, so "and", "or", "not" and "near" in lower case are
 * ordinary words):
 * <pre>
 *   or      := and ( "OR" and )*
 *   and     := unary ( ["AND"] unary )*          two operands side by side are joined by AND
 *   unary   := "NOT" unary | near
 *   near    := primary ( "NEAR/" n primary )*     at most n words between the two, either order
 *   primary := "(" or ")" | '"' words '"' | word | prefix "*"
 * </pre>
 * Parentheses, NOTs and chained NEARs nest at most {@link Limits#maxParseDepth()} deep (100 unless raised).
 */
final class RuleParser {
  private enum Kind { LPAREN, RPAREN, AND, OR, NOT, NEAR, PHRASE, WORD, PREFIX, END }

  private record Token(Kind kind, String text, int position, int distance) {}

  /** The parsed rule before analysis. */
  sealed interface Ast {}

  /** A single word (may analyse to several tokens, then it is a phrase). */
  record Word(String text, int position) implements Ast {}

  /** A quoted phrase. */
  record Phrase(String text, int position) implements Ast {}

  /** A word prefix, without its star. */
  record Prefix(String text, int position) implements Ast {}

  /** All operands. */
  record And(List<Ast> operands) implements Ast {}

  /** Any operand. */
  record Or(List<Ast> operands) implements Ast {}

  /** Not the operand. */
  record Not(Ast operand) implements Ast {}

  /** Both operands within a distance. */
  record Near(Ast left, Ast right, int distance, int position) implements Ast {}

  private final CodeId code;
  private final String rule;
  private final List<Token> tokens;
  private final int maxDepth = Limits.maxParseDepth();
  private int next;
  /** How deep the parse is: open parentheses and NOTs around the current token. */
  private int depth;

  private RuleParser(CodeId code, String rule) {
    this.code = code;
    this.rule = rule;
    this.tokens = lex();
  }

  static Ast parse(CodeId code, String rule) {
    RuleParser parser = new RuleParser(code, rule);
    if (parser.peek().kind == Kind.END) {
      throw parser.error(1, "the rule is empty");
    }
    Ast ast = parser.or();
    Token extra = parser.peek();
    if (extra.kind != Kind.END) {
      throw parser.error(extra.position, extra.kind == Kind.RPAREN ? "')' without a matching '('"
          : "unexpected " + describe(extra));
    }
    return ast;
  }

  RuleSyntaxException error(int position, String problem) {
    return new RuleSyntaxException(code, rule, position, problem);
  }

  private List<Token> lex() {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = rule.length();
    while (i < n) {
      char c = rule.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(') {
        out.add(new Token(Kind.LPAREN, "(", i + 1, 0));
        i++;
      } else if (c == ')') {
        out.add(new Token(Kind.RPAREN, ")", i + 1, 0));
        i++;
      } else if (c == '"') {
        int close = rule.indexOf('"', i + 1);
        if (close < 0) {
          throw error(i + 1, "unclosed quote");
        }
        out.add(new Token(Kind.PHRASE, rule.substring(i + 1, close), i + 1, 0));
        i = close + 1;
      } else {
        int start = i;
        while (i < n && !Character.isWhitespace(rule.charAt(i)) && "()\"".indexOf(rule.charAt(i)) < 0) {
          i++;
        }
        out.add(word(rule.substring(start, i), start + 1));
      }
    }
    out.add(new Token(Kind.END, "", n + 1, 0));
    return out;
  }

  private Token word(String text, int position) {
    switch (text) {
      case "AND":
        return new Token(Kind.AND, text, position, 0);
      case "OR":
        return new Token(Kind.OR, text, position, 0);
      case "NOT":
        return new Token(Kind.NOT, text, position, 0);
      default:
        break;
    }
    if (text.startsWith("NEAR")) {
      if (!text.matches("NEAR/[0-9]{1,4}")) {
        throw error(position, "NEAR needs a distance in words, such as NEAR/5, not '" + text + "'");
      }
      return new Token(Kind.NEAR, text, position, Integer.parseInt(text.substring(5)));
    }
    int star = text.indexOf('*');
    if (star >= 0) {
      if (star != text.length() - 1) {
        throw error(position + star, "'*' may only end a word (a prefix such as nurs*)");
      }
      if (star == 0) {
        throw error(position, "'*' needs a prefix before it (such as nurs*)");
      }
      return new Token(Kind.PREFIX, text.substring(0, star), position, 0);
    }
    return new Token(Kind.WORD, text, position, 0);
  }

  private Token peek() {
    return tokens.get(next);
  }

  private static String describe(Token token) {
    switch (token.kind) {
      case END:
        return "end of rule";
      case PHRASE:
        return "phrase \"" + token.text + "\"";
      case WORD:
        return "word '" + token.text + "'";
      case PREFIX:
        return "prefix '" + token.text + "*'";
      default:
        return "'" + token.text + "'";
    }
  }

  private Ast or() {
    List<Ast> operands = new ArrayList<>();
    operands.add(and());
    while (peek().kind == Kind.OR) {
      next++;
      operands.add(and());
    }
    return operands.size() == 1 ? operands.get(0) : new Or(operands);
  }

  private Ast and() {
    List<Ast> operands = new ArrayList<>();
    operands.add(unary());
    while (true) {
      Kind kind = peek().kind;
      if (kind == Kind.AND) {
        next++;
        operands.add(unary());
      } else if (kind == Kind.NOT || kind == Kind.LPAREN || kind == Kind.WORD || kind == Kind.PHRASE
          || kind == Kind.PREFIX) {
        operands.add(unary());
      } else {
        break;
      }
    }
    return operands.size() == 1 ? operands.get(0) : new And(operands);
  }

  private Ast unary() {
    if (peek().kind == Kind.NOT) {
      Token not = tokens.get(next++);
      enter(not.position, 0);
      Ast operand = unary();
      depth--;
      return new Not(operand);
    }
    return near();
  }

  /**
   * Goes one level deeper, refusing a rule nested past the limit: each level is a frame of this parser and of every
   * walk over the tree, so a hostile rule of ten thousand '(' would otherwise overflow the stack.
   */
  private void enter(int position, int chained) {
    if (++depth + chained > maxDepth) {
      throw error(position, "the rule nests deeper than " + maxDepth + " levels (parentheses, NOT and chained NEAR); "
          + "simplify it, or if it is meant, raise the limit with -D" + Limits.MAX_PARSE_DEPTH + "=N");
    }
  }

  private Ast near() {
    Ast left = primary();
    int links = 0;
    while (peek().kind == Kind.NEAR) {
      Token op = tokens.get(next++);
      // a chain of NEARs is a tree as deep as it is long
      enter(op.position, ++links);
      depth--;
      int rightAt = peek().position;
      Ast right = primary();
      checkSpan(left, op.position);
      checkSpan(right, rightAt);
      left = new Near(left, right, op.distance, op.position);
    }
    return left;
  }

  private void checkSpan(Ast ast, int position) {
    if (ast instanceof Word || ast instanceof Phrase || ast instanceof Prefix || ast instanceof Near) {
      return;
    }
    if (ast instanceof Or or) {
      for (Ast operand : or.operands()) {
        checkSpan(operand, position);
      }
      return;
    }
    throw error(position, "NEAR joins words, phrases, prefixes or (a OR b) groups, not AND or NOT");
  }

  private Ast primary() {
    Token token = tokens.get(next);
    switch (token.kind) {
      case LPAREN: {
        next++;
        if (peek().kind == Kind.RPAREN) {
          throw error(peek().position, "empty parentheses");
        }
        enter(token.position, 0);
        Ast inner = or();
        depth--;
        if (peek().kind != Kind.RPAREN) {
          throw error(peek().position, "expected ')' to close the '(' at position " + token.position
              + " but found " + describe(peek()));
        }
        next++;
        return inner;
      }
      case WORD:
        next++;
        return new Word(token.text, token.position);
      case PHRASE:
        next++;
        return new Phrase(token.text, token.position);
      case PREFIX:
        next++;
        return new Prefix(token.text, token.position);
      default:
        Token previous = next > 0 ? tokens.get(next - 1) : null;
        if ((token.kind == Kind.END || token.kind == Kind.RPAREN) && previous != null
            && (previous.kind == Kind.AND || previous.kind == Kind.OR || previous.kind == Kind.NOT
                || previous.kind == Kind.NEAR)) {
          throw error(previous.position, "'" + previous.text + "' needs a word, \"phrase\", prefix* or '(' after it");
        }
        throw error(token.position, "expected a word, \"phrase\", prefix* or '(' but found " + describe(token));
    }
  }
}
