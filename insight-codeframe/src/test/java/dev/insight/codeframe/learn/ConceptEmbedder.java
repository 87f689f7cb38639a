package dev.insight.codeframe.learn;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test embedder that knows synonyms the n-grams cannot: each word of a concept (including words the synthetic
 * training comments never use, such as "automobile") counts towards that concept's dimension. Registered as a
 * service in the test resources, so a saved model that used it loads again.
 */
public final class ConceptEmbedder implements TextEmbedder {
  static final AtomicInteger EMBEDDED = new AtomicInteger();
  private static final Map<String, Integer> CONCEPT = Map.ofEntries(
      Map.entry("parking", 0), Map.entry("car", 0), Map.entry("parked", 0), Map.entry("automobile", 0),
      Map.entry("vehicle", 0), Map.entry("staff", 1), Map.entry("nurse", 1), Map.entry("doctor", 1),
      Map.entry("receptionist", 1), Map.entry("physician", 1), Map.entry("waiting", 2), Map.entry("wait", 2),
      Map.entry("waited", 2), Map.entry("delay", 2), Map.entry("queue", 2), Map.entry("ages", 2));

  /** The service loader's constructor. */
  public ConceptEmbedder() {}

  @Override
  public String name() {
    return "test-concepts";
  }

  @Override
  public int dimension() {
    return 3;
  }

  @Override
  public float[][] embed(List<String> texts) {
    EMBEDDED.addAndGet(texts.size());
    float[][] out = new float[texts.size()][3];
    for (int i = 0; i < out.length; i++) {
      for (String word : texts.get(i).toLowerCase(Locale.ROOT).split("\\W+")) {
        Integer concept = CONCEPT.get(word);
        if (concept != null) {
          out[i][concept]++;
        }
      }
      double norm = Math.sqrt(out[i][0] * out[i][0] + out[i][1] * out[i][1] + out[i][2] * out[i][2]);
      for (int j = 0; j < 3 && norm > 0; j++) {
        out[i][j] /= (float) norm;
      }
    }
    return out;
  }
}
