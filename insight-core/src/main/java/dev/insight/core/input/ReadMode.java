package dev.insight.core.input;

/** What a reader does on bad input. */
public enum ReadMode {
  /** Stop at the first problem with an {@link InvalidInputException} naming it. The default. */
  STRICT,
  /**
   * Read everything, keep every row that can be kept (a bad cell becomes "no answer"), and report every problem in
   * {@link ReadResult#problems()}. A row that cannot be kept at all (a malformed line, a duplicate id) is reported,
   * never silently dropped.
   */
  LENIENT
}
