package dev.insight.codeframe.rules;

import dev.insight.codeframe.CodeId;

/**
 * A coding rule that cannot be parsed. The message names the code, the 1-based character position in the rule and
 * what was expected; readers of codeframe files add the file and line.
 */
public final class RuleSyntaxException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient CodeId code;
  /** The 1-based character position of the problem in the rule. */
  private final int position;
  /** What is wrong. */
  private final String problem;
  /** The rule as written. */
  private final String rule;

  RuleSyntaxException(CodeId code, String rule, int position, String problem) {
    super("code " + code + ": rule syntax error at position " + position + ": " + problem + " in rule '"
        + abbreviate(rule) + "'");
    this.code = code;
    this.rule = rule;
    this.position = position;
    this.problem = problem;
  }

  /** A rule as long as a page is cut in the message (the whole rule stays in {@link #rule()}). */
  private static String abbreviate(String rule) {
    return rule.length() <= 200 ? rule : rule.substring(0, 200) + "... (" + rule.length() + " characters)";
  }

  /**
   * The code whose rule is wrong.
   *
   * @return the code
   */
  public CodeId code() {
    return code;
  }

  /**
   * The 1-based character position in the rule where the problem is.
   *
   * @return the position
   */
  public int position() {
    return position;
  }

  /**
   * What is wrong, without the code and position.
   *
   * @return the problem
   */
  public String problem() {
    return problem;
  }

  /**
   * The rule as written.
   *
   * @return the rule text
   */
  public String rule() {
    return rule;
  }
}
