package dev.insight.examples.report;

import static com.google.common.base.Preconditions.checkArgument;

import dev.insight.codeframe.coding.Coding;

/**
 * How the open comments in a report were coded, so that the methods text says what was actually done: how many
 * comments a person coded, how many rules coded and how many a learned model coded.
 *
 * <p>{@link #unrecorded()} is for data that arrive already coded with no record of how: the report then says the
 * method was not recorded rather than guessing.
 *
 * @param byPerson comments coded (or checked and corrected) by a person
 * @param byRules comments coded by keyword or pattern rules
 * @param byModel comments coded by a learned model
 */
public record CommentCoding(int byPerson, int byRules, int byModel) {
  /**
   * Validates the counts.
   *
   * @param byPerson comments coded by a person
   * @param byRules comments coded by rules
   * @param byModel comments coded by a learned model
   */
  public CommentCoding {
    checkArgument(byPerson >= 0 && byRules >= 0 && byModel >= 0,
        "comment coding counts cannot be negative: person %s, rules %s, model %s", byPerson, byRules, byModel);
  }

  /**
   * Coding with no record of how it was done.
   *
   * @return all counts zero
   */
  public static CommentCoding unrecorded() {
    return new CommentCoding(0, 0, 0);
  }

  /**
   * Every one of {@code comments} coded one way.
   *
   * @param method "person", "rules" or "model"
   * @param comments the number of comments
   * @return the coding
   * @throws IllegalArgumentException for another method
   */
  public static CommentCoding all(String method, int comments) {
    return switch (method) {
      case "person" -> new CommentCoding(comments, 0, 0);
      case "rules" -> new CommentCoding(0, comments, 0);
      case "model" -> new CommentCoding(0, 0, comments);
      default -> throw new IllegalArgumentException("coding method must be person, rules or model, not \""
          + method + "\"");
    };
  }

  /**
   * How a coding's comments were coded, from the provenance of its assignments (see
   * {@link Coding#unitsBySource()}: a comment counts for a person if a person gave any of its codes, else for rules if
   * a rule did, else for the model).
   *
   * @param coding the coding
   * @return the counts
   */
  public static CommentCoding of(Coding coding) {
    Coding.SourceCounts by = coding.unitsBySource();
    return new CommentCoding(by.person(), by.rule(), by.model());
  }

  /**
   * Whether anything about the coding method is recorded.
   *
   * @return false for {@link #unrecorded()}
   */
  public boolean recorded() {
    return byPerson + byRules + byModel > 0;
  }

  /**
   * One sentence on how the comments were coded, for the methods text.
   *
   * @param comments the number of comments in the report
   * @param codes the number of codes in the codeframe
   * @return the sentence
   */
  String describe(int comments, int codes) {
    String frame = "a codeframe of " + codes + (codes == 1 ? " code" : " codes");
    if (!recorded()) {
      return "The " + comments + " comments arrived coded with " + frame + "; how they were coded (by a person, by "
          + "rules or by a learned model) was not recorded with the data.";
    }
    if (byPerson == comments && byRules + byModel == 0) {
      return "Every one of the " + comments + " comments was read and coded by a person with " + frame + ".";
    }
    if (byRules == comments && byPerson + byModel == 0) {
      return "All " + comments + " comments were coded by keyword rules with " + frame + "; no person read them.";
    }
    if (byModel == comments && byPerson + byRules == 0) {
      return "All " + comments + " comments were coded by a learned model with " + frame + "; no person read "
          + "them.";
    }
    java.util.List<String> parts = new java.util.ArrayList<>();
    if (byPerson > 0) {
      parts.add(byPerson + " read and coded by a person");
    }
    if (byRules > 0) {
      parts.add(byRules + " coded by keyword rules");
    }
    if (byModel > 0) {
      parts.add(byModel + " coded by a learned model");
    }
    String how = parts.size() == 1 ? parts.get(0) : String.join(", ", parts.subList(0, parts.size() - 1))
        + " and " + parts.get(parts.size() - 1);
    return "Of the " + comments + " comments, " + how + ", with " + frame + ".";
  }
}
