package dev.insight.codeframe.learn;

/**
 * Platt scaling: a sigmoid {@code p = 1 / (1 + exp(a f + b))} fitted to out-of-fold decision values.
 *
 * <p>Implementation note: the Newton method with backtracking of Lin, Lin and Weng (2007), "A note on Platt's
 * probabilistic outputs for support vector machines", Machine Learning 68, with Platt's smoothed targets
 * {@code (n+ + 1) / (n+ + 2)} and {@code 1 / (n- + 2)} so that separable data does not give infinite slopes.
 */
final class Platt {
  private Platt() {}

  /** Returns {a, b}. */
  static double[] fit(double[] decision, boolean[] positive) {
    int n = decision.length;
    double prior1 = 0;
    for (boolean p : positive) {
      if (p) {
        prior1++;
      }
    }
    double prior0 = n - prior1;
    double hi = (prior1 + 1) / (prior1 + 2);
    double lo = 1 / (prior0 + 2);
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = positive[i] ? hi : lo;
    }
    double a = 0;
    double b = Math.log((prior0 + 1) / (prior1 + 1));
    double value = objective(decision, t, a, b);
    for (int iter = 0; iter < 100; iter++) {
      double h11 = 1e-12;
      double h22 = 1e-12;
      double h21 = 0;
      double g1 = 0;
      double g2 = 0;
      for (int i = 0; i < n; i++) {
        double fApB = decision[i] * a + b;
        double p;
        double q;
        if (fApB >= 0) {
          p = Math.exp(-fApB) / (1 + Math.exp(-fApB));
          q = 1 / (1 + Math.exp(-fApB));
        } else {
          p = 1 / (1 + Math.exp(fApB));
          q = Math.exp(fApB) / (1 + Math.exp(fApB));
        }
        double d2 = p * q;
        h11 += decision[i] * decision[i] * d2;
        h22 += d2;
        h21 += decision[i] * d2;
        double d1 = t[i] - p;
        g1 += decision[i] * d1;
        g2 += d1;
      }
      if (Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5) {
        break;
      }
      double det = h11 * h22 - h21 * h21;
      double dA = -(h22 * g1 - h21 * g2) / det;
      double dB = -(-h21 * g1 + h11 * g2) / det;
      double gd = g1 * dA + g2 * dB;
      double step = 1;
      while (step >= 1e-10) {
        double newA = a + step * dA;
        double newB = b + step * dB;
        double newValue = objective(decision, t, newA, newB);
        if (newValue < value + 1e-4 * step * gd) {
          a = newA;
          b = newB;
          value = newValue;
          break;
        }
        step /= 2;
      }
      if (step < 1e-10) {
        break;
      }
    }
    return new double[] {a, b};
  }

  static double probability(double decision, double a, double b) {
    double fApB = decision * a + b;
    return fApB >= 0 ? Math.exp(-fApB) / (1 + Math.exp(-fApB)) : 1 / (1 + Math.exp(fApB));
  }

  private static double objective(double[] decision, double[] t, double a, double b) {
    double sum = 0;
    for (int i = 0; i < decision.length; i++) {
      double fApB = decision[i] * a + b;
      sum += fApB >= 0 ? t[i] * fApB + Math.log1p(Math.exp(-fApB)) : (t[i] - 1) * fApB + Math.log1p(Math.exp(fApB));
    }
    return sum;
  }
}
