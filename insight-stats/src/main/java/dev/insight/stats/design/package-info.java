/**
 * Survey designs and the weighting that transforms them.
 *
 * <p>Public surface: {@link dev.insight.stats.design.SurveyDesign} (a dataset tied to weights and, optionally,
 * strata, clusters and a finite population correction; its variance methods are the one Taylor-linearisation
 * engine of the module, accounting for the calibrations applied to the weights);
 * {@link dev.insight.stats.design.Filter} (a subgroup of respondents, the one subgroup type accepted by estimators,
 * tests and tables); {@link dev.insight.stats.design.Weighting} (sealed: raking, post-stratification, linear
 * calibration, trimming) with its {@link dev.insight.stats.design.Margin} targets and
 * {@link dev.insight.stats.design.WeightingResult}. How a weighting constrained the weights is remembered inside
 * the design, package-private.
 */
@NullMarked
package dev.insight.stats.design;

import org.jspecify.annotations.NullMarked;
