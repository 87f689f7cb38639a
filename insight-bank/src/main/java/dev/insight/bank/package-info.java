/**
 * The insight bank: {@link dev.insight.bank.Bank} stores many programmes in an embedded Lucene index and searches
 * them by words and by meaning, with filters; every {@link dev.insight.bank.Hit} carries its source, programme, base,
 * consent and redaction state.
 */
@NullMarked
package dev.insight.bank;

import org.jspecify.annotations.NullMarked;
