/** Helpers shared by the core packages; not exported. */
@NullMarked
package dev.insight.core.internal;

import org.jspecify.annotations.NullMarked;
