/**
 * The bundled case study: an integrated care partnership's four-week engagement on a ten-year health and wellbeing
 * strategy, built in code from the published facts, with a seeded synthetic staff survey whose published shares
 * hold.
 */
@NullMarked
package dev.insight.examples.casestudy;

import org.jspecify.annotations.NullMarked;
