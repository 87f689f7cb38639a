/**
 * The bank's read-only search page and JSON API, served on the loopback interface only.
 */
@NullMarked
package dev.insight.bank.serve;

import org.jspecify.annotations.NullMarked;
