package dev.insight.codeframe.transcript;

/** How turns are cut into segments for rule coding. */
public enum SegmentBy {
  /** One segment per turn. */
  TURN,
  /**
   * One segment per sentence of a turn (the JDK's sentence boundaries, root locale), so that a code marks the words
   * that carry it rather than a whole turn.
   */
  SENTENCE
}
