/**
 * The result of coding: which codes each unit (a respondent's comment, a transcript segment) received, with the
 * provenance of every assignment (a human coder, a rule, a model), and its conversion to a multiple-response
 * variable of the core dataset.
 */
@NullMarked
package dev.insight.codeframe.coding;

import org.jspecify.annotations.NullMarked;
