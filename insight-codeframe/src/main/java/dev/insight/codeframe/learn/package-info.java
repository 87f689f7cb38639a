/**
 * Learned coding: a coder trained on coded comments that codes the rest with calibrated confidences, abstains
 * where unsure, evaluates itself by cross-validation, orders the uncoded comments for a person to code next and
 * suggests new codes from what no code covers.
 */
@NullMarked
package dev.insight.codeframe.learn;

import org.jspecify.annotations.NullMarked;
