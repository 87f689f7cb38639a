package dev.insight.codeframe.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.insight.codeframe.CodeId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossValidationTest {
  private static final CodeId A = CodeId.of("a");
  private static final CodeId B = CodeId.of("b");
  private static final CodeId C = CodeId.of("c");
  private static final List<CodeId> CODES = List.of(A, B, C);

  @Test
  void score_handComputedMultiLabelCase() {
    // truth: {a}, {a,b}, {c}, {b};  predicted: {a}, {a}, {b}, {b}
    CodedExamples truth = new CodedExamples(LabelMode.MULTI_LABEL, CODES, List.of(CodedExample.of("1", A),
        CodedExample.of("2", A, B), CodedExample.of("3", C), CodedExample.of("4", B)));
    List<Prediction> predicted = List.of(prediction(0.9, 0), prediction(0.8, 0), prediction(0.3, 1),
        prediction(0.7, 1));

    EvaluationReport report = CrossValidation.score(truth, predicted, 2, 1, 0);

    // tp = 3 (1:a, 2:a, 4:b); given 4; true 5
    assertThat(report.microPrecision()).isCloseTo(3 / 4.0, within(1e-12));
    assertThat(report.microRecall()).isCloseTo(3 / 5.0, within(1e-12));
    assertThat(report.microF1()).isCloseTo(2 * 0.75 * 0.6 / 1.35, within(1e-12));
    // a: P 1 R 1 F 1; b: P 1/2 R 1/2 F 1/2; c: P 0 R 0 F 0 -> macro 0.5 over 3 codes present
    assertThat(report.macroF1()).isCloseTo(0.5, within(1e-12));
    assertThat(report.codesPresent()).isEqualTo(3);
    assertThat(report.exactMatch()).isCloseTo(0.5, within(1e-12)); // rows 1 and 4
    // wrong decisions: row 2 b missed, row 3 b given and c missed -> 3 of 12
    assertThat(report.hammingLoss()).isCloseTo(3 / 12.0, within(1e-12));
    assertThat(report.perCode().get(1)).isEqualTo(CodeMetrics.of("b", 2, 2, 1));
  }

  @Test
  void score_coverageCurve_mostConfidentFirst() {
    CodedExamples truth = new CodedExamples(LabelMode.MULTI_LABEL, CODES, List.of(CodedExample.of("1", A),
        CodedExample.of("2", A, B), CodedExample.of("3", C), CodedExample.of("4", B)));
    List<Prediction> predicted = List.of(prediction(0.9, 0), prediction(0.8, 0), prediction(0.3, 1),
        prediction(0.7, 1));

    List<CoveragePoint> curve = CrossValidation.score(truth, predicted, 2, 1, 0).coverage();

    assertThat(curve).hasSize(10);
    CoveragePoint first = curve.get(0); // ceil(0.4) = 1 comment: row 1, right
    assertThat(first.comments()).isEqualTo(1);
    assertThat(first.precision()).isEqualTo(1.0);
    assertThat(first.confidenceThreshold()).isEqualTo(0.9);
    CoveragePoint all = curve.get(9);
    assertThat(all.comments()).isEqualTo(4);
    assertThat(all.precision()).isCloseTo(0.75, within(1e-12));
  }

  @Test
  void evaluate_syntheticData_reportsEveryFigureAsJsonAndTable() {
    EvaluationReport report = CrossValidation.evaluate(Synthetic.multiLabel(150, 7), Synthetic.options(), 3, 42);

    assertThat(report.microF1()).isGreaterThan(0.8);
    assertThat(report.toJson()).contains("\"microF1\"").contains("\"perCode\"").contains("\"coverage\"")
        .contains("\"support\"");
    assertThat(report.toTable()).contains("3-fold cross-validation of 150 comments").contains("micro precision")
        .contains("coverage");
  }

  @Test
  void folds_areStratifiedAndBalanced() {
    CodedExamples examples = Synthetic.multiLabel(100, 3);

    int[] fold = CrossValidation.folds(examples, 5, 42);

    int[] size = new int[5];
    for (int f : fold) {
      size[f]++;
    }
    assertThat(size).containsOnly(20);
    assertThat(CrossValidation.folds(examples, 5, 42)).isEqualTo(fold); // the seed fixes them
  }

  private static Prediction prediction(double confidence, int... assigned) {
    double[] p = new double[3];
    for (int c : assigned) {
      p[c] = 0.8;
    }
    return new Prediction(CODES, assigned, p, confidence, false);
  }
}
