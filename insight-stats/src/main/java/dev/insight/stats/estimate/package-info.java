/**
 * Design-based estimates from a {@link dev.insight.stats.design.SurveyDesign}.
 *
 * <p>Public surface: {@link dev.insight.stats.estimate.Estimator} (proportions, means, totals and ratios of a
 * {@link dev.insight.stats.estimate.Quantity} in any subgroup {@link dev.insight.stats.design.Filter}, and the
 * difference between two subgroups), its values {@link dev.insight.stats.estimate.Estimate} and
 * {@link dev.insight.stats.estimate.Difference}, and the {@link dev.insight.stats.estimate.ConfidenceInterval}
 * methods of {@link dev.insight.stats.estimate.IntervalMethod}. Standard errors are Taylor linearisation of the
 * design (strata, one or two stages of clusters, fpc, calibration) or, for a design with replicate weights, the
 * replicates' variance, as R {@code survey} computes them.
 */
@NullMarked
package dev.insight.stats.estimate;

import org.jspecify.annotations.NullMarked;
