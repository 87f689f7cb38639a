package dev.insight.codeframe.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.codeframe.Code;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.UnitId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same words, different codes by the question answered: "Nothing" is praise or complaint. */
class ContextTest {
  private static final CodeId PRAISE = CodeId.of("praise");
  private static final CodeId COMPLAINT = CodeId.of("complaint");
  private static final CodeId PARKING = CodeId.of("parking");
  private static final String GOOD = "What was good?";
  private static final String IMPROVE = "What could we do better?";

  /** "nothing" answers coded by question, among parking comments coded the same under both. */
  private static CodedExamples examples(boolean withContext) {
    Random random = new Random(3);
    String[] nothing = {"Nothing", "nothing.", "Nothing at all", "nothing really"};
    String[] parking = {"parking was hard", "no car park spaces", "parking too expensive"};
    List<CodedExample> examples = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String question = random.nextBoolean() ? GOOD : IMPROVE;
      String context = withContext ? question : "";
      if (i % 3 == 0) {
        examples.add(new CodedExample(parking[random.nextInt(3)], Set.of(PARKING), context));
      } else {
        examples.add(new CodedExample(nothing[random.nextInt(4)], Set.of(question.equals(GOOD) ? COMPLAINT
            : PRAISE), context));
      }
    }
    return new CodedExamples(LabelMode.MULTI_LABEL, List.of(PRAISE, COMPLAINT, PARKING), examples,
        withContext ? "question" : "");
  }

  @Test
  void context_tellsApartTheSameWordsUnderDifferentQuestions() {
    LearnedCoder coder = LearnedCoder.train(examples(true), Synthetic.options());

    List<Prediction> p = coder.predictAll(List.of("Nothing.", "Nothing.", "the parking"), List.of(GOOD, IMPROVE,
        GOOD));

    assertThat(coder.contextName()).isEqualTo("question");
    assertThat(p.get(0).assigned()).containsExactly(COMPLAINT);
    assertThat(p.get(1).assigned()).containsExactly(PRAISE);
    assertThat(p.get(2).assigned()).containsExactly(PARKING);
  }

  @Test
  void withoutContext_theSameWordsGetTheSameCodes() {
    LearnedCoder coder = LearnedCoder.train(examples(false), Synthetic.options());

    List<Prediction> p = coder.predictAll(List.of("Nothing.", "Nothing."), List.of(GOOD, IMPROVE));

    // the contexts are ignored by a model trained without them: no way to tell the two apart
    assertThat(p.get(0).assigned()).isEqualTo(p.get(1).assigned());
    assertThat(coder.contextName()).isEmpty();
  }

  @Test
  void contextModel_predictedWithoutContexts_failsSayingWhatItNeeds() {
    LearnedCoder coder = LearnedCoder.train(examples(true), Synthetic.options());

    assertThatThrownBy(() -> coder.predictAll(List.of("Nothing.")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("this model was trained with each comment's context (question): give the contexts too, "
            + "predictAll(texts, contexts)");
  }

  @Test
  void codingSchedule_contextModel_refusesSayingWhatItNeeds() {
    LearnedCoder coder = LearnedCoder.train(examples(true), Synthetic.options());
    List<String> uncoded = List.of("Nothing.", "the parking", "Nothing at all");

    assertThatThrownBy(() -> CodingSchedule.next(coder, List.of("Nothing"), uncoded, 2, 42))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("this model was trained with each comment's context (question)");
  }

  @Test
  void toCoding_contextModel_codesEachCommentInItsContext() {
    LearnedCoder coder = LearnedCoder.train(examples(true), Synthetic.options());
    Codeframe frame = Codeframe.builder("tone").add(Code.of("praise", "Praise")).add(Code.of("complaint",
        "Complaint")).add(Code.of("parking", "Parking")).build();

    Coding coding = coder.toCoding(frame, List.of(UnitId.of("a"), UnitId.of("b")), List.of("Nothing", "Nothing"),
        List.of(GOOD, IMPROVE), "q.model", Instant.EPOCH);

    assertThat(coding.codes(UnitId.of("a"))).containsExactly(COMPLAINT);
    assertThat(coding.codes(UnitId.of("b"))).containsExactly(PRAISE);
  }

  @Test
  void saveAndLoad_keepsTheContext(@TempDir Path folder) {
    LearnedCoder coder = LearnedCoder.train(examples(true), Synthetic.options());
    Path file = folder.resolve("q.model");
    coder.save(file);

    LearnedCoder loaded = LearnedCoder.load(file);

    List<String> texts = List.of("Nothing.", "Nothing.", "parking");
    List<String> contexts = List.of(GOOD, IMPROVE, IMPROVE);
    List<Prediction> before = coder.predictAll(texts, contexts);
    List<Prediction> after = loaded.predictAll(texts, contexts);
    assertThat(loaded.contextName()).isEqualTo("question");
    for (int i = 0; i < texts.size(); i++) {
      assertThat(after.get(i).assigned()).isEqualTo(before.get(i).assigned());
      assertThat(after.get(i).confidence()).isEqualTo(before.get(i).confidence());
    }
  }

  @Test
  void crossValidation_usesEachCommentsContext() {
    EvaluationReport with = CrossValidation.evaluate(examples(true), Synthetic.options(), 3, 1);
    EvaluationReport without = CrossValidation.evaluate(examples(false), Synthetic.options(), 3, 1);

    assertThat(with.microF1()).isGreaterThan(0.95);
    assertThat(without.microF1()).isLessThan(0.85);
    assertThat(with.model()).isEqualTo("word 1-2-grams + character 2-5-grams within words (min df 2) + words "
        + "within their context 'question'; a linear SVM per code, C 0.3, n-grams scaled by naive "
        + "Bayes ratios; Platt scaling and thresholds (GLOBAL_HALF_BEST_F1) from 3 internal folds; seed 42");
    assertThat(with.toTable()).contains("model: word 1-2-grams");
    assertThat(with.toJson()).contains("\"model\" : \"word 1-2-grams");
    assertThat(without.model()).doesNotContain("context");
  }
}
