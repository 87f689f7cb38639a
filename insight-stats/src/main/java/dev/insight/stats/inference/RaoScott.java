package dev.insight.stats.inference;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.NumericVariable;
import dev.insight.core.data.Variable;
import dev.insight.stats.design.Filter;
import dev.insight.stats.design.SurveyDesign;
import java.util.Arrays;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.jspecify.annotations.Nullable;

/**
 * Rao and Scott's corrected chi-square tests of association for a two-way table under a survey design.
 *
 * <p>Implementation note (Rao and Scott 1984; R {@code survey::svychisq}, which this reproduces): with cell
 * proportions {@code p} (rows varying fastest), their covariance {@code V} from the design
 * ({@link SurveyDesign#proportionCovariance(int[], int)}: linearised, accounting for calibration, or from the
 * replicates), and {@code C} the columns of the row-by-column interaction made orthogonal to the main effects, the
 * generalised design effect matrix is {@code Delta = (C' D^-1 C / N)^-1 (C' D^-1 V D^-1 C)} with
 * {@code D = diag(p)} (cells with {@code p = 0} get 0 in {@code D^-1}). Pearson's {@code X^2} of the weighted
 * table scaled to {@code N} respondents is divided by {@code trace(Delta)} for the second-order F with
 * {@code d0 = trace(Delta)^2 / trace(Delta^2)} and {@code d0 * nu} degrees of freedom, {@code nu} the design's
 * degrees of freedom in the respondents tested; or by the mean of Delta's eigenvalues for the first-order
 * chi-square on {@code (r-1)(c-1)} degrees of freedom. Only categories that occur among the respondents tested
 * count, as R's {@code factor()} of the data does; a subgroup keeps the whole design, as R's {@code subset}.
 */
public final class RaoScott {
  private RaoScott() {}

  /**
   * Tests the association between two variables over the whole sample.
   *
   * @param design the design (its weights, strata, clusters, fpc and calibrations are all used)
   * @param rowVariable a categorical variable, or a numeric one whose distinct values are its levels
   * @param columnVariable likewise
   * @return the test; respondents missing either variable are left out, as R's {@code na.rm = TRUE}
   * @throws IllegalArgumentException when a variable has fewer than 2 levels in the sample
   */
  public static RaoScottTest test(SurveyDesign design, String rowVariable, String columnVariable) {
    return test(design, Filter.all(), rowVariable, columnVariable);
  }

  /**
   * Tests the association between two variables in a subgroup, which keeps the whole design.
   *
   * @param design the design
   * @param subgroup the respondents tested
   * @param rowVariable a categorical variable, or a numeric one whose distinct values are its levels
   * @param columnVariable likewise
   * @return the test
   * @throws IllegalArgumentException when a variable has fewer than 2 levels among the respondents tested
   */
  public static RaoScottTest test(SurveyDesign design, Filter subgroup, String rowVariable, String columnVariable) {
    checkNotNull(design, "design");
    boolean[] keep = subgroup.select(design.data());
    int[] r = levels(design.data().variable(rowVariable), design, keep);
    int[] c = levels(design.data().variable(columnVariable), design, keep);
    int nr = max(r) + 1;
    int nc = max(c) + 1;
    checkArgument(nr >= 2, "variable %s has fewer than 2 levels in the sample", rowVariable);
    checkArgument(nc >= 2, "variable %s has fewer than 2 levels in the sample", columnVariable);
    return test(design, rowVariable, r, nr, columnVariable, c, nc, keep).orElseThrow();
  }

