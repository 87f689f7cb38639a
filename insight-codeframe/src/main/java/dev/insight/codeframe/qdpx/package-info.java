/**
 * REFI-QDA projects ({@code .qdpx}, QDA-XML project 1.0) both ways: export of coded transcripts, so that the analysis
 * can continue in NVivo, MAXQDA, ATLAS.ti or QualCoder, and import of a project those tools wrote (its code book,
 * texts, coded segments, cases, variables, sets and notes).
 */
@NullMarked
package dev.insight.codeframe.qdpx;

import org.jspecify.annotations.NullMarked;
