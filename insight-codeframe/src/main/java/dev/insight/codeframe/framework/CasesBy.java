package dev.insight.codeframe.framework;

/** What the rows of a framework matrix are. */
public enum CasesBy {
  /** One row per participant (speakers not on the speaker list each get a row of their own). */
  PARTICIPANT,
  /** One row per transcript (a focus group or interview). */
  GROUP
}
