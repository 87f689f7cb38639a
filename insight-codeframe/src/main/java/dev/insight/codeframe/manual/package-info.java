/**
 * Manual coding: coded data made by people (one 0/1 column per code, or a list of codes in one column) read into
 * {@link dev.insight.codeframe.coding.Coding}s, one per coder, keeping who coded and when, with the units on which
 * coders disagree.
 */
@NullMarked
package dev.insight.codeframe.manual;

import org.jspecify.annotations.NullMarked;
