/**
 * Survey designs, weighting, design-based estimates, banner tables and significance tests.
 *
 * <p>Depends on {@code dev.insight.core} only among insight modules. {@code dev.insight.stats.internal} (the
 * linearisation algebra insight-spark shares) is exported only to {@code dev.insight.spark}.
 */
// the qualified export names a module compiled later: "module not found" is expected here
@SuppressWarnings("module")
module dev.insight.stats {
  requires transitive dev.insight.core;
  requires com.google.common;
  requires commons.math3;
  requires com.fasterxml.jackson.core;
  requires org.dhatim.fastexcel;
  requires static org.jspecify;

  exports dev.insight.stats.design;
  exports dev.insight.stats.disclosure;
  exports dev.insight.stats.estimate;
  exports dev.insight.stats.table;
  exports dev.insight.stats.inference;
  // the algebra insight-spark finishes its distributed sums with, not part of the API
  exports dev.insight.stats.internal to dev.insight.spark;
}
