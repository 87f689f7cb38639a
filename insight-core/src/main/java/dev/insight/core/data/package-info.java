/**
 * Survey data as immutable columns: a {@link dev.insight.core.data.Dataset} of respondents by typed variables
 * (categorical, multiple response, numeric, text), stored in primitive arrays with no per-cell objects.
 */
@NullMarked
package dev.insight.core.data;

import org.jspecify.annotations.NullMarked;
