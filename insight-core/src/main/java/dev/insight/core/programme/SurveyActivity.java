package dev.insight.core.programme;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.internal.Check;
import dev.insight.core.question.Question;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A survey: a questionnaire answered by many people, analysed as a dataset.
 *
 * @param id its id
 * @param title a short title
 * @param period fieldwork dates, or null
 * @param mode how it was fielded, such as "online"
 * @param audiences the audiences it heard
 * @param organisations the organisations whose people answered
 * @param principle the principle it is reported under, or null
 * @param responses the number of responses received
 * @param questions the questionnaire
 */
public record SurveyActivity(ActivityId id, String title, @Nullable Period period, String mode,
    List<AudienceId> audiences, List<OrganisationId> organisations, @Nullable PrincipleId principle, int responses,
    List<Question> questions) implements Activity {

  /**
   * Validates and copies.
   *
   * @param id its id
   * @param title a short title
   * @param period fieldwork dates, or null
   * @param mode how it was fielded, such as "online"
   * @param audiences the audiences it heard
   * @param organisations the organisations whose people answered
   * @param principle the principle it is reported under, or null
   * @param responses the number of responses received
   * @param questions the questionnaire
   */
  public SurveyActivity {
    checkNotNull(id, "id");
    Check.text(title, "survey title");
    Check.text(mode, "survey mode");
    checkArgument(responses >= 0, "survey %s: responses cannot be negative: %s", id, responses);
    audiences = Check.list(audiences);
    organisations = Check.list(organisations);
    questions = Check.list(questions);
  }

  @Override
  public String kindLabel() {
    return "survey";
  }
}
