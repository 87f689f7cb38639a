/**
 * Personal-data redaction for quotes and comments that leave the library: e-mail addresses, UK telephone numbers,
 * UK postcodes, NHS numbers (checked with their modulus-11 check digit) and the names of known participants and
 * staff, each redaction recorded for audit.
 */
@NullMarked
package dev.insight.core.redact;

import org.jspecify.annotations.NullMarked;
