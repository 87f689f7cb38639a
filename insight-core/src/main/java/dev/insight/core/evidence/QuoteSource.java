package dev.insight.core.evidence;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.data.RespondentId;
import dev.insight.core.programme.ActivityId;
import dev.insight.core.programme.ParticipantId;
import org.jspecify.annotations.Nullable;

/**
 * Where a quote came from, precisely enough to go back to it.
 *
 * @param activity the activity (focus group, survey, source study...)
 * @param participant the participant who said it, or null (a survey respondent, a published study)
 * @param respondent the survey respondent who wrote it, or null
 * @param locator where in the source: a transcript time such as "00:12:31", a page, or null
 */
public record QuoteSource(ActivityId activity, @Nullable ParticipantId participant, @Nullable RespondentId respondent,
    @Nullable String locator) {

  /**
   * Validates.
   *
   * @param activity the activity (focus group, survey, source study...)
   * @param participant the participant who said it, or null (a survey respondent, a published study)
   * @param respondent the survey respondent who wrote it, or null
   * @param locator where in the source: a transcript time such as "00:12:31", a page, or null
   */
  public QuoteSource {
    checkNotNull(activity, "activity");
  }

  /**
   * A source that is just an activity.
   *
   * @param activity the activity
   * @return the source
   */
  public static QuoteSource of(ActivityId activity) {
    return new QuoteSource(activity, null, null, null);
  }
}
