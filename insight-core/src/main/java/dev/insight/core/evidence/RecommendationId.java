package dev.insight.core.evidence;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The identifier of a recommendation.
 *
 * @param value the identifier; never blank
 */
public record RecommendationId(@JsonValue String value) {

  /**
   * Validates that the value is present and not blank.
   *
   * @param value the identifier; never blank
   */
  public RecommendationId {
    dev.insight.core.internal.Check.id(value, "RecommendationId");
  }

  /**
   * The id with this value.
   *
   * @param value the identifier
   * @return the id
   */
  @JsonCreator
  public static RecommendationId of(String value) {
    return new RecommendationId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
