/**
 * What each column of a survey export is: a {@link dev.insight.core.codebook.SurveyCodebook} of variables with their
 * labels, types, categories in order and missing codes, inferred from the file
 * ({@link dev.insight.core.codebook.CodebookInference}, recognising common answer scales in their natural order,
 * {@link dev.insight.core.codebook.AnswerScales}) or read from a file the analyst keeps.
 */
@NullMarked
package dev.insight.core.codebook;

import org.jspecify.annotations.NullMarked;
