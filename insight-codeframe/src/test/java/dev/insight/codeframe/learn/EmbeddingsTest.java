package dev.insight.codeframe.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingsTest {
  private static final CodedExamples TRAINING = Synthetic.multiLabel(300, 1);

  @Test
  void embeddings_carryASynonymTheNgramsNeverSaw() {
    LearnedCoder ngrams = LearnedCoder.train(TRAINING, Synthetic.options());
    LearnedCoder both = LearnedCoder.train(TRAINING, Synthetic.options().withEmbedder(new ConceptEmbedder()));

    String unseen = "my automobile";

    assertThat(ngrams.predict(unseen).probability(Synthetic.PARKING)).isLessThan(0.5);
    assertThat(both.predict(unseen).probability(Synthetic.PARKING)).isGreaterThan(0.8);
    assertThat(both.predict(unseen).assigned()).containsExactly(Synthetic.PARKING);
  }

  @Test
  void saveAndLoad_findsTheRegisteredEmbedderAndPredictsTheSame(@TempDir Path folder) {
    LearnedCoder coder = LearnedCoder.train(TRAINING, Synthetic.options().withEmbedder(new ConceptEmbedder()));
    Path file = folder.resolve("with-embeddings.model");
    coder.save(file);

    LearnedCoder loaded = LearnedCoder.load(file);

    assertThat(loaded.options().embedder()).isInstanceOf(ConceptEmbedder.class);
    for (String text : List.of("my automobile", "the physician was kind", "waited ages", "")) {
      Prediction before = coder.predict(text);
      Prediction after = loaded.predict(text);
      assertThat(after.assigned()).isEqualTo(before.assigned());
      for (int c = 0; c < 3; c++) {
        assertThat(after.probability(c)).isEqualTo(before.probability(c));
      }
    }
  }

  @Test
  void load_modelWhoseEmbedderIsNotOnTheClassPath_saysWhichAndWhatToAdd(@TempDir Path folder) {
    TextEmbedder absent = conceptsAs("not-installed", 3);
    Path file = folder.resolve("needs.model");
    LearnedCoder.train(TRAINING, Synthetic.options().withEmbedder(absent)).save(file);

    assertThatThrownBy(() -> LearnedCoder.load(file))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(file + ": the model was trained with sentence embeddings 'not-installed', which are not on "
            + "the class path (found: test-concepts); add the insight-embeddings module");
  }

  @Test
  void train_embedderBreakingItsPromise_failsClearly() {
    TextEmbedder wrong = conceptsAs("wrong", 4); // ConceptEmbedder gives 3 values

    assertThatThrownBy(() -> LearnedCoder.train(TRAINING, Synthetic.options().withEmbedder(wrong)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the embedder wrong gave a vector of 3 values, not 4");
  }

  @Test
  void crossValidation_embedsEachDistinctCommentOnce() {
    CodedExamples examples = Synthetic.multiLabel(120, 3);
    int distinct = new HashSet<>(examples.texts()).size();
    int before = ConceptEmbedder.EMBEDDED.get();

    List<Prediction> predictions = CrossValidation.outOfFold(examples,
        Synthetic.options().withEmbedder(new ConceptEmbedder()), 3, 7);

    assertThat(predictions).hasSize(120);
    assertThat(CrossValidation.describe(examples, Synthetic.options().withEmbedder(new ConceptEmbedder())))
        .contains(" + sentence embeddings test-concepts (3);");
    assertThat(ConceptEmbedder.EMBEDDED.get() - before).isEqualTo(distinct);
  }

  /** The test concepts under another name, claiming {@code dimension} values. */
  private static TextEmbedder conceptsAs(String name, int dimension) {
    return new TextEmbedder() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public int dimension() {
        return dimension;
      }

      @Override
      public float[][] embed(List<String> texts) {
        return new ConceptEmbedder().embed(texts);
      }
    };
  }
}
