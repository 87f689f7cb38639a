package dev.insight.codeframe.coding;

import dev.insight.codeframe.Codeframe;
import java.time.Instant;

/**
 * Anything that codes comments into a {@link Coding} of one codeframe: a person's decisions
 * ({@link #manual(Coding)}), the frame's rules ({@code RuleCoder}), a learned model ({@code LearnedCoder.coder}).
 * Whatever the coder, the result is the same type with provenance on every assignment, so tables, agreement,
 * training and the report read them alike.
 */
public interface Coder {

  /**
   * The codeframe of the codings this coder gives.
   *
   * @return the frame
   */
  Codeframe codeframe();

  /**
   * Codes comments.
   *
   * @param comments the comments
   * @param at the time recorded in the provenance of the assignments made now
   * @return the coding of the comments this coder codes (a coder may leave some uncoded: a model below its
   *     confidence, a person who has not reached them)
   */
  Coding code(Comments comments, Instant at);

  /**
   * The coder of decisions already made by people (a coded file, the review page): it gives each comment the codes
   * decided for it, with their recorded provenance.
   *
   * @param decisions the decisions
   * @return the coder; it fails on comments that lack a coded unit of the decisions (a coded comment that is not in
   *     the data), so nothing is dropped silently
   */
  static Coder manual(Coding decisions) {
    return new ManualCoder(decisions);
  }
}
