package dev.insight.core.question;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A question put to participants. In JSON each question names its type in a {@code "type"} property from a fixed
 * list.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SingleChoice.class, name = "single-choice"),
    @JsonSubTypes.Type(value = MultipleChoice.class, name = "multiple-choice"),
    @JsonSubTypes.Type(value = OpenText.class, name = "open-text"),
    @JsonSubTypes.Type(value = NumericQuestion.class, name = "numeric"),
    @JsonSubTypes.Type(value = Scale.class, name = "scale"),
    @JsonSubTypes.Type(value = Ranking.class, name = "ranking")})
public sealed interface Question permits SingleChoice, MultipleChoice, OpenText, NumericQuestion, Scale, Ranking {

  /**
   * Its id, which is also the name of its variable in a dataset.
   *
   * @return the id
   */
  QuestionId id();

  /**
   * The wording, as asked.
   *
   * @return the text
   */
  String text();
}
