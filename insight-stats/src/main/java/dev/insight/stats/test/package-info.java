/**
 * Design-based tests of association: Rao-Scott corrections of Pearson's chi-square for weighted, stratified and
 * clustered samples.
 */
@NullMarked
package dev.insight.stats.test;

import org.jspecify.annotations.NullMarked;
