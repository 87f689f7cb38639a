/**
 * The algebra insight-spark shares with insight-stats' estimators (interval methods, raking residuals), so a
 * distributed estimate ends in the same arithmetic as a single-machine one. Exported only to {@code
 * dev.insight.spark}; not part of the API.
 */
@NullMarked
package dev.insight.stats.internal;

import org.jspecify.annotations.NullMarked;
