/**
 * Design-based estimates: proportions, means, totals and ratios with standard errors and confidence intervals.
 */
@NullMarked
package dev.insight.stats.estimate;

import org.jspecify.annotations.NullMarked;
