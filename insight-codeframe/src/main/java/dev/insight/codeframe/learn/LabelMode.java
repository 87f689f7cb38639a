package dev.insight.codeframe.learn;

/** Whether a comment may take several codes or exactly one. */
public enum LabelMode {
  /** Any number of codes per comment (one 0/1 column per code). */
  MULTI_LABEL,
  /** Exactly one code per comment (a {@code code} column). */
  SINGLE_LABEL
}
