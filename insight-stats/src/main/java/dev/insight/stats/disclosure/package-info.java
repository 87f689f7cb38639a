/**
 * Disclosure control for publications by organisation level (ward within site within trust within region): an
 * organisation {@link dev.insight.stats.disclosure.Hierarchy} and the primary and complementary suppression of its
 * counts and shares at every level ({@link dev.insight.stats.disclosure.HierarchicalSuppression}).
 */
@NullMarked
package dev.insight.stats.disclosure;

import org.jspecify.annotations.NullMarked;
