/**
 * Export of coded transcripts as a REFI-QDA project ({@code .qdpx}, QDA-XML project 1.0), so that the analysis can
 * continue in NVivo, MAXQDA, ATLAS.ti or QualCoder.
 */
@NullMarked
package dev.insight.codeframe.qdpx;

import org.jspecify.annotations.NullMarked;
