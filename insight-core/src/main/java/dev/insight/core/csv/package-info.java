/**
 * Reading survey exports in CSV into a {@link dev.insight.core.data.Dataset}, guided by a
 * {@link dev.insight.core.csv.SurveyMapping} that says which column is which question.
 */
@NullMarked
package dev.insight.core.csv;

import org.jspecify.annotations.NullMarked;
