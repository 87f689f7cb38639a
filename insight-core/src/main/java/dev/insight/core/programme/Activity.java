package dev.insight.core.programme;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One way a programme heard people. In JSON each activity names its kind in a {@code "kind"} property: the type
 * names are fixed here, so a data file can never name a class to instantiate.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SurveyActivity.class, name = "survey"),
    @JsonSubTypes.Type(value = FocusGroup.class, name = "focus-group"),
    @JsonSubTypes.Type(value = Interview.class, name = "interview"),
    @JsonSubTypes.Type(value = Workshop.class, name = "workshop"),
    @JsonSubTypes.Type(value = Meeting.class, name = "meeting"),
    @JsonSubTypes.Type(value = SourceStudy.class, name = "source-study"),
    @JsonSubTypes.Type(value = Panel.class, name = "panel")})
public sealed interface Activity
    permits SurveyActivity, FocusGroup, Interview, Workshop, Meeting, SourceStudy, Panel {

  /**
   * Its id.
   *
   * @return the id
   */
  ActivityId id();

  /**
   * A short title.
   *
   * @return the title
   */
  String title();

  /**
   * When it took place, if known.
   *
   * @return the period or null
   */
  @Nullable Period period();

  /**
   * The audiences it heard.
   *
   * @return audience ids
   */
  List<AudienceId> audiences();

  /**
   * The organisations that took part or were represented.
   *
   * @return organisation ids
   */
  List<OrganisationId> organisations();

  /**
   * The engagement principle it is reported under, if any.
   *
   * @return the principle id or null
   */
  @Nullable PrincipleId principle();

  /**
   * The participants heard individually (focus-group members, interviewees); empty for activities that count
   * people without naming them.
   *
   * @return participant ids
   */
  default List<ParticipantId> participants() {
    return List.of();
  }

  /**
   * A readable name of the kind, such as "focus group".
   *
   * @return the kind
   */
  String kindLabel();

  /**
   * When it took place.
   *
   * @return the period, or empty when not known
   */
  default Optional<Period> when() {
    return Optional.ofNullable(period());
  }
}
