package dev.insight.codeframe.rules;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.codeframe.Code;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.Reserved;
import dev.insight.codeframe.coding.Coder;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.Comments;
import dev.insight.codeframe.coding.Provenance;
import dev.insight.codeframe.coding.UnitId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Codes comments with one rule per code. Thread-safe: each thread matches with its own working memory.
 *
 * <h2>Rule syntax</h2>
 * <ul>
 *   <li>{@code rude} a word; matched by stem, so {@code wait} matches "waiting", "waited", "waits"; case and accents
 *       do not matter ("Café" matches {@code cafe})</li>
 *   <li>{@code "waiting list"} a phrase: the words next to each other, in order</li>
 *   <li>{@code nurs*} a prefix of the word as written (not stemmed): "nurse", "nurses", "nursing"</li>
 *   <li>{@code staff AND rude}, {@code staff rude} (AND is implied between neighbours), {@code rude OR abrupt},
 *       {@code staff NOT agency}, parentheses {@code (rude OR abrupt) AND (nurs* OR doctor)}; operators are upper
 *       case, so "and", "or", "not" are words</li>
 *   <li>{@code wait* NEAR/5 phone} both within 5 words of each other, either order; operands are words,
 *       phrases, prefixes or {@code (a OR b)} groups</li>
 * </ul>
 * A rule with an error fails with a {@link RuleSyntaxException} naming the code and the position.
 *
 * <h2>Reserved codes</h2>
 * A blank comment gets the frame's {@link Reserved#NO_ANSWER} code when the frame has one (rule {@code (blank)}). A
 * none-code matched by its rule is kept only when no other code matched (the none-codes exclude every other code);
 * when several none-codes match, the first in the frame's order is kept.
 */
public final class RuleCoder implements Coder {
  static final String BLANK = "(blank)";

  private final Codeframe codeframe;
  private final RuleIndex index;
  private final boolean[] exclusive;
  private final Optional<CodeId> noAnswer;

  private RuleCoder(Codeframe codeframe, List<CodeId> codes, List<String> texts) {
    this.codeframe = codeframe;
    this.index = new RuleIndex(codes, texts);
    this.exclusive = new boolean[codes.size()];
    for (int i = 0; i < codes.size(); i++) {
      exclusive[i] = codeframe.code(codes.get(i)).isExclusive();
    }
    this.noAnswer = codeframe.reserved(Reserved.NO_ANSWER).map(Code::id);
  }

  /**
   * A coder with the rules written in the codeframe ({@link Code#rule()}); codes without a rule are never given.
   *
   * @param codeframe the frame
   * @return the coder
   * @throws RuleSyntaxException naming the code and position of the first rule that cannot be parsed
   * @throws IllegalArgumentException when a net that is not codable has a rule
   */
  public static RuleCoder of(Codeframe codeframe) {
    Map<CodeId, String> rules = new LinkedHashMap<>();
    for (Code code : codeframe.codes()) {
      if (code.rule() != null) {
        rules.put(code.id(), code.rule());
      }
    }
    return of(codeframe, rules);
  }

  /**
   * A coder with rules given apart from the codeframe.
   *
   * @param codeframe the frame
   * @param rules a rule per code; codes not in the map are never given
   * @return the coder
   * @throws RuleSyntaxException naming the code and position of the first rule that cannot be parsed
   * @throws IllegalArgumentException when a code is not in the frame or not codable
   */
  public static RuleCoder of(Codeframe codeframe, Map<CodeId, String> rules) {
    checkNotNull(codeframe, "codeframe");
    List<CodeId> codes = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (Code code : codeframe.codes()) {
      String rule = rules.get(code.id());
      if (rule != null) {
        checkArgument(code.codable(), "code %s is a net that cannot be coded, so it cannot have a rule", code.id());
        codes.add(code.id());
        texts.add(rule);
      }
    }
    for (CodeId id : rules.keySet()) {
      checkArgument(codeframe.contains(id), "rule for unknown code %s (not in codeframe %s)", id, codeframe.name());
    }
    return new RuleCoder(codeframe, codes, texts);
  }

  /**
   * Checks a rule's syntax without building a coder.
   *
   * @param code the code the rule is for (named in the error)
   * @param rule the rule
   * @throws RuleSyntaxException when the rule cannot be parsed
   */
  public static void check(CodeId code, String rule) {
    new RuleIndex(List.of(code), List.of(rule));
  }

