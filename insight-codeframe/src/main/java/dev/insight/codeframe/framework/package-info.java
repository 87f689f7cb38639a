/**
 * The Framework Method's matrix (Ritchie and Spencer 1994; Gale et al. 2013): cases (participants or focus groups)
 * by themes, each cell holding the analyst's summary, the coded segments and the quotes behind it with references
 * back to transcript and time; exported, redacted, as CSV, JSON, XLSX or HTML.
 */
@NullMarked
package dev.insight.codeframe.framework;

import org.jspecify.annotations.NullMarked;
