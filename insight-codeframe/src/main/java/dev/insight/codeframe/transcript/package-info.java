/**
 * Coding of transcript segments (character ranges of speaker turns) with a codeframe, by hand or by rule, each
 * assignment keeping its coder and time; and selecting a coded segment as a quote.
 */
@NullMarked
package dev.insight.codeframe.transcript;

import org.jspecify.annotations.NullMarked;
