/**
 * Codeframes: trees of nets and codes applied to open-ended comments.
 */
@NullMarked
package dev.insight.codeframe;

import org.jspecify.annotations.NullMarked;
