package dev.insight.core.question;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.internal.Check;
import java.util.List;

/**
 * A rating scale with labelled points (a Likert item, the Friends and Family Test's five points).
 *
 * @param id its id
 * @param text the wording
 * @param points the points from lowest to highest value, values strictly increasing
 */
public record Scale(QuestionId id, String text, List<ScalePoint> points) implements Question {

  /**
   * Validates and copies.
   *
   * @param id its id
   * @param text the wording
   * @param points the points from lowest to highest value, values strictly increasing
   */
  public Scale {
    checkNotNull(id, "id");
    Check.text(text, "question text");
    points = Check.list(points);
    checkArgument(points.size() >= 2, "question %s: a scale needs at least two points, has %s", id, points.size());
    for (int i = 1; i < points.size(); i++) {
      checkArgument(points.get(i).value() > points.get(i - 1).value(),
          "question %s: scale values must increase, but %s follows %s", id, points.get(i).value(),
          points.get(i - 1).value());
    }
  }
}
