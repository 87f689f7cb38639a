package dev.insight.codeframe.learn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An embedder that computes the vectors of a known set of comments once: cross-validation trains a model per
 * fold on the same comments, and embedding is by far the slowest step. Comments outside the set are passed on.
 */
final class CachedEmbedder implements TextEmbedder {
  private final TextEmbedder delegate;
  private final Map<String, float[]> vectors;

  private CachedEmbedder(TextEmbedder delegate, Map<String, float[]> vectors) {
    this.delegate = delegate;
    this.vectors = vectors;
  }

  /** Embeds {@code texts} (each distinct text once) and answers for them from then on. */
  static CachedEmbedder of(TextEmbedder delegate, List<String> texts) {
    if (delegate instanceof CachedEmbedder cached) {
      return cached;
    }
    List<String> distinct = List.copyOf(new java.util.LinkedHashSet<>(texts));
    float[][] embedded = delegate.embed(distinct);
    Map<String, float[]> vectors = new HashMap<>(distinct.size() * 2);
    for (int i = 0; i < distinct.size(); i++) {
      vectors.put(distinct.get(i), embedded[i]);
    }
    return new CachedEmbedder(delegate, Map.copyOf(vectors));
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public int dimension() {
    return delegate.dimension();
  }

  @Override
  public float[][] embed(List<String> texts) {
    float[][] out = new float[texts.size()][];
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < out.length; i++) {
      out[i] = vectors.get(texts.get(i));
      if (out[i] == null) {
        missing.add(texts.get(i));
      }
    }
    if (!missing.isEmpty()) {
      float[][] computed = delegate.embed(missing);
      for (int i = 0, m = 0; i < out.length; i++) {
        if (out[i] == null) {
          out[i] = computed[m++];
        }
      }
    }
    return out;
  }
}
