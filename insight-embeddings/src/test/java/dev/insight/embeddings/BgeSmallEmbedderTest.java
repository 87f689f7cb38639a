package dev.insight.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.insight.codeframe.learn.TextEmbedder;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class BgeSmallEmbedderTest {
  private final BgeSmallEmbedder embedder = new BgeSmallEmbedder();

  @Test
  void embed_givesUnitVectorsAndZeroForBlank() {
    float[][] vectors = embedder.embed(List.of("The nurse was kind and listened to me.", "   ", ""));

    assertThat(vectors).hasNumberOfRows(3);
    assertThat(vectors[0]).hasSize(384);
    assertThat(norm(vectors[0])).isCloseTo(1.0, within(1e-5));
    assertThat(vectors[1]).hasSize(384).containsOnly(0f);
    assertThat(vectors[2]).hasSize(384).containsOnly(0f);
  }

  @Test
  void embed_placesParaphrasesCloserThanOtherTopics() {
    float[][] v = embedder.embed(List.of(
        "There was nowhere to park the car.",
        "The car park was full and I could not find a space.",
        "The receptionist was rude to my mother."));

    // a paraphrase that shares almost no words with the first sentence is nearer than another topic
    assertThat(dot(v[0], v[1])).isGreaterThan(dot(v[0], v[2]) + 0.1);
  }

  @Test
  void embed_isDeterministicAndIndependentOfTheBatch() {
    String text = "Waited four hours in A&E with no update.";

    float[] alone = embedder.embed(List.of(text))[0];
    float[] inBatch = embedder.embed(List.of("Lovely staff.", text, "Parking was expensive."))[1];

    assertThat(dot(alone, inBatch)).isCloseTo(1.0, within(1e-5));
  }

  @Test
  void embed_commentLongerThanTheNetworksWindow_givesOneUnitVector() {
    // about 3,000 tokens: beyond the network's 512, split by langchain4j and averaged
    String longComment = "The ward was clean and the nurses were kind but we waited hours for the doctor. ".repeat(180);

    float[][] v = embedder.embed(List.of(longComment, "The ward was clean and the nurses were kind."));

    assertThat(v[0]).hasSize(384);
    assertThat(norm(v[0])).isCloseTo(1.0, within(1e-5));
    assertThat(dot(v[0], v[1])).isGreaterThan(0.5);
  }

  @Test
  void serviceLoader_findsItByTheNameModelsRecord() {
    List<String> names = ServiceLoader.load(TextEmbedder.class).stream()
        .map(provider -> provider.get().name()).toList();

    assertThat(names).contains(BgeSmallEmbedder.NAME);
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int j = 0; j < a.length; j++) {
      sum += (double) a[j] * b[j];
    }
    return sum;
  }

  private static double norm(float[] a) {
    return Math.sqrt(dot(a, a));
  }
}
