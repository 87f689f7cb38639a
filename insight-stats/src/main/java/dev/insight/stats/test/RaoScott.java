package dev.insight.stats.test;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.NumericVariable;
import dev.insight.core.data.Variable;
import dev.insight.stats.design.SurveyDesign;
import java.util.Arrays;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Rao and Scott's corrected chi-square tests of association for a two-way table under a complex design.
 *
 * <p>Implementation note (Rao and Scott 1984; R {@code survey::svychisq}, which this reproduces): with cell
 * proportions {@code p} (rows varying fastest), their linearised covariance {@code V}, and {@code C} the columns of
 * the row-by-column interaction made orthogonal to the main effects, the generalised design effect matrix is
 * {@code Delta = (C' D^-1 C / N)^-1 (C' D^-1 V D^-1 C)} with {@code D = diag(p)} (cells with {@code p = 0} get
 * 0 in {@code D^-1}). Pearson's {@code X^2} of the weighted table scaled to {@code N} respondents is divided by
 * {@code trace(Delta)} for the second-order F with {@code d0 = trace(Delta)^2 / trace(Delta^2)} and
 * {@code d0 * nu} degrees of freedom, {@code nu} = primary units minus strata; or by the mean of Delta's
 * eigenvalues for the first-order chi-square on {@code (r-1)(c-1)} degrees of freedom. Only categories that occur
 * among the rows tested count, as R's {@code factor()} of the data does.
 *
 * <p>Two entry points by variable name and by codes grew on two branches and are kept side by side until the
 * lead merges them: {@link #test(SurveyDesign, String, String)} (whole sample, {@link RaoScottTest}) and the code-
 * and cell-sum-based methods used by banner tables ({@link RaoScottResult}, with filters as domains).
 */
public final class RaoScott {
  private RaoScott() {}

  /**
   * Tests the association of two categorical codings of the same respondents.
   *
   * @param design weights, strata, clusters and fpc of every respondent
   * @param rowCodes per respondent the row category (0 to {@code rowCategories - 1}), or -1 when missing
   * @param rowCategories the number of row categories
   * @param columnCodes per respondent the column category, or -1 when missing
   * @param columnCategories the number of column categories
   * @param keep per respondent whether it is in the domain tested (a filter); null for everyone. Rows outside
   *     stay in the design for the variance, as R's {@code subset} keeps them
   * @return the test, or empty when fewer than two row or column categories occur
   * @throws IllegalArgumentException when the arrays' lengths disagree, a code is out of range, or a stratum has a
   *     single primary unit
   */
  public static Optional<RaoScottResult> test(DesignColumns design, int[] rowCodes, int rowCategories,
      int[] columnCodes, int columnCategories, boolean @org.jspecify.annotations.Nullable [] keep) {
    checkNotNull(design, "design");
    return test(design.size(), rowCodes, rowCategories, columnCodes, columnCategories, keep,
        (cell, k, domain) -> Linearization.proportions(design, cell, k, domain));
  }

  /**
   * Tests the association of two categorical codings under a survey design; the covariance comes from the
   * design's own linearisation, so a calibrated (raked, post-stratified) design is accounted for, as R's
   * {@code svychisq} on such a design does. Respondents with weight 0 are outside the sample.
   *
   * @param design the design, in the same row order as the codes
   * @param rowCodes per respondent the row category, or -1 when missing
   * @param rowCategories the number of row categories
   * @param columnCodes per respondent the column category, or -1 when missing
   * @param columnCategories the number of column categories
   * @param keep per respondent whether it is in the domain tested; null for everyone
   * @return the test, or empty when fewer than two row or column categories occur
   * @throws IllegalArgumentException when the arrays' lengths disagree or a code is out of range
   */
  public static Optional<RaoScottResult> test(SurveyDesign design, int[] rowCodes,
      int rowCategories, int[] columnCodes, int columnCategories,
      boolean @org.jspecify.annotations.Nullable [] keep) {
    checkNotNull(design, "design");
    int n = design.rowCount();
    boolean[] inSample = new boolean[n];
    for (int i = 0; i < n; i++) {
      inSample[i] = design.inSample(i) && (keep == null || keep[i]);
    }
    return test(n, rowCodes, rowCategories, columnCodes, columnCategories, inSample,
        (cell, k, domain) -> DesignCovariance.proportions(design, cell, k, domain));
  }

  /** The covariance of the cell proportions of the rows with a cell. */
  private interface Covariance {
    Linearization.Result of(int[] cell, int k, boolean[] domain);
  }

  private static Optional<RaoScottResult> test(int n, int[] rowCodes, int rowCategories, int[] columnCodes,
      int columnCategories, boolean @org.jspecify.annotations.Nullable [] keep, Covariance covariance) {
    checkArgument(rowCodes.length == n && columnCodes.length == n,
        "rowCodes and columnCodes must have one value per respondent (%s): %s and %s", n, rowCodes.length,
        columnCodes.length);
    checkArgument(keep == null || keep.length == n, "keep: %s values for %s respondents",
        keep == null ? 0 : keep.length, n);
    int[] rowMap = observedLevels(rowCodes, rowCategories, keep, "rowCodes");
    int[] colMap = observedLevels(columnCodes, columnCategories, keep, "columnCodes");
    int nr = count(rowMap);
    int nc = count(colMap);
    if (nr < 2 || nc < 2) {
      return Optional.empty();
    }
    int k = nr * nc;
    int[] cell = new int[n];
    boolean[] domain = new boolean[n];
    int kept = 0;
    for (int i = 0; i < n; i++) {
      boolean in = keep == null || keep[i];
      domain[i] = in;
      if (in) {
        kept++;
      }
      int r = rowCodes[i];
      int c = columnCodes[i];
      cell[i] = in && r >= 0 && c >= 0 ? rowMap[r] + nr * colMap[c] : -1;
    }
    return Optional.of(correct(covariance.of(cell, k, domain), nr, nc, kept));
  }

  /**
   * Tests the association from the weighted cell sums alone, for a design with weights only (one stratum, every
   * respondent its own unit, no fpc): then the linearised covariance depends on the data only through each
   * cell's sum of weights and sum of squared weights, {@code V = n/(n-1) sum_k S2_k (e_k - p)(e_k - p)' / W^2}.
   * This is what a banner table has already accumulated, so the test costs no pass over the respondents. Row or
   * column categories whose cells are all empty are left out, as categories nobody chose.
   *
   * @param sumWeights per cell (row category fastest: {@code r + rows * c}) the sum of weights of the domain's
   *     respondents in it
   * @param sumSquaredWeights per cell the sum of their squared weights
   * @param rows the number of row categories
   * @param columns the number of column categories
   * @param designRows every respondent of the design, in or out of the domain ({@code n} above)
   * @param domainRows the respondents in the domain (filter), with or without an answer: Pearson's table is
   *     scaled to this many, and the degrees of freedom are this minus 1
   * @return the test, or empty when fewer than two row or column categories have respondents
   * @throws IllegalArgumentException when the arrays do not have {@code rows * columns} cells
   */
  public static Optional<RaoScottResult> fromCellSums(double[] sumWeights, double[] sumSquaredWeights, int rows,
      int columns, int designRows, int domainRows) {
    checkArgument(sumWeights.length == rows * columns && sumSquaredWeights.length == rows * columns,
        "cell sums: %s and %s values for %s x %s cells", sumWeights.length, sumSquaredWeights.length, rows,
        columns);
    boolean[] rowSeen = new boolean[rows];
    boolean[] colSeen = new boolean[columns];
    for (int c = 0; c < columns; c++) {
      for (int r = 0; r < rows; r++) {
        if (sumWeights[r + rows * c] > 0) {
          rowSeen[r] = true;
          colSeen[c] = true;
        }
      }
    }
    int[] rowMap = seenLevels(rowSeen);
    int[] colMap = seenLevels(colSeen);
    int nr = count(rowMap);
    int nc = count(colMap);
    if (nr < 2 || nc < 2) {
      return Optional.empty();
    }
    int k = nr * nc;
    double[] s1 = new double[k];
    double[] s2 = new double[k];
    double total = 0;
    for (int c = 0; c < columns; c++) {
      for (int r = 0; r < rows; r++) {
        if (rowMap[r] >= 0 && colMap[c] >= 0) {
          int cell = rowMap[r] + nr * colMap[c];
          s1[cell] = sumWeights[r + rows * c];
          s2[cell] = sumSquaredWeights[r + rows * c];
          total += s1[cell];
        }
      }
    }
    double[] p = new double[k];
    for (int j = 0; j < k; j++) {
      p[j] = s1[j] / total;
    }
    double[][] v = new double[k][k];
    double scale = designRows / (designRows - 1.0) / (total * total);
    for (int cell = 0; cell < k; cell++) {
      if (s2[cell] == 0) {
        continue;
      }
      for (int a = 0; a < k; a++) {
        double da = (a == cell ? 1 : 0) - p[a];
        for (int b = 0; b < k; b++) {
          v[a][b] += scale * s2[cell] * da * ((b == cell ? 1 : 0) - p[b]);
        }
      }
    }
    return Optional.of(correct(new Linearization.Result(p, v, total, domainRows - 1), nr, nc, domainRows));
  }

  private static int[] seenLevels(boolean[] seen) {
    int[] map = new int[seen.length];
    int next = 0;
    for (int j = 0; j < seen.length; j++) {
      map[j] = seen[j] ? next++ : -1;
    }
    return map;
  }

  private static RaoScottResult correct(Linearization.Result lin, int nr, int nc, int kept) {
    int k = nr * nc;
    double[] p = lin.proportions();
    double bigN = kept;

    // main effects and interaction columns of the saturated model, on the cells
    RealMatrix x1 = new Array2DRowRealMatrix(k, nr + nc - 1);
    RealMatrix x12 = new Array2DRowRealMatrix(k, (nr - 1) * (nc - 1));
    for (int c = 0; c < nc; c++) {
      for (int r = 0; r < nr; r++) {
        int cellIndex = r + nr * c;
        x1.setEntry(cellIndex, 0, 1);
        if (r > 0) {
          x1.setEntry(cellIndex, r, 1);
        }
        if (c > 0) {
          x1.setEntry(cellIndex, nr - 1 + c, 1);
        }
        if (r > 0 && c > 0) {
          x12.setEntry(cellIndex, (r - 1) + (nr - 1) * (c - 1), 1);
        }
      }
    }
    RealMatrix coefficients = new QRDecomposition(x1).getSolver().solve(x12);
    RealMatrix cmat = x12.subtract(x1.multiply(coefficients));
    RealMatrix inverseD = new Array2DRowRealMatrix(k, k);
    for (int j = 0; j < k; j++) {
      inverseD.setEntry(j, j, p[j] == 0 ? 0 : 1 / p[j]);
    }
    RealMatrix v = new Array2DRowRealMatrix(lin.covariance(), false);
    RealMatrix denominator = cmat.transpose().multiply(inverseD.scalarMultiply(1 / bigN)).multiply(cmat);
    RealMatrix numerator = cmat.transpose().multiply(inverseD).multiply(v).multiply(inverseD).multiply(cmat);
    RealMatrix delta = new LUDecomposition(denominator).getSolver().solve(numerator);
    double trace = delta.getTrace();
    double traceSquared = delta.multiply(delta).getTrace();
    double d0 = trace * trace / traceSquared;

    double pearson = pearson(p, nr, nc, bigN);
    double df = (nr - 1.0) * (nc - 1.0);
    double f = pearson / trace;
    double ddf = d0 * lin.degreesOfFreedom();
    double fP = new FDistribution(null, d0, ddf).cumulativeProbability(f);
    double firstOrder = pearson / (trace / df);
    double chiP = new ChiSquaredDistribution(null, df).cumulativeProbability(firstOrder);
    return new RaoScottResult(pearson, firstOrder, df, 1 - chiP, f, d0, ddf, 1 - fP, trace / df);
  }

  private static double pearson(double[] p, int nr, int nc, double bigN) {
    double[] rowTotals = new double[nr];
    double[] colTotals = new double[nc];
    for (int c = 0; c < nc; c++) {
      for (int r = 0; r < nr; r++) {
        rowTotals[r] += p[r + nr * c] * bigN;
        colTotals[c] += p[r + nr * c] * bigN;
      }
    }
    double x2 = 0;
    for (int c = 0; c < nc; c++) {
      for (int r = 0; r < nr; r++) {
        double expected = rowTotals[r] * colTotals[c] / bigN;
        double diff = p[r + nr * c] * bigN - expected;
        x2 += diff * diff / expected;
      }
    }
    return x2;
  }

  private static int[] observedLevels(int[] codes, int categories, boolean @org.jspecify.annotations.Nullable [] keep,
      String name) {
    boolean[] seen = new boolean[categories];
    for (int i = 0; i < codes.length; i++) {
      int code = codes[i];
      checkArgument(code >= -1 && code < categories, "%s: row %s has code %s, outside [-1, %s)", name, i, code,
          categories);
      if (code >= 0 && (keep == null || keep[i])) {
        seen[code] = true;
      }
    }
    int[] map = new int[categories];
    int next = 0;
    for (int j = 0; j < categories; j++) {
      map[j] = seen[j] ? next++ : -1;
    }
    return map;
  }

  private static int count(int[] map) {
    int count = 0;
    for (int m : map) {
      if (m >= 0) {
        count++;
      }
    }
    return count;
  }

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
