package dev.insight.codeframe.learn;

import java.util.List;

/**
 * Turns comments into dense sentence embeddings, which a {@link LearnedCoder} can use beside its sparse n-gram
 * features ({@link LearnerOptions#withEmbedder(TextEmbedder)}). Implementations live outside this module, so the
 * core modules stay light: {@code insight-embeddings} provides one that runs a small transformer offline.
 *
 * <p>A model trained with an embedder records its {@link #name()}; {@link LearnedCoder#load(java.nio.file.Path)}
 * finds the embedder again through {@link java.util.ServiceLoader}, so an implementation that should be found must
 * be registered as a service provider of this interface and must be cheap to construct (load its network on first
 * use). Implementations must be thread-safe and deterministic: the same text always gives the same vector.
 */
public interface TextEmbedder {
  /**
   * The embedder's name, recorded in model files: a model and its embedder must agree on it, so it changes
   * whenever the vectors would (another network, another pooling, another version of its weights).
   *
   * @return e.g. {@code "bge-small-en-v1.5-q"}
   */
  String name();

  /**
   * The length of every vector.
   *
   * @return the dimension, positive
   */
  int dimension();

  /**
   * Embeds comments. A blank comment gives the zero vector; others give vectors of unit length.
   *
   * @param texts the comments
   * @return one vector of {@link #dimension()} floats per comment, in order
   */
  float[][] embed(List<String> texts);

  /**
   * An embedder that embeds the given comments now, each distinct one once, and answers for them from memory from
   * then on (others are passed to {@code embedder}): for training and cross-validating on the same comments, since
   * embedding is by far the slowest step.
   *
   * @param embedder the embedder
   * @param texts the comments to embed now
   * @return an embedder with the same name and dimension
   */
  static TextEmbedder precomputed(TextEmbedder embedder, List<String> texts) {
    return CachedEmbedder.of(embedder, texts);
  }
}
