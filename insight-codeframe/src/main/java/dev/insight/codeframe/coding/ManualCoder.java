package dev.insight.codeframe.coding;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.codeframe.Codeframe;
import java.time.Instant;

/** The {@link Coder} of decisions people already made: see {@link Coder#manual(Coding)}. */
final class ManualCoder implements Coder {
  private final Coding decisions;

  ManualCoder(Coding decisions) {
    this.decisions = checkNotNull(decisions, "decisions");
  }

  @Override
  public Codeframe codeframe() {
    return decisions.codeframe();
  }

  @Override
  public Coding code(Comments comments, Instant at) {
    comments.checkCovers(decisions, "the coded comments");
    return decisions;
  }
}
