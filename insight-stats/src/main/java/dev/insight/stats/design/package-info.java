/**
 * Survey designs: a dataset tied to weights and, optionally, strata, clusters and a finite population correction,
 * with Taylor-linearisation variance estimation that accounts for the calibrations applied to the weights.
 */
@NullMarked
package dev.insight.stats.design;

import org.jspecify.annotations.NullMarked;
