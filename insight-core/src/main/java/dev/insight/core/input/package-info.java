/**
 * Reporting bad input: every problem names its source, line, column and value; readers either fail on the
 * first problem or, in {@link dev.insight.core.input.ReadMode#LENIENT lenient} mode, collect every problem and keep
 * every row they can.
 */
@NullMarked
package dev.insight.core.input;

import org.jspecify.annotations.NullMarked;
