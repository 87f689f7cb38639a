package dev.insight.core.evidence;

/** How far a response to what people said has got. */
public enum ResponseStatus {
  /** Proposed, not yet agreed. */
  PROPOSED,
  /** Agreed by the decision makers. */
  AGREED,
  /** Being put into effect. */
  IN_PROGRESS,
  /** Done: the change is made. */
  DONE,
  /** Considered and not taken forward; the response says why. */
  NOT_TAKEN_FORWARD
}
