/**
 * Significance tests for survey tables: column proportions and column means (Kish effective bases, overlap
 * correction), each column against the rest of the total, Rao-Scott tests of association for two-way tables, and
 * McNemar's paired test, with Bonferroni and Benjamini-Hochberg adjustments.
 */
@NullMarked
package dev.insight.stats.test;

import org.jspecify.annotations.NullMarked;
