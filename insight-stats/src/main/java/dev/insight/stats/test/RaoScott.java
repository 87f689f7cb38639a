package dev.insight.stats.test;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.NumericVariable;
import dev.insight.core.data.Variable;
import dev.insight.stats.design.SurveyDesign;
import java.util.Arrays;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Rao-Scott tests of association in a two-way table of a survey design.
 *
 * <p>Implementation note: Rao and Scott (1981, 1984), as R {@code survey}'s {@code svychisq}. With {@code p} the
 * weighted cell proportions and {@code V} their design-based covariance (Taylor linearisation, calibration-aware),
 * {@code C} the interaction contrasts (interaction dummies residualised on the main effects), {@code D = diag(p)}
 * and {@code N} the number of respondents: {@code Delta = (C' D^-1 C / N)^-1 C' D^-1 V D^-1 C}. Pearson's X^2 of
 * the weighted table scaled to {@code N} is divided by {@code mean(diag(Delta))} (first order, chi-square) or by
 * {@code trace(Delta)} with {@code d0 = trace(Delta)^2 / trace(Delta^2)} numerator and {@code d0 * nu} denominator
 * degrees of freedom (second order, F), {@code nu} being the design's degrees of freedom.
 */
public final class RaoScott {
  private RaoScott() {}

  /**
   * Tests the association between two variables.
   *
   * @param design the design (its weights, strata, clusters, fpc and calibrations are all used)
   * @param rowVariable a categorical variable, or a numeric one whose distinct values are its levels
   * @param columnVariable likewise
   * @return the test; respondents missing either variable are left out, as R's {@code na.rm = TRUE}
   * @throws IllegalArgumentException when a variable has fewer than 2 levels in the sample
   */
  public static RaoScottTest test(SurveyDesign design, String rowVariable, String columnVariable) {
    checkNotNull(design, "design");
    Dataset data = design.data();
    int n = design.rowCount();
    int[] r = levels(data.variable(rowVariable), design);
    int[] c = levels(data.variable(columnVariable), design);
    int nr = max(r) + 1;
    int nc = max(c) + 1;
    checkArgument(nr >= 2, "variable %s has fewer than 2 levels in the sample", rowVariable);
    checkArgument(nc >= 2, "variable %s has fewer than 2 levels in the sample", columnVariable);
    int cells = nr * nc;
    int respondents = 0;
    double sumW = 0;
    double[] p = new double[cells];
    for (int i = 0; i < n; i++) {
      if (design.inSample(i)) {
        respondents++;
      }
      if (design.inSample(i) && r[i] >= 0 && c[i] >= 0) {
        double w = design.weight(i);
        sumW += w;
        p[r[i] + nr * c[i]] += w;
      }
    }
    for (int k = 0; k < cells; k++) {
      p[k] /= sumW;
    }
    double[][] z = new double[cells][n];
    for (int i = 0; i < n; i++) {
      if (!design.inSample(i) || r[i] < 0 || c[i] < 0) {
        continue;
      }
      double w = design.weight(i) / sumW;
      int cell = r[i] + nr * c[i];
      for (int k = 0; k < cells; k++) {
        z[k][i] = w * ((k == cell ? 1 : 0) - p[k]);
      }
    }
    RealMatrix v = new Array2DRowRealMatrix(design.covariance(z), false);
    double bigN = respondents;
    double[] rowShare = new double[nr];
    double[] colShare = new double[nc];
    for (int a = 0; a < nr; a++) {
      for (int b = 0; b < nc; b++) {
        rowShare[a] += p[a + nr * b];
        colShare[b] += p[a + nr * b];
      }
    }
    double pearson = 0;
    for (int a = 0; a < nr; a++) {
      for (int b = 0; b < nc; b++) {
        double expected = rowShare[a] * colShare[b];
        double d = p[a + nr * b] - expected;
        pearson += bigN * d * d / expected;
      }
    }
    RealMatrix contrasts = contrasts(nr, nc);
    double[] inverse = new double[cells];
    for (int k = 0; k < cells; k++) {
      inverse[k] = p[k] == 0 ? 0 : 1 / p[k];
    }
    RealMatrix dinvC = contrasts.copy();
    for (int k = 0; k < cells; k++) {
      for (int j = 0; j < dinvC.getColumnDimension(); j++) {
        dinvC.setEntry(k, j, dinvC.getEntry(k, j) * inverse[k]);
      }
    }
    RealMatrix denominator = contrasts.transpose().multiply(dinvC).scalarMultiply(1 / bigN);
    RealMatrix numerator = dinvC.transpose().multiply(v).multiply(dinvC);
    RealMatrix delta = new LUDecomposition(denominator).getSolver().solve(numerator);
    double trace = delta.getTrace();
    double trace2 = delta.multiply(delta).getTrace();
    double d0 = trace * trace / trace2;
    int nu = design.degreesOfFreedom(allRows(n));
    int df = (nr - 1) * (nc - 1);
    double mean = trace / df;
    double chisqP = 1 - new ChiSquaredDistribution(null, df, 1e-14).cumulativeProbability(pearson / mean);
    double f = pearson / trace;
    double fP = 1 - new FDistribution(null, d0, d0 * nu, 1e-14).cumulativeProbability(f);
    return new RaoScottTest(rowVariable, columnVariable, nr, nc, pearson, chisqP, mean, f, d0, d0 * nu, fP);
  }

  private static boolean[] allRows(int n) {
    boolean[] all = new boolean[n];
    Arrays.fill(all, true);
    return all;
  }

  private static int max(int[] values) {
    int max = -1;
    for (int v : values) {
      max = Math.max(max, v);
    }
    return max;
  }

  /* Each row's level among the values found in the sample (in order), -1 when missing or outside the sample. */
  private static int[] levels(Variable variable, SurveyDesign design) {
    int n = design.rowCount();
    int[] level = new int[n];
    Arrays.fill(level, -1);
    if (variable instanceof CategoricalVariable c) {
      int[] code = new int[c.categories().size()];
      Arrays.fill(code, -1);
      boolean[] seen = new boolean[code.length];
      for (int i = 0; i < n; i++) {
        if (design.inSample(i) && !c.isMissing(i)) {
          seen[c.categoryIndex(i)] = true;
        }
      }
      int next = 0;
      for (int k = 0; k < code.length; k++) {
        if (seen[k]) {
          code[k] = next++;
        }
      }
      for (int i = 0; i < n; i++) {
        if (design.inSample(i) && !c.isMissing(i)) {
          level[i] = code[c.categoryIndex(i)];
        }
      }
    } else if (variable instanceof NumericVariable num) {
      TreeMap<Double, Integer> values = new TreeMap<>();
      for (int i = 0; i < n; i++) {
        if (design.inSample(i) && !num.isMissing(i)) {
          values.put(num.valueAt(i), 0);
        }
      }
      int next = 0;
      for (var e : values.entrySet()) {
        e.setValue(next++);
      }
      for (int i = 0; i < n; i++) {
        if (design.inSample(i) && !num.isMissing(i)) {
          level[i] = values.get(num.valueAt(i));
        }
      }
    } else {
      throw new IllegalArgumentException("variable " + variable.name() + " must be categorical or numeric for a "
          + "test of association");
    }
    return level;
  }

  /* Interaction dummies (row level >= 1 and column level >= 1) residualised on intercept and main effects. */
  private static RealMatrix contrasts(int nr, int nc) {
    int cells = nr * nc;
    int mainColumns = 1 + (nr - 1) + (nc - 1);
    int interactions = (nr - 1) * (nc - 1);
    RealMatrix x1 = new Array2DRowRealMatrix(cells, mainColumns);
    RealMatrix x12 = new Array2DRowRealMatrix(cells, interactions);
    for (int b = 0; b < nc; b++) {
      for (int a = 0; a < nr; a++) {
        int cell = a + nr * b;
        x1.setEntry(cell, 0, 1);
        if (a > 0) {
          x1.setEntry(cell, a, 1);
        }
        if (b > 0) {
          x1.setEntry(cell, nr - 1 + b, 1);
        }
        if (a > 0 && b > 0) {
          x12.setEntry(cell, (a - 1) + (nr - 1) * (b - 1), 1);
        }
      }
    }
    RealMatrix xtx = x1.transpose().multiply(x1);
    RealMatrix beta = new LUDecomposition(xtx).getSolver().solve(x1.transpose().multiply(x12));
    return x12.subtract(x1.multiply(beta));
  }
}
