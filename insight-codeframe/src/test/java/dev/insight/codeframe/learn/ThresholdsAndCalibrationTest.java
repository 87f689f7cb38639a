package dev.insight.codeframe.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ThresholdsAndCalibrationTest {
  private static final double[] PROBABILITY = {0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1};
  private static final boolean[] POSITIVE = {true, true, false, true, false, true, false, false, false, false};

  @Test
  void precisionTarget_takesTheMostRecallAtThatPrecision() {
    // cumulative precision from the top: 1, 1, 2/3, 3/4, 3/5, 4/6 ...; 0.75 is last reached at the 4th (0.7)
    double threshold = Training.chooseThreshold(PROBABILITY, POSITIVE, 4, ThresholdPolicy.precision(0.75));

    assertThat(threshold).isCloseTo((0.7 + 0.6) / 2, within(1e-12)); // midway to the next score
  }

  @Test
  void precisionTarget_unreachable_neverGivesTheCode() {
    boolean[] none = new boolean[10];
    none[9] = true;
    none[8] = true;
    none[7] = true;

    double threshold = Training.chooseThreshold(PROBABILITY, none, 3, ThresholdPolicy.precision(0.9));

    assertThat(threshold).isInfinite();
  }

  @Test
  void halfBestF1_isHalfTheBestOutOfFoldF1() {
    // F1 at each cut: 2/5, 4/6, 4/7, 6/8, 6/9, 8/10 -> best 0.8 at the 6th
    double threshold = Training.chooseThreshold(PROBABILITY, POSITIVE, 4, ThresholdPolicy.bestF1());

    assertThat(threshold).isCloseTo(0.4, within(1e-12));
  }

  @Test
  void platt_isIncreasingInTheScoreAndNearTheEmpiricalRate() {
    double[] decision = new double[200];
    boolean[] positive = new boolean[200];
    for (int i = 0; i < 200; i++) {
      decision[i] = (i - 100) / 50.0;
      positive[i] = i % 4 != 0 ? i >= 100 : i < 100; // 75% agree with the sign of the score
    }

    double[] ab = Platt.fit(decision, positive);

    assertThat(ab[0]).isNegative(); // p = 1 / (1 + exp(a f + b)) rises with f
    assertThat(Platt.probability(1.5, ab[0], ab[1])).isGreaterThan(Platt.probability(-1.5, ab[0], ab[1]));
    // scores are symmetric around 0 with symmetric errors, so p(0) is near one half
    assertThat(Platt.probability(0, ab[0], ab[1])).isCloseTo(0.5, within(0.05));
  }
}
