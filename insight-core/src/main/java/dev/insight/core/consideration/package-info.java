/**
 * The consideration log: a hash-chained record of which evidence each decision considered, who considered it and
 * when, so that a later edit of the record is detectable.
 */
@NullMarked
package dev.insight.core.consideration;

import org.jspecify.annotations.NullMarked;
