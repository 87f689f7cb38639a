package dev.insight.stats.design;

/** Whether a margin's targets are population counts or proportions. */
public enum TargetKind {
  /** Population counts: the weights will sum to the margin's total. */
  COUNTS,
  /** Proportions summing to 1: the weights keep the starting weights' total. */
  PROPORTIONS
}
