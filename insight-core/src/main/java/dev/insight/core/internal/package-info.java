/** Helpers shared by the insight modules; exported only to them, not part of the API. */
@NullMarked
package dev.insight.core.internal;

import org.jspecify.annotations.NullMarked;
