/**
 * Evidence and what was done with it: verbatim quotes with consent and attribution, findings, recommendations,
 * the responses to them ("you said, we did") and the strategy priorities they are cross-referenced to.
 */
@NullMarked
package dev.insight.core.evidence;

import org.jspecify.annotations.NullMarked;
