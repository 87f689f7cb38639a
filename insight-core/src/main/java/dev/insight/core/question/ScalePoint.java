package dev.insight.core.question;

import dev.insight.core.internal.Check;

/**
 * One labelled point of a scale.
 *
 * @param value the score, such as 1 to 5
 * @param label the label, such as "Very confident"
 */
public record ScalePoint(int value, String label) {

  /**
   * Validates.
   *
   * @param value the score, such as 1 to 5
   * @param label the label, such as "Very confident"
   */
  public ScalePoint {
    Check.text(label, "scale point label");
  }
}
