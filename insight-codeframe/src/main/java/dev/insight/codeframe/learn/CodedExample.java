package dev.insight.codeframe.learn;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.codeframe.CodeId;
import java.util.Set;

/**
 * One comment and the codes a person gave it, with its context: what the comment answers (the question), when the
 * same words mean different codes in different contexts ("Nothing" after "What was good?" and after "What could we
 * do better?").
 *
 * @param text the comment (may be empty)
 * @param codes the codes given (may be empty: no code applied)
 * @param context the comment's context, e.g. the question it answers; empty for none
 */
public record CodedExample(String text, Set<CodeId> codes, String context) {

  /**
   * Validates and copies the codes.
   *
   * @param text the comment (may be empty)
   * @param codes the codes given (may be empty: no code applied)
   * @param context the comment's context, e.g. the question it answers; empty for none
   */
  public CodedExample {
    checkNotNull(text, "text");
    checkNotNull(context, "context");
    codes = Set.copyOf(codes);
  }

  /**
   * A comment with its codes and no context.
   *
   * @param text the comment (may be empty)
   * @param codes the codes given (may be empty: no code applied)
   */
  public CodedExample(String text, Set<CodeId> codes) {
    this(text, codes, "");
  }

  /**
   * A comment with its codes.
   *
   * @param text the comment
   * @param codes the codes
   * @return the example
   */
  public static CodedExample of(String text, CodeId... codes) {
    return new CodedExample(text, Set.of(codes));
  }
}
