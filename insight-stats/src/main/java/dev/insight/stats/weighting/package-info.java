/**
 * Weighting a survey design to its population: post-stratification, raking, linear (GREG) calibration with
 * bounds and trimming. Each returns a new design and a {@link dev.insight.stats.weighting.WeightingReport}.
 */
@NullMarked
package dev.insight.stats.weighting;

import org.jspecify.annotations.NullMarked;
