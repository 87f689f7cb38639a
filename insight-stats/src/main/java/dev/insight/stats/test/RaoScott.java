package dev.insight.stats.test;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
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
  public static Optional<RaoScottResult> test(dev.insight.stats.design.SurveyDesign design, int[] rowCodes,
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
    int[] rowMap = levels(rowSeen);
    int[] colMap = levels(colSeen);
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

  private static int[] levels(boolean[] seen) {
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
}
