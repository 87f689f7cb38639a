/** {@code insight bank}: the insight bank from the command line. */
@NullMarked
package dev.insight.examples.cli.bank;

import org.jspecify.annotations.NullMarked;
