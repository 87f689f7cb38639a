/**
 * Questions put to participants: single and multiple choice, open text, numeric, labelled scales and rankings.
 */
@NullMarked
package dev.insight.core.question;

import org.jspecify.annotations.NullMarked;
