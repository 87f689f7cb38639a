/**
 * The self-contained HTML report of an engagement programme: no scripts, fonts or style sheets from elsewhere,
 * charts as inline SVG, every number beside its base.
 */
@NullMarked
package dev.insight.examples.report;

import org.jspecify.annotations.NullMarked;