  /**
   * The frame.
   *
   * @return the frame
   */
  @Override
  public Codeframe codeframe() {
    return codeframe;
  }

  /**
   * The number of rules.
   *
   * @return the number of codes with a rule
   */
  public int ruleCount() {
    return index.rules.length;
  }

  /**
   * The codes a comment gets, without explanations (the fast path).
   *
   * @param comment the comment
   * @return the codes in the frame's order
   */
  public List<CodeId> codes(String comment) {
    if (comment.isBlank()) {
      return noAnswer.map(List::of).orElse(List.of());
    }
    Scratch s = index.run(comment);
    int kept = keep(s);
    List<CodeId> result = new ArrayList<>(kept);
    for (int i = 0; i < s.matched.size; i++) {
      int r = s.matched.data[i];
      if (r >= 0) {
        result.add(index.codes[r]);
      }
    }
    return result;
  }

  /**
   * The number of codes a comment gets; allocates nothing (for throughput measurements and counting).
   *
   * @param comment the comment
   * @return the number of codes
   */
  public int count(String comment) {
    if (comment.isBlank()) {
      return noAnswer.isPresent() ? 1 : 0;
    }
    return keep(index.run(comment));
  }

  /**
   * The number of codes a comment gets when every rule is evaluated, without the inverted index: the baseline the
   * index is measured against. Same result as {@link #count(String)}.
   *
   * @param comment the comment
   * @return the number of codes
   */
  public int countWithoutIndex(String comment) {
    if (comment.isBlank()) {
      return noAnswer.isPresent() ? 1 : 0;
    }
    return keep(index.runWithoutIndex(comment));
  }

  /**
   * The codes a comment gets, each with the rule and the words of the comment that matched it.
   *
   * @param comment the comment
   * @return the matches in the frame's order
   */
  public List<RuleMatch> match(String comment) {
    if (comment.isBlank()) {
      return noAnswer.map(id -> List.of(new RuleMatch(id, BLANK, List.of()))).orElse(List.of());
    }
    Scratch s = index.run(comment);
    keep(s);
    List<RuleMatch> result = new ArrayList<>();
    for (int i = 0; i < s.matched.size; i++) {
      int r = s.matched.data[i];
      if (r >= 0) {
        result.add(new RuleMatch(index.codes[r], index.texts[r], index.words(s, r, comment)));
      }
    }
    return result;
  }

  /**
   * Codes comments into a {@link Coding} whose assignments carry the rule and the matched words.
   *
   * @param comments the comment of each unit, in order
   * @param at the time recorded as when the rules were applied
   * @return the coding; every unit is in it, those matching no rule with no code
   */
  public Coding code(Map<UnitId, String> comments, Instant at) {
    checkNotNull(comments, "comments");
    Coding.Builder builder = Coding.builder(codeframe);
    for (Map.Entry<UnitId, String> entry : comments.entrySet()) {
      builder.unit(entry.getKey());
      for (RuleMatch match : match(entry.getValue())) {
        builder.assign(entry.getKey(), match.code(), new Provenance.Rule(match.rule(), match.words(), at));
      }
    }
    return builder.build();
  }

  /**
   * Codes comments into a {@link Coding}, as {@link #code(Map, Instant)} does.
   *
   * @param comments the comments (contexts are ignored)
   * @param at the time recorded as when the rules were applied
   * @return the coding; every comment is in it, those matching no rule with no code
   */
  @Override
  public Coding code(Comments comments, Instant at) {
    checkNotNull(comments, "comments");
    return code(comments.byUnit(), at);
  }

  /** Applies the none-code exclusivity to the matched rules (dropped ones become -1); returns how many are kept. */
  private int keep(Scratch s) {
    int substantive = 0;
    for (int i = 0; i < s.matched.size; i++) {
      if (!exclusive[s.matched.data[i]]) {
        substantive++;
      }
    }
    if (substantive == s.matched.size) {
      return substantive;
    }
    boolean keptNone = false;
    for (int i = 0; i < s.matched.size; i++) {
      int r = s.matched.data[i];
      if (exclusive[r]) {
        if (substantive > 0 || keptNone) {
          s.matched.data[i] = -1;
        } else {
          keptNone = true;
        }
      }
    }
    return substantive > 0 ? substantive : 1;
  }
}
