/**
 * Survey designs, weighting, design-based estimates, banner tables and significance tests.
 *
 * <p>Depends on {@code dev.insight.core} only among insight modules.
 */
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
}
