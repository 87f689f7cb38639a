/**
 * Rule-based coding: a readable rule per code (words, "phrases", prefix*, AND / OR / NOT, parentheses,
 * NEAR/n), matched through Lucene analysis (case and accent folding) and Snowball English stemming, every rule of a
 * large codeframe against each comment through an inverted index of rule terms.
 */
@NullMarked
package dev.insight.codeframe.rules;

import org.jspecify.annotations.NullMarked;
