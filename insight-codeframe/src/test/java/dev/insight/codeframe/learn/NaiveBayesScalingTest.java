package dev.insight.codeframe.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NaiveBayesScalingTest {
  /** 4 rows over 3 sparse columns and one dense column (3): rows 0 and 1 are the code's. */
  private static SparseRows rows() {
    SparseRows.Builder b = new SparseRows.Builder(4, 10);
    b.add(new int[] {0, 1, 3}, new float[] {0.6f, 0.8f, 0.5f}, 3);
    b.add(new int[] {0, 3}, new float[] {1f, -0.5f}, 2);
    b.add(new int[] {1, 2, 3}, new float[] {0.6f, 0.8f, 0.2f}, 3);
    b.add(new int[] {2, 3}, new float[] {1f, 0.1f}, 2);
    return b.build();
  }

  private static final boolean[] POSITIVE = {true, true, false, false};

  @Test
  void scale_isTheSquareRootOfTheLogCountRatio_andLeavesDenseColumnsAlone() {
    float[] scale = Training.naiveBayesScale(rows(), 3, new int[] {0, 1, 2, 3}, POSITIVE, 4);

    // counts plus one: positive p = (3, 2, 1), sum 3 + 3 present = 6; negative q = (1, 2, 3), sum 3 + 3 = 6
    assertThat((double) scale[0]).isCloseTo(Math.sqrt(Math.log((3.0 / 6) / (1.0 / 6))), within(1e-6));
    assertThat((double) scale[1]).isCloseTo(0, within(1e-6)); // as common in both: tells nothing
    assertThat((double) scale[2]).isCloseTo(Math.sqrt(Math.abs(Math.log((1.0 / 6) / (3.0 / 6)))), within(1e-6));
    assertThat(scale[3]).isEqualTo(1f);
  }

  @Test
  void scale_countsOnlyTheRowsGiven() {
    // without row 1 the positive side has one row: p = (2, 2, 1), sum 3 + 2 = 5; q unchanged (1, 2, 3), sum 6
    float[] scale = Training.naiveBayesScale(rows(), 3, new int[] {0, 2, 3}, POSITIVE, 4);

    assertThat((double) scale[0]).isCloseTo(Math.sqrt(Math.log((2.0 / 5) / (1.0 / 6))), within(1e-6));
  }

  @Test
  void scaledTraining_returnsWeightsForTheUnscaledFeatures() {
    SparseRows x = rows();
    float[] scale = {2f, 0.5f, 3f, 1f};
    int[] all = {0, 1, 2, 3};

    double[] folded = LinearSvm.train(x, scale, all, POSITIVE, 4, 1, 1, 0.001, 1000, 7);
    double[] onScaled = LinearSvm.train(x.scaled(scale), all, POSITIVE, 4, 1, 1, 0.001, 1000, 7);

    for (int r = 0; r < 4; r++) {
      // the same decision whether the scale is in the data or folded into the weights
      assertThat(x.dot(r, folded) + folded[4]).isCloseTo(x.scaled(scale).dot(r, onScaled) + onScaled[4],
          within(1e-6));
    }
    assertThat(folded[0]).isCloseTo(onScaled[0] * 2, within(1e-9));
  }

  @Test
  void option_isRecordedInTheModelAndItsDescription(@TempDir Path folder) {
    CodedExamples examples = Synthetic.multiLabel(200, 3);
    LearnedCoder without = LearnedCoder.train(examples, Synthetic.options().withNaiveBayes(false));
    Path file = folder.resolve("m.model");
    without.save(file);

    assertThat(LearnedCoder.load(file).options().naiveBayes()).isFalse();
    assertThat(LearnerOptions.defaults().naiveBayes()).isTrue();
    assertThat(CrossValidation.describe(examples, LearnerOptions.defaults())).contains("naive Bayes");
    assertThat(CrossValidation.describe(examples, without.options())).doesNotContain("naive Bayes");
  }

  @Test
  void withAndWithout_bothLearnTheSyntheticCodes() {
    CodedExamples test = Synthetic.multiLabel(200, 99);
    for (boolean naiveBayes : new boolean[] {true, false}) {
      LearnedCoder coder = LearnedCoder.train(Synthetic.multiLabel(300, 1),
          Synthetic.options().withNaiveBayes(naiveBayes));

      EvaluationReport report = CrossValidation.score(test, coder.predictAll(test.texts()), 1, 0, 0);

      assertThat(report.microF1()).as("naive Bayes %s", naiveBayes).isGreaterThan(0.9);
    }
  }
}
