package dev.insight.bank;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.evidence.Consent;
import dev.insight.core.programme.ActivityId;
import java.util.List;

/**
 * The coded comments of one activity of a programme (usually a survey's open question), added to the bank with it.
 *
 * @param activity the activity the comments come from; must be defined in the programme
 * @param question the open question, such as "Any comments on the priorities overall?"
 * @param consent whether the respondents agreed to their words being shown: comments without {@link Consent#GIVEN}
 *     are kept with their themes only, their words neither stored nor searchable
 * @param comments the comments
 */
public record CommentSet(ActivityId activity, String question, Consent consent, List<CodedComment> comments) {
  /**
   * Validates and copies.
   *
   * @param activity the activity
   * @param question the open question
   * @param consent whether the words may be shown
   * @param comments the comments
   */
  public CommentSet {
    checkNotNull(activity, "activity");
    dev.insight.core.internal.Check.text(question, "comment question");
    checkNotNull(consent, "consent");
    comments = List.copyOf(comments);
  }
}
