package dev.insight.codeframe.learn;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.codeframe.CodeId;
import java.util.Set;

/**
 * One comment and the codes a person gave it.
 *
 * @param text the comment (may be empty)
 * @param codes the codes given (may be empty: no code applied)
 */
public record CodedExample(String text, Set<CodeId> codes) {

  /**
   * Validates and copies the codes.
   *
   * @param text the comment (may be empty)
   * @param codes the codes given (may be empty: no code applied)
   */
  public CodedExample {
    checkNotNull(text, "text");
    codes = Set.copyOf(codes);
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