  /**
   * Tests the association of two codings of the design's respondents, such as a table's row and banner
   * variables or an option of a multiple-response question (chosen or not) against a banner variable.
   *
   * @param design the design, in the same row order as the codes
   * @param rowName what the row codes are, for the result
   * @param rowCodes per respondent the row category (0 to {@code rowCategories - 1}), or -1 when missing
   * @param rowCategories the number of row categories
   * @param columnName what the column codes are, for the result
   * @param columnCodes per respondent the column category, or -1 when missing
   * @param columnCategories the number of column categories
   * @param keep per respondent whether it is in the subgroup tested; null for everyone. Rows outside stay in the
   *     design for the variance, as R's {@code subset} keeps them
   * @return the test, or empty when fewer than two row or column categories occur
   * @throws IllegalArgumentException when the arrays' lengths disagree or a code is out of range
   */
  public static Optional<RaoScottTest> test(SurveyDesign design, String rowName, int[] rowCodes, int rowCategories,
      String columnName, int[] columnCodes, int columnCategories, boolean @Nullable [] keep) {
    checkNotNull(design, "design");
    int n = design.rowCount();
    checkArgument(rowCodes.length == n && columnCodes.length == n,
        "rowCodes and columnCodes must have one value per respondent (%s): %s and %s", n, rowCodes.length,
        columnCodes.length);
    checkArgument(keep == null || keep.length == n, "keep: %s values for %s respondents",
        keep == null ? 0 : keep.length, n);
    boolean[] domain = new boolean[n];
    int kept = 0;
    for (int i = 0; i < n; i++) {
      domain[i] = design.inSample(i) && (keep == null || keep[i]);
      if (domain[i]) {
        kept++;
      }
    }
    int[] rowMap = observedLevels(rowCodes, rowCategories, domain, "rowCodes");
    int[] colMap = observedLevels(columnCodes, columnCategories, domain, "columnCodes");
    int nr = count(rowMap);
    int nc = count(colMap);
    if (nr < 2 || nc < 2) {
      return Optional.empty();
    }
    int k = nr * nc;
    int[] cell = new int[n];
    double total = 0;
    double[] p = new double[k];
    for (int i = 0; i < n; i++) {
      int r = rowCodes[i];
      int c = columnCodes[i];
      cell[i] = domain[i] && r >= 0 && c >= 0 ? rowMap[r] + nr * colMap[c] : -1;
      if (cell[i] >= 0) {
        p[cell[i]] += design.weight(i);
        total += design.weight(i);
      }
    }
    for (int j = 0; j < k; j++) {
      p[j] /= total;
    }
    double[][] v = design.proportionCovariance(cell, k);
    int nu = design.degreesOfFreedom(domain);
    return Optional.of(correct(rowName, columnName, p, v, nr, nc, kept, nu));
  }

  /**
   * Tests the association from a table's cell sums, for a weights-only design
   * ({@link SurveyDesign#isWeightsOnly()}): the covariance comes from
   * {@link SurveyDesign#proportionCovarianceOfSums(double[], double[])}, so the test costs no pass over the
   * respondents. Row or column categories whose cells are all empty are left out, as categories nobody chose.
   * The result equals {@link #test(SurveyDesign, String, int[], int, String, int[], int, boolean[])} on the same
   * respondents.
   *
   * @param design a weights-only design
   * @param rowName what the rows are, for the result
   * @param columnName what the columns are, for the result
   * @param sumWeights per cell (row category fastest: {@code r + rows * c}) the sum of the weights of the
   *     subgroup's respondents in it
   * @param sumSquaredWeights per cell the sum of their squared weights
   * @param rows the number of row categories
   * @param columns the number of column categories
   * @param subgroupRespondents the subgroup's respondents in the sample, with or without an answer: Pearson's
   *     table is scaled to this many, and the degrees of freedom are this minus 1
   * @return the test, or empty when fewer than two row or column categories have respondents
   * @throws IllegalStateException when the design is not weights-only
   */
  public static Optional<RaoScottTest> fromCellSums(SurveyDesign design, String rowName, String columnName,
      double[] sumWeights, double[] sumSquaredWeights, int rows, int columns, int subgroupRespondents) {
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
    int[] rowMap = seen(rowSeen);
    int[] colMap = seen(colSeen);
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
    double[][] v = design.proportionCovarianceOfSums(s1, s2);
    return Optional.of(correct(rowName, columnName, p, v, nr, nc, subgroupRespondents, subgroupRespondents - 1));
  }

