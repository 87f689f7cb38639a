/**
 * Codeframes to and from files: JSON, a CSV codebook ({@code code,label,parent,description} and optional columns) and
 * the REFI-QDA codebook ({@code .qdc}) that NVivo, MAXQDA, ATLAS.ti, QualCoder and Taguette exchange. Every reader
 * reports all problems at once, each with its file, line and field.
 */
@NullMarked
package dev.insight.codeframe.interchange;

import org.jspecify.annotations.NullMarked;
