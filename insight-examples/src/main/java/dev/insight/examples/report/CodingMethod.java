package dev.insight.examples.report;

import static com.google.common.base.Preconditions.checkArgument;

import dev.insight.codeframe.coding.Assignment;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.UnitId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How the open comments in a report were coded, read from the provenance of the {@link Coding}'s assignments, for
 * the methods text: a comment counts for a person if a person gave any of its codes, else for rules if a rule did,
 * else for a model; a comment given no code is counted on its own (the provenance of "no code" is not recorded).
 * Without a coding the method is not recorded, and the report says so rather than guessing.
 *
 * @param recorded whether a coding was given
 * @param comments the comments in the report (respondents with an answer to the open question)
 * @param codes the codes of the codeframe
 * @param person comments with a code from a person
 * @param rules comments coded by rules alone
 * @param model comments coded by a model (and perhaps rules), no person
 * @param uncoded comments in the coding given no code
 */
record CodingMethod(boolean recorded, int comments, int codes, int person, int rules, int model, int uncoded) {
  CodingMethod {
    checkArgument(comments >= 0 && codes >= 0 && person >= 0 && rules >= 0 && model >= 0 && uncoded >= 0,
        "coding counts cannot be negative: %s comments, %s codes, %s, %s, %s, %s", comments, codes, person, rules,
        model, uncoded);
  }

  static CodingMethod of(@Nullable Coding coding, int comments, int codes) {
    if (coding == null) {
      return new CodingMethod(false, comments, codes, 0, 0, 0, 0);
    }
    Coding.SourceCounts by = coding.unitsBySource();
    int uncoded = 0;
    for (UnitId unit : coding.units()) {
      List<Assignment> assignments = coding.assignments(unit);
      if (assignments.isEmpty()) {
        uncoded++;
      }
    }
    // Coding counts a unit with no code as a person's (someone looked at it); here it is said on its own
    return new CodingMethod(true, comments, codes, by.person() - uncoded, by.rule(), by.model(), uncoded);
  }

  /** Whether every comment was coded one way ({@code "person"}, {@code "rules"}, {@code "model"}), or null. */
  public @Nullable String only() {
    if (!recorded || uncoded > 0) {
      return null;
    }
    if (person == comments && rules + model == 0) {
      return "person";
    }
    if (rules == comments && person + model == 0) {
      return "rules";
    }
    return model == comments && person + rules == 0 ? "model" : null;
  }

  /** A kind of coder ("person", "rules", "model", or "none" for comments given no code) and its comments. */
  record Part(String kind, int count) {}

  /** The kinds of coder with comments, in the order person, rules, model, none. */
  public List<Part> parts() {
    List<Part> parts = new java.util.ArrayList<>();
    if (person > 0) {
      parts.add(new Part("person", person));
    }
    if (rules > 0) {
      parts.add(new Part("rules", rules));
    }
    if (model > 0) {
      parts.add(new Part("model", model));
    }
    if (uncoded > 0) {
      parts.add(new Part("none", uncoded));
    }
    return parts;
  }
}