  private static int[] seen(boolean[] seen) {
    int[] map = new int[seen.length];
    int next = 0;
    for (int j = 0; j < seen.length; j++) {
      map[j] = seen[j] ? next++ : -1;
    }
    return map;
  }

  private static RaoScottTest correct(String rowName, String columnName, double[] p, double[][] covariance,
      int nr, int nc, int kept, int nu) {
    int cells = nr * nc;
    double bigN = kept;
    RealMatrix contrasts = contrasts(nr, nc);
    RealMatrix dinvC = contrasts.copy();
    for (int k = 0; k < cells; k++) {
      double inverse = p[k] == 0 ? 0 : 1 / p[k];
      for (int j = 0; j < dinvC.getColumnDimension(); j++) {
        dinvC.setEntry(k, j, dinvC.getEntry(k, j) * inverse);
      }
    }
    RealMatrix v = new Array2DRowRealMatrix(covariance, false);
    RealMatrix denominator = contrasts.transpose().multiply(dinvC).scalarMultiply(1 / bigN);
    RealMatrix numerator = dinvC.transpose().multiply(v).multiply(dinvC);
    RealMatrix delta = new LUDecomposition(denominator).getSolver().solve(numerator);
    double trace = delta.getTrace();
    double traceSquared = delta.multiply(delta).getTrace();
    double d0 = trace * trace / traceSquared;
    double pearson = pearson(p, nr, nc, bigN);
    int df = (nr - 1) * (nc - 1);
    double mean = trace / df;
    double chisqP = 1 - new ChiSquaredDistribution(null, df, 1e-14).cumulativeProbability(pearson / mean);
    double f = pearson / trace;
    double fP = 1 - new FDistribution(null, d0, d0 * nu, 1e-14).cumulativeProbability(f);
    return new RaoScottTest(rowName, columnName, nr, nc, f, d0, d0 * nu, fP, pearson, df, chisqP, mean);
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

  private static int[] observedLevels(int[] codes, int categories, boolean[] keep,
      String name) {
    boolean[] seen = new boolean[categories];
    for (int i = 0; i < codes.length; i++) {
      int code = codes[i];
      checkArgument(code >= -1 && code < categories, "%s: row %s has code %s, outside [-1, %s)", name, i, code,
          categories);
      if (code >= 0 && keep[i]) {
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

  private static int max(int[] values) {
    int max = -1;
    for (int v : values) {
      max = Math.max(max, v);
    }
    return max;
  }

  /* Each row's level among the values found in the sample (in order), -1 when missing or outside the sample. */
  private static int[] levels(Variable variable, SurveyDesign design, boolean[] keep) {
    int n = design.rowCount();
    int[] level = new int[n];
    Arrays.fill(level, -1);
    if (variable instanceof CategoricalVariable c) {
      int[] code = new int[c.categories().size()];
      Arrays.fill(code, -1);
      boolean[] seen = new boolean[code.length];
      for (int i = 0; i < n; i++) {
        if (keep[i] && design.inSample(i) && !c.isMissing(i)) {
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
        if (keep[i] && design.inSample(i) && !c.isMissing(i)) {
          level[i] = code[c.categoryIndex(i)];
        }
      }
    } else if (variable instanceof NumericVariable num) {
      TreeMap<Double, Integer> values = new TreeMap<>();
      for (int i = 0; i < n; i++) {
        if (keep[i] && design.inSample(i) && !num.isMissing(i)) {
          values.put(num.valueAt(i), 0);
        }
      }
      int next = 0;
      for (var e : values.entrySet()) {
        e.setValue(next++);
      }
      for (int i = 0; i < n; i++) {
        if (keep[i] && design.inSample(i) && !num.isMissing(i)) {
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
