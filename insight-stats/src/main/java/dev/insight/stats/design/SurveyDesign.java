package dev.insight.stats.design;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.data.Dataset;
import dev.insight.core.data.NumericVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A survey design: a dataset tied to weights and, optionally, strata, clusters (primary sampling units) and a
 * finite population correction, as R {@code survey}'s {@code svydesign}.
 *
 * <p>Immutable. A {@link Weighting} returns a new design that remembers how it was made ({@link #history()}) and
 * the calibrations that its variance estimates must take into account. A respondent with weight 0 (given so, as R
 * allows, or left out by an explicit missing-value policy) is outside the sample: counted in no base, no PSU and no
 * degrees of freedom.
 */
public final class SurveyDesign {
  private final Dataset data;
  private final double[] weights;
  private final @Nullable String strata;
  private final @Nullable String cluster;
  private final @Nullable String fpc;
  private final List<DesignStep> history;
  private final List<Calibration> calibrations;
  private final @Nullable String cluster2;
  private final @Nullable String fpc2;
  private final LonelyPsu lonely;
  private final Structure structure;
  private final @Nullable Replicates replicates;

  private SurveyDesign(Dataset data, double[] weights, @Nullable String strata, @Nullable String cluster,
      @Nullable String fpc, @Nullable String cluster2, @Nullable String fpc2, LonelyPsu lonely,
      List<DesignStep> history, List<Calibration> calibrations, @Nullable Structure structure,
      @Nullable Replicates replicates) {
    this.data = data;
    this.weights = weights;
    this.strata = strata;
    this.cluster = cluster;
    this.fpc = fpc;
    this.history = List.copyOf(history);
    this.calibrations = List.copyOf(calibrations);
    this.cluster2 = cluster2;
    this.fpc2 = fpc2;
    this.lonely = lonely;
    this.structure = structure != null ? structure
        : new Structure(data, weights, strata, cluster, fpc, cluster2, fpc2, lonely);
    this.replicates = replicates;
  }

  /**
   * A builder for a design over this dataset.
   *
   * @param data the respondents
   * @return a new builder; without weights every respondent weighs 1
   */
  public static Builder builder(Dataset data) {
    return new Builder(checkNotNull(data, "data"));
  }

  /**
   * The dataset.
   *
   * @return the dataset
   */
  public Dataset data() {
    return data;
  }

  /**
   * The number of respondents (rows), including any with weight 0.
   *
   * @return the number of rows
   */
  public int rowCount() {
    return weights.length;
  }

  /**
   * The weight of a respondent.
   *
   * @param row the row
   * @return the weight; 0 for a respondent outside the sample
   */
  public double weight(int row) {
    return weights[row];
  }

  /**
   * A copy of the weights.
   *
   * @return a new array in row order
   */
  public double[] weights() {
    return weights.clone();
  }

  /**
   * The strata variable.
   *
   * @return its name, or empty for an unstratified design
   */
  public Optional<String> strata() {
    return Optional.ofNullable(strata);
  }

  /**
   * The cluster (PSU) variable.
   *
   * @return its name, or empty when every respondent is its own PSU
   */
  public Optional<String> cluster() {
    return Optional.ofNullable(cluster);
  }

  /**
   * The finite population correction variable.
   *
   * @return its name, or empty for sampling with replacement
   */
  public Optional<String> fpc() {
    return Optional.ofNullable(fpc);
  }

  /**
   * How this design was made, oldest step first.
   *
   * @return an immutable list
   */
  public List<DesignStep> history() {
    return history;
  }

  /* The calibrations applied to the weights, oldest first; empty for fixed weights. */
  List<Calibration> calibrations() {
    return calibrations;
  }

  /**
   * Whether the weights were calibrated, so variances account for it.
   *
   * @return true after raking, post-stratification or calibration
   */
  public boolean isCalibrated() {
    return !calibrations.isEmpty();
  }

  /**
   * Whether a respondent is in the sample (weight above 0).
   *
   * @param row the row
   * @return true when in the sample
   */
  public boolean inSample(int row) {
    return structure.inSample[row];
  }

  /**
   * This design with new weights, after a weighting step. The strata, clusters and fpc are kept.
   *
   * @param newWeights the weights, one per row, finite and not negative (0 leaves a respondent out of the sample)
   * @param calibration how the step constrained the weights, or null when it did not (trimming)
   * @param step what was done
   * @return a new design
   * @throws IllegalArgumentException when a weight is negative or not finite, or the length differs
   */
  SurveyDesign reweighted(double[] newWeights, @Nullable Calibration calibration, DesignStep step) {
    checkArgument(replicates == null, "%s of a replicate-weight design (%s) is not supported: its replicates "
        + "would keep their weights", checkNotNull(step, "step").operation(), replicates == null ? "" : replicates.type);
    return reweighted(newWeights, calibration, step, null);
  }

  /**
   * This design with new weights, after a weighting step that can be done again on each replicate: a
   * replicate-weight design's replicates are weighted by {@code refit} to the same targets (R's
   * {@code postStratify}, {@code rake}, {@code calibrate} on an {@code svyrep.design}).
   *
   * @param newWeights the full-sample weights after the step
   * @param calibration how the step constrained the weights
   * @param step what was done
   * @param refit how to do the step on each replicate; null when the design has no replicates
   * @return a new design
   */
  SurveyDesign reweighted(double[] newWeights, @Nullable Calibration calibration, DesignStep step,
      @Nullable ReplicateRefit refit) {
    checkArgument(replicates == null || refit != null, "%s of a replicate-weight design needs its replicates "
        + "weighted too", step);
    checkArgument(newWeights.length == weights.length, "%s weights for %s rows", newWeights.length, weights.length);
    double[] copy = newWeights.clone();
    boolean sameSample = true;
    for (int i = 0; i < copy.length; i++) {
      if (!(copy[i] >= 0 && Double.isFinite(copy[i]))) {
        throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "weight of respondent %s is %s", data.id(i), copy[i]));
      }
      sameSample &= (copy[i] > 0) == structure.inSample[i];
    }
    List<DesignStep> steps = new ArrayList<>(history);
    steps.add(checkNotNull(step, "step"));
    List<Calibration> cals = new ArrayList<>(calibrations);
    if (calibration != null) {
      cals.add(calibration);
    }
    Replicates reps = replicates == null ? null : replicates.refit(refit);
    return new SurveyDesign(data, copy, strata, cluster, fpc, cluster2, fpc2, lonely, steps, cals,
        sameSample ? structure : null, reps);
  }

  /**
   * The Taylor-linearisation variance of an estimated total whose weighted influence values are {@code z} (R's
   * {@code svyrecvar}): the values are first replaced by their residuals on every calibration of the design, then
   * summed within PSUs and their spread taken within strata, with the finite population correction.
   *
   * <p>For a domain, give 0 to the respondents outside it: the whole design stays, as R's {@code subset}.
   *
   * @param z one value per row, {@code w_i * u_i} for an influence {@code u_i}; not modified
   * @return the variance, 0 or more
   * @throws IllegalArgumentException when the length differs from {@link #rowCount()}
   * @throws IllegalStateException for a replicate-weight design, whose variances come from its replicates
   *     ({@link #replicateTotals(double[]...)})
   */
  public double variance(double[] z) {
    checkArgument(z.length == weights.length, "%s influence values for %s rows", z.length, weights.length);
    noLinearisation();
    if (calibrations.isEmpty()) {
      return structure.variance(z);
    }
    double[] x = z.clone();
    for (Calibration calibration : calibrations) {
      calibration.residualise(x);
    }
    return structure.variance(x);
  }

  /**
   * The Taylor-linearisation covariance matrix of several estimated totals (R's {@code svyrecvar} of a matrix), for
   * tests and contrasts between estimates.
   *
   * @param z for each total, one weighted influence value per row, as in {@link #variance(double[])}; not modified
   * @return the {@code z.length x z.length} covariance matrix
   * @throws IllegalArgumentException when a column's length differs from {@link #rowCount()}
   * @throws IllegalStateException for a replicate-weight design
   */
  public double[][] covariance(double[][] z) {
    noLinearisation();
    double[][] x = new double[z.length][];
    for (int k = 0; k < z.length; k++) {
      checkArgument(z[k].length == weights.length, "%s influence values for %s rows", z[k].length, weights.length);
      x[k] = z[k].clone();
      for (Calibration calibration : calibrations) {
        calibration.residualise(x[k]);
      }
    }
    return structure.covariance(x);
  }

  private void noLinearisation() {
    if (replicates != null) {
      throw new IllegalStateException("a replicate-weight design has no linearisation: its variances come from "
          + "its replicates");
    }
  }

  /**
   * The covariance matrix of the proportions of the respondents in each of several cells, among the sample's
   * respondents with a cell: {@code p_k = sum w 1[cell = k] / sum w 1[cell >= 0]}. This is what tests of
   * association need; respondents with no cell (-1) form the complement of the domain and stay in the design, as
   * R's {@code svymean(na.rm = TRUE)} of a subset.
   *
   * <p>Implementation note: the influence of {@code p_k} is {@code z_ki = w_i (1[cell_i = k] - p_k) / W}. Without
   * clusters and calibration the PSU totals are the rows themselves, so the sums are aggregated by (stratum, cell)
   * in one pass and the cost does not grow with the rows beyond it; otherwise {@link #covariance(double[][])}.
   *
   * @param cell per row the cell, {@code 0 .. cells - 1}, or -1 for none
   * @param cells the number of cells
   * @return the {@code cells x cells} covariance matrix
   * @throws IllegalArgumentException when the length differs from {@link #rowCount()}, a cell is out of range or
   *     no respondent of the sample has a cell
   */
  public double[][] proportionCovariance(int[] cell, int cells) {
    checkArgument(cell.length == weights.length, "%s cells for %s rows", cell.length, weights.length);
    double total = 0;
    double[] p = new double[cells];
    for (int i = 0; i < cell.length; i++) {
      int c = cell[i];
      checkArgument(c >= -1 && c < cells, "row %s has cell %s, outside [-1, %s)", i, c, cells);
      if (c >= 0 && structure.inSample[i]) {
        p[c] += weights[i];
        total += weights[i];
      }
    }
    checkArgument(total > 0, "no respondent in the sample has a cell: the proportions are undefined");
    for (int k = 0; k < cells; k++) {
      p[k] /= total;
    }
    if (replicates != null) {
      double[][] values = new double[cells + 1][weights.length];
      for (int i = 0; i < cell.length; i++) {
        if (cell[i] >= 0 && structure.inSample[i]) {
          values[cell[i]][i] = 1;
          values[cells][i] = 1;
        }
      }
      double[][] totals = replicates.totals(values);
      double[][] thetas = new double[cells][replicates.count];
      for (int k = 0; k < cells; k++) {
        for (int r = 0; r < replicates.count; r++) {
          thetas[k][r] = totals[k][r] / totals[cells][r];
        }
      }
      return replicates.covariance(thetas, p);
    }
    if (calibrations.isEmpty() && structure.psu == null && !structure.hasLonely) {
      return structure.proportionCovariance(weights, cell, p, total);
    }
    double[][] z = new double[cells][weights.length];
    for (int i = 0; i < cell.length; i++) {
      int c = cell[i];
      if (c < 0 || !structure.inSample[i]) {
        continue;
      }
      for (int k = 0; k < cells; k++) {
        z[k][i] = weights[i] * ((k == c ? 1 : 0) - p[k]) / total;
      }
    }
    return covariance(z);
  }

  /**
   * Whether the design has weights only: no strata, clusters, fpc, calibration or replicates (R's
   * {@code svydesign(ids = ~1, weights = ~w)}).
   *
   * @return true for a weights-only design
   */
  public boolean isWeightsOnly() {
    return strata == null && cluster == null && fpc == null && calibrations.isEmpty() && replicates == null;
  }

  /**
   * {@link #proportionCovariance(int[], int)} from what a table has already summed: for a weights-only design the
   * covariance depends on the data only through each cell's sum of weights and sum of squared weights,
   * {@code V = n / (n - 1) sum_c S2_c (e_c - p)(e_c - p)' / W^2} with {@code n} the design's respondents, so a
   * test needs no pass over the respondents.
   *
   * @param sumWeights per cell the sum of the weights of its respondents
   * @param sumSquaredWeights per cell the sum of their squared weights
   * @return the covariance matrix of the cell proportions
   * @throws IllegalStateException when the design is not weights-only
   * @throws IllegalArgumentException when the arrays differ in length or hold no weight
   */
  public double[][] proportionCovarianceOfSums(double[] sumWeights, double[] sumSquaredWeights) {
    if (!isWeightsOnly()) {
      throw new IllegalStateException("the covariance of a design with strata, clusters, fpc, calibration or "
          + "replicates needs the respondents: use proportionCovariance");
    }
    int k = sumWeights.length;
    checkArgument(sumSquaredWeights.length == k, "%s sums of weights but %s of squared weights", k,
        sumSquaredWeights.length);
    double total = 0;
    for (double v : sumWeights) {
      total += v;
    }
    checkArgument(total > 0, "the cells hold no weight: the proportions are undefined");
    double[] p = new double[k];
    for (int c = 0; c < k; c++) {
      p[c] = sumWeights[c] / total;
    }
    return structure.covarianceOfCellSums(new double[][] {sumWeights}, new double[][] {sumSquaredWeights}, p,
        total);
  }

  /**
   * The design's degrees of freedom for the respondents in these rows (R's {@code degf} of a subset): PSUs with a
   * respondent there minus strata with a respondent there. For a replicate-weight design, the rank of the
   * replicate weights of those respondents minus 1 (R's {@code degf} of the subset).
   *
   * @param rows whether each row is in the domain
   * @return the degrees of freedom; 0 or less when a variance cannot be estimated
   */
  public int degreesOfFreedom(boolean[] rows) {
    checkArgument(rows.length == weights.length, "%s flags for %s rows", rows.length, weights.length);
    if (replicates != null) {
      // R's degf of a replicate design's subset: the rank of the subset's replicate weights minus 1
      boolean[] in = new boolean[rows.length];
      for (int i = 0; i < in.length; i++) {
        in[i] = rows[i] && structure.inSample[i];
      }
      return replicates.rank(in) - 1;
    }
    return structure.degreesOfFreedom(rows);
  }

  /**
   * This design with replicate weights made from its strata and clusters (R's {@code as.svrepdesign}): JK1
   * (delete-one-PSU jackknife, unstratified), JKn (stratified jackknife) or bootstrap (Rao-Wu style with R's
   * {@code bootweights} rules: {@code n_h} PSUs drawn with replacement per stratum, or without replacement from
   * the population when there is an fpc). The finite population correction goes into {@code scale} (JK1) or
   * {@code rscales} (JKn), as R does. Bootstrap draws come from a seeded generator: the same seed gives the same
   * replicates, but not R's (whose generator differs).
   *
   * @param type JK1, JKN or BOOTSTRAP
   * @param count the number of bootstrap replicates (ignored by the jackknives: one per PSU)
   * @param seed the bootstrap seed
   * @param mse whether deviations are taken from the full-sample estimate
   * @return a new design
   * @throws IllegalArgumentException for another type, a stratified JK1, a stratum with one PSU, a calibrated
   *     design or one that already has replicates
   */
  public SurveyDesign withReplicates(ReplicateType type, int count, long seed, boolean mse) {
    checkArgument(replicates == null, "the design already has replicate weights");
    checkArgument(calibrations.isEmpty(), "make the replicates before weighting: this design was calibrated");
    Replicates reps = Replicates.fromDesign(structure, weights, type, count, seed, mse);
    List<DesignStep> steps = new ArrayList<>(history);
    steps.add(new DesignStep("replicates", reps.count + " " + type + " replicates"
        + (type == ReplicateType.BOOTSTRAP ? ", seed " + seed : "")));
    return new SurveyDesign(data, weights, strata, cluster, fpc, cluster2, fpc2, lonely, steps, calibrations,
        structure, reps);
  }

  /**
   * The replicate weights' description, when the design has them.
   *
   * @return the type, count, scale, rscales, mse and degrees of freedom; empty for a linearised design
   */
  public Optional<ReplicateWeights> replicates() {
    return Optional.ofNullable(replicates).map(Replicates::describe);
  }

  /**
   * The weight of a respondent in one replicate.
   *
   * @param replicate the replicate, from 0
   * @param row the row
   * @return the weight
   * @throws IllegalStateException when the design has no replicates
   */
  public double replicateWeight(int replicate, int row) {
    checkState();
    return replicates.weight(replicate, row);
  }

  /**
   * Replicate totals: for each vector of values and each replicate {@code r}, {@code sum_i w_ri v_i}. An estimator
   * that is a function of weighted totals is recomputed from them on each replicate; the replicate weights are read
   * in place, never copied.
   *
   * @param values vectors of one value per row (0 outside a domain); not modified
   * @return {@code [values.length][replicates]}
   * @throws IllegalStateException when the design has no replicates
   */
  public double[][] replicateTotals(double[]... values) {
    checkState();
    for (double[] v : values) {
      checkArgument(v.length == weights.length, "%s values for %s rows", v.length, weights.length);
    }
    return replicates.totals(values);
  }

  /**
   * The replicate variance of an estimate (R's {@code svrVar}): {@code scale * sum_r rscales_r (theta_r - c)^2}
   * with {@code c} the mean of the replicate estimates, or the estimate itself for an mse design.
   *
   * @param replicateEstimates the estimate recomputed with each replicate's weights
   * @param estimate the full-sample estimate
   * @return the variance
   * @throws IllegalStateException when the design has no replicates
   */
  public double replicateVariance(double[] replicateEstimates, double estimate) {
    checkState();
    checkArgument(replicateEstimates.length == replicates.count, "%s replicate estimates for %s replicates",
        replicateEstimates.length, replicates.count);
    return replicates.variance(replicateEstimates, estimate);
  }

  private void checkState() {
    if (replicates == null) {
      throw new IllegalStateException("the design has no replicate weights");
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "SurveyDesign[%d respondents%s%s%s; %s]", weights.length,
        strata == null ? "" : ", strata " + strata, cluster == null ? "" : ", clusters " + cluster,
        fpc == null ? "" : ", fpc " + fpc, history);
  }

  /** Builds a {@link SurveyDesign}. Not thread-safe. */
  public static final class Builder {
    private final Dataset data;
    private double @Nullable [] weights;
    private String weightSource = "equal weights 1";
    private @Nullable String strata;
    private @Nullable String cluster;
    private @Nullable String fpc;
    private @Nullable List<String> replicateColumns;
    private ReplicateType replicateType = ReplicateType.OTHER;
    private @Nullable Double replicateScale;
    private double @Nullable [] replicateScales;
    private @Nullable Double rho;
    private boolean mse;
    private @Nullable String cluster2;
    private @Nullable String fpc2;
    private LonelyPsu lonely = LonelyPsu.FAIL;

    private Builder(Dataset data) {
      this.data = data;
    }

    /**
     * Takes the weights from a numeric variable.
     *
     * @param variable the variable's name
     * @return this builder
     * @throws IllegalArgumentException when there is no such numeric variable
     */
    public Builder weights(String variable) {
      NumericVariable v = data.numeric(variable);
      double[] w = new double[v.size()];
      for (int i = 0; i < w.length; i++) {
        w[i] = v.isMissing(i) ? Double.NaN : v.valueAt(i);
      }
      this.weights = w;
      this.weightSource = "weights " + variable;
      return this;
    }

    /**
     * Uses these weights.
     *
     * @param values one per row; copied
     * @return this builder
     */
    public Builder weights(double[] values) {
      this.weights = values.clone();
      this.weightSource = "weights given";
      return this;
    }

    /**
     * Equal weights summing to a total (for example the population size, so each weighs N/n).
     *
     * @param total the sum of the weights, above 0
     * @return this builder
     */
    public Builder equalWeights(double total) {
      checkArgument(total > 0 && Double.isFinite(total), "total of equal weights must be above 0: %s", total);
      double[] w = new double[data.rowCount()];
      Arrays.fill(w, total / data.rowCount());
      this.weights = w;
      this.weightSource = "equal weights summing to " + total;
      return this;
    }

    /**
     * Stratifies the design.
     *
     * @param variable the strata variable (categorical, numeric or text)
     * @return this builder
     */
    public Builder strata(String variable) {
      data.variable(variable);
      this.strata = variable;
      return this;
    }

    /**
     * Clusters the design: the variable identifies each respondent's primary sampling unit.
     *
     * @param variable the cluster variable (categorical, numeric or text)
     * @return this builder
     */
    public Builder cluster(String variable) {
      data.variable(variable);
      this.cluster = variable;
      return this;
    }

    /**
     * Adds a finite population correction: a numeric variable holding, per stratum, the number of PSUs in the
     * population (values above 1) or the sampling fraction (values up to 1), as R's {@code fpc}.
     *
     * @param variable the numeric variable
     * @return this builder
     */
    public Builder fpc(String variable) {
      data.numeric(variable);
      this.fpc = variable;
      return this;
    }

    /**
     * Adds a second sampling stage (R's {@code id = ~psu + ssu, fpc = ~f1 + f2}): the variable identifies each
     * respondent's second-stage unit within its PSU, and the optional fpc holds, per PSU, the number of
     * second-stage units in its population (values above 1) or the sampling fraction. As in R, the second stage
     * adds to the variance only when the first stage has an fpc; without it the first stage's (ultimate cluster)
     * variance is the whole.
     *
     * @param cluster the second-stage unit variable
     * @param fpc the second-stage fpc variable, or null for sampling with replacement within PSUs
     * @return this builder
     */
    public Builder secondStage(String cluster, @Nullable String fpc) {
      data.variable(cluster);
      if (fpc != null) {
        data.numeric(fpc);
      }
      this.cluster2 = cluster;
      this.fpc2 = fpc;
      return this;
    }

    /**
     * What a stratum with a single PSU contributes to variances (R's {@code survey.lonely.psu}); default
     * {@link LonelyPsu#FAIL}.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder lonelyPsu(LonelyPsu policy) {
      this.lonely = checkNotNull(policy, "policy");
      return this;
    }

    /**
     * Gives the design replicate weights (R's {@code svrepdesign(repweights = ..., combined.weights = TRUE)}):
     * each column holds a replicate's full weights. The design's variances then come from the replicates.
     *
     * @param columns the numeric replicate weight columns, in order; at least 2
     * @param type how they were made, which sets the default scale
     * @return this builder
     * @throws IllegalArgumentException when a column is not numeric
     */
    public Builder replicateWeights(List<String> columns, ReplicateType type) {
      checkArgument(columns.size() >= 2, "a replicate design needs at least 2 replicate weight columns: %s",
          columns);
      columns.forEach(data::numeric);
      this.replicateColumns = List.copyOf(columns);
      this.replicateType = checkNotNull(type, "type");
      return this;
    }

    /**
     * The replicate weight columns whose names match a regular expression (found anywhere in the name, as R's
     * {@code grep}), in the dataset's order.
     *
     * @param regex the expression
     * @param type how they were made
     * @return this builder
     * @throws IllegalArgumentException when fewer than 2 columns match, naming the expression
     */
    public Builder replicateWeights(java.util.regex.Pattern regex, ReplicateType type) {
      List<String> matching = data.variableNames().stream().filter(n -> regex.matcher(n).find()).toList();
      checkArgument(matching.size() >= 2, "replicate weights %s match %s columns: %s", regex.pattern(),
          matching.size(), matching);
      return replicateWeights(matching, type);
    }

    /**
     * The overall multiplier of the replicate variance (R's {@code scale}), for JK1, JKn, bootstrap and other.
     *
     * @param value above 0
     * @return this builder
     */
    public Builder replicateScale(double value) {
      checkArgument(value > 0 && Double.isFinite(value), "scale must be above 0: %s", value);
      this.replicateScale = value;
      return this;
    }

    /**
     * The multiplier of each replicate (R's {@code rscales}); required for JKn.
     *
     * @param values one per replicate
     * @return this builder
     */
    public Builder replicateScales(double[] values) {
      this.replicateScales = values.clone();
      return this;
    }

    /**
     * Fay's {@code rho}, for {@link ReplicateType#FAY}.
     *
     * @param value in [0, 1)
     * @return this builder
     */
    public Builder rho(double value) {
      this.rho = value;
      return this;
    }

    /**
     * Whether replicate deviations are taken from the full-sample estimate (R's {@code mse = TRUE}) rather than
     * the mean of the replicates.
     *
     * @param value true for mse
     * @return this builder
     */
    public Builder mse(boolean value) {
      this.mse = value;
      return this;
    }

    /**
     * The design.
     *
     * @return a new design
     * @throws IllegalArgumentException when a weight is negative, missing or not finite (naming the respondent) or
     *     every weight is 0, or replicate weights are invalid (negative, missing, a type's required
     *     {@code rscales} or {@code rho} absent), a design variable is missing for a respondent, the fpc varies within a stratum, or a
     *     stratum has a single PSU
     */
    public SurveyDesign build() {
      double[] w = weights;
      if (w == null) {
        w = new double[data.rowCount()];
        Arrays.fill(w, 1.0);
      }
      checkArgument(w.length == data.rowCount(), "%s weights for %s respondents", w.length, data.rowCount());
      boolean anyone = false;
      for (int i = 0; i < w.length; i++) {
        if (!(w[i] >= 0 && Double.isFinite(w[i]))) {
          throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
              "weight of respondent %s (row %s) is %s: weights must be finite and 0 or more (0 leaves the "
                  + "respondent outside the sample)", data.id(i), i + 1, w[i]));
        }
        anyone |= w[i] > 0;
      }
      checkArgument(anyone, "every weight is 0: the design has no respondent in the sample");
      String detail = weightSource + (strata == null ? "" : "; strata " + strata)
          + (cluster == null ? "" : "; clusters " + cluster) + (fpc == null ? "" : "; fpc " + fpc)
          + (cluster2 == null ? "" : "; second-stage units " + cluster2) + (fpc2 == null ? "" : "; fpc " + fpc2)
          + (lonely == LonelyPsu.FAIL ? "" : "; lonely PSUs: " + lonely.name().toLowerCase(Locale.ROOT));
      Replicates reps = null;
      if (replicateColumns != null) {
        checkArgument(strata == null && cluster == null && fpc == null, "a replicate-weight design carries its "
            + "sampling structure in its replicate weights: give no strata, clusters or fpc with them");
        NumericVariable[] columns = new NumericVariable[replicateColumns.size()];
        for (int k = 0; k < columns.length; k++) {
          columns[k] = data.numeric(replicateColumns.get(k));
        }
        reps = Replicates.ofColumns(columns, replicateType, replicateScale, replicateScales, rho, mse, w);
        detail += "; " + columns.length + " " + replicateType + " replicate weights " + replicateColumns.get(0)
            + ".." + replicateColumns.get(columns.length - 1);
      }
      return new SurveyDesign(data, w, strata, cluster, fpc, cluster2, fpc2, lonely,
          List.of(new DesignStep("design", detail)), List.of(), null, reps);
    }
  }
}
