package dev.insight.codeframe.learn;

import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * A binary linear support vector machine with the squared hinge loss and L2 regularisation, trained by dual
 * coordinate descent.
 *
 * <p>Implementation note: Hsieh, Chang, Lin, Keerthi and Sundararajan (2008), "A dual coordinate descent method
 * for large-scale linear SVM", ICML, the method of LIBLINEAR's solver 1 with its shrinking heuristic. The bias is an extra
 * feature of constant value 1 (regularised like the weights, as LIBLINEAR does). Costs may differ per class so
 * rare codes can be weighted up. Stops when the projected gradient's spread falls below {@code epsilon}
 * (LIBLINEAR's default 0.1) or after {@code maxPasses} passes.
 */
final class LinearSvm {
  private LinearSvm() {}

  /** The weights of one code: {@code w[0..features-1]} and the bias in {@code w[features]}. */
  static double[] train(SparseRows x, int[] rows, boolean[] positive, int features, double costPositive,
      double costNegative, double epsilon, int maxPasses, long seed) {
    return train(x, null, rows, positive, features, costPositive, costNegative, epsilon, maxPasses, seed);
  }

  /**
   * As {@link #train(SparseRows, int[], boolean[], int, double, double, double, int, long)} on the features
   * multiplied by {@code scale} (column {@code j} by {@code scale[j]}; {@code null} for none). The weights returned
   * apply to the unscaled features: the scale is folded into them.
   */
  static double[] train(SparseRows x, float @Nullable [] scale, int[] rows, boolean[] positive, int features,
      double costPositive, double costNegative, double epsilon, int maxPasses, long seed) {
    if (scale != null) {
      x = x.scaled(scale);
    }
    int n = rows.length;
    double[] w = new double[features + 1];
    double[] alpha = new double[n];
    double[] qDiagonal = new double[n];
    double[] diagonal = new double[n];
    byte[] sign = new byte[n];
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      int r = rows[i];
      sign[i] = positive[r] ? (byte) 1 : (byte) -1;
      diagonal[i] = 0.5 / (positive[r] ? costPositive : costNegative);
      qDiagonal[i] = x.squaredNorm(r) + 1 + diagonal[i];
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    int[] start = x.start;
    int[] index = x.index;
    float[] value = x.value;
    int active = n;
    double maxOld = Double.POSITIVE_INFINITY;
    double minOld = Double.NEGATIVE_INFINITY;
    for (int pass = 0; pass < maxPasses; pass++) {
      for (int i = active - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      double maxGradient = Double.NEGATIVE_INFINITY;
      double minGradient = Double.POSITIVE_INFINITY;
      for (int s = 0; s < active; s++) {
        int i = order[s];
        int r = rows[i];
        double margin = w[features];
        for (int k = start[r]; k < start[r + 1]; k++) {
          margin += value[k] * w[index[k]];
        }
        double gradient = sign[i] * margin - 1 + diagonal[i] * alpha[i];
        double projected = gradient;
        if (alpha[i] == 0) {
          if (gradient > maxOld) {
            // shrinking: a comment well outside the margin stays at alpha 0; skip it until the final check
            active--;
            order[s] = order[active];
            order[active] = i;
            s--;
            continue;
          }
          projected = Math.min(gradient, 0);
        }
        maxGradient = Math.max(maxGradient, projected);
        minGradient = Math.min(minGradient, projected);
        if (Math.abs(projected) > 1e-12) {
          double old = alpha[i];
          alpha[i] = Math.max(old - gradient / qDiagonal[i], 0);
          double step = (alpha[i] - old) * sign[i];
          for (int k = start[r]; k < start[r + 1]; k++) {
            w[index[k]] += step * value[k];
          }
          w[features] += step;
        }
      }
      if (maxGradient - minGradient <= epsilon) {
        if (active == n) {
          break;
        }
        // converged on the active set: check every comment once more without shrinking
        active = n;
        maxOld = Double.POSITIVE_INFINITY;
        minOld = Double.NEGATIVE_INFINITY;
        continue;
      }
      maxOld = maxGradient <= 0 ? Double.POSITIVE_INFINITY : maxGradient;
      minOld = minGradient >= 0 ? Double.NEGATIVE_INFINITY : minGradient;
    }
    if (scale != null) {
      for (int f = 0; f < features; f++) {
        w[f] *= scale[f];
      }
    }
    return w;
  }
}
