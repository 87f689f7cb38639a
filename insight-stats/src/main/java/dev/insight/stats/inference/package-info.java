/**
 * Design-based tests that stand alone: Rao-Scott tests of association for two-way tables under a
 * {@link dev.insight.stats.design.SurveyDesign} ({@link dev.insight.stats.inference.RaoScott}, R's
 * {@code svychisq}), McNemar's paired test, and Bonferroni and Benjamini-Hochberg adjustments of a family of
 * p-values.
 */
@NullMarked
package dev.insight.stats.inference;

import org.jspecify.annotations.NullMarked;
