/**
 * Zip archives read within limits (expanded size counted while streaming, entry count, compression ratio), for the
 * zip-based inputs: Word, Excel and REFI-QDA project files. Exported only to the insight modules.
 */
@NullMarked
package dev.insight.core.internal.zip;

import org.jspecify.annotations.NullMarked;
