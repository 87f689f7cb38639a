/**
 * JSON round trip of a whole {@link dev.insight.core.programme.Programme}, with fixed type names and no
 * polymorphic default typing.
 */
@NullMarked
package dev.insight.core.json;

import org.jspecify.annotations.NullMarked;
