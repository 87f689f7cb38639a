/**
 * Sentence embeddings for {@link dev.insight.codeframe.learn.LearnedCoder}: {@link BgeSmallEmbedder} runs a small
 * transformer offline, registered as a {@link dev.insight.codeframe.learn.TextEmbedder} service so models trained
 * with it load again by name.
 */
package dev.insight.embeddings;
