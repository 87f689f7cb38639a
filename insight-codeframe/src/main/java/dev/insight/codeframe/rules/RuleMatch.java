package dev.insight.codeframe.rules;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.codeframe.CodeId;
import java.util.List;

/**
 * Why a comment got a code: the code's rule and the words of the comment that satisfied it.
 *
 * @param code the code assigned
 * @param rule the rule as written in the codeframe
 * @param words the words of the comment that satisfied the rule, as written in the comment, in comment order
 */
public record RuleMatch(CodeId code, String rule, List<String> words) {

  /**
   * Validates the parts and copies the words.
   *
   * @param code the code assigned
   * @param rule the rule as written in the codeframe
   * @param words the words of the comment that satisfied the rule, as written in the comment, in comment order
   */
  public RuleMatch {
    checkNotNull(code, "code");
    checkNotNull(rule, "rule");
    words = List.copyOf(words);
  }
}
