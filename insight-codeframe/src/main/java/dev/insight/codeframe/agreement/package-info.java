/**
 * How consistently comments are coded: percent agreement, Cohen's kappa and Krippendorff's alpha between coders,
 * and precision, recall and F1 of a coding against a reference coding.
 */
@NullMarked
package dev.insight.codeframe.agreement;

import org.jspecify.annotations.NullMarked;
