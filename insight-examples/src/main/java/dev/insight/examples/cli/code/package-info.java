/**
 * The {@code insight code} commands: coding open comments.
 */
@NullMarked
package dev.insight.examples.cli.code;

import org.jspecify.annotations.NullMarked;
