package dev.insight.core.programme;

/** Who may see a programme's evidence outside the team that ran it. */
public enum Visibility {
  /** Published: its findings, consented quotes and responses may be shared. */
  PUBLIC,
  /** For internal use only: kept out of shared searches and outputs unless asked for explicitly. */
  INTERNAL_USE_ONLY
}
