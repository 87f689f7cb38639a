package dev.insight.stats.design;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Dataset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Post-stratification: the weights in each cell of one variable, or of the joint table of several, are scaled so
 * the cell's weighted total equals its population target (R {@code survey}'s {@code postStratify}). The variance
 * of estimates from the result accounts for it as R's does.
 *
 * <p>Immutable.
 */
public final class PostStratification implements Weighting {
  private final List<String> variables;
  private final Map<List<String>, Double> targets;
  private final TargetKind kind;
  private final MissingPolicy missing;

  private PostStratification(List<String> variables, Map<List<String>, Double> targets, TargetKind kind,
      MissingPolicy missing) {
    this.variables = List.copyOf(variables);
    this.targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    this.kind = kind;
    this.missing = missing;
  }

  /**
   * Post-stratification on one variable.
   *
   * @param margin the variable's targets
   * @return the procedure
   */
  public static PostStratification of(Margin margin) {
    Map<List<String>, Double> cells = new LinkedHashMap<>();
    margin.targets().forEach((code, target) -> cells.put(List.of(code), target));
    return new PostStratification(List.of(margin.variable()), cells, margin.kind(), MissingPolicy.FAIL);
  }

  /**
   * Post-stratification on the joint table of several variables.
   *
   * @param variables the categorical variables
   * @param targets target by cell, a cell being one category code per variable in the order of {@code variables}
   * @param kind counts or proportions (summing to 1 over the cells)
   * @return the procedure
   * @throws IllegalArgumentException when a cell has the wrong number of codes, a target is negative or not finite,
   *     or proportions do not sum to 1
   */
  public static PostStratification joint(List<String> variables, Map<List<String>, Double> targets,
      TargetKind kind) {
    checkArgument(!variables.isEmpty(), "post-stratification needs at least one variable");
    double sum = 0;
    for (Map.Entry<List<String>, Double> e : targets.entrySet()) {
      checkArgument(e.getKey().size() == variables.size(), "cell %s has %s codes for variables %s", e.getKey(),
          e.getKey().size(), variables);
      double t = checkNotNull(e.getValue(), "target");
      checkArgument(t >= 0 && Double.isFinite(t), "target of cell %s must be finite and not negative: %s",
          e.getKey(), t);
      sum += t;
    }
    checkArgument(kind != TargetKind.PROPORTIONS || Math.abs(sum - 1) < 1e-6,
        "proportion targets of the joint table of %s sum to %s, not 1", variables, sum);
    return new PostStratification(variables, targets, checkNotNull(kind, "kind"), MissingPolicy.FAIL);
  }

  /**
   * With a policy for respondents whose post-stratification variable is missing.
   *
   * @param policy the policy
   * @return a changed copy
   */
  public PostStratification withMissing(MissingPolicy policy) {
    return new PostStratification(variables, targets, kind, checkNotNull(policy, "policy"));
  }

  private String describe(CategoricalVariable[] vars, int cell) {
    List<String> parts = new ArrayList<>();
    int rest = cell;
    String[] codes = new String[vars.length];
    for (int k = vars.length - 1; k >= 0; k--) {
      int size = vars[k].categories().size();
      codes[k] = vars[k].categories().get(rest % size).code();
      rest /= size;
    }
    for (int k = 0; k < vars.length; k++) {
      parts.add(vars[k].name() + "=" + codes[k]);
    }
    return String.join(", ", parts);
  }

  /**
   * Post-stratifies the design's weights.
   *
   * @param design the design
   * @return the new design, remembering the step, and the report
   * @throws IllegalArgumentException naming the variable and category: a target cell with no respondents, a
   *     respondent in a cell with no target, a missing value (unless excluded by policy)
   */
  @Override
  public WeightingResult apply(SurveyDesign design) {
    Dataset data = design.data();
    int n = design.rowCount();
    CategoricalVariable[] vars = new CategoricalVariable[variables.size()];
    long cells = 1;
    for (int k = 0; k < vars.length; k++) {
      vars[k] = data.categorical(variables.get(k));
      cells *= Math.max(1, vars[k].categories().size());
    }
    checkArgument(cells <= 1 << 24, "the joint table of %s has too many cells: %s", variables, cells);
    int cellCount = (int) cells;
    double[] target = new double[cellCount];
    boolean[] hasTarget = new boolean[cellCount];
    for (Map.Entry<List<String>, Double> e : targets.entrySet()) {
      int cell = 0;
      boolean known = true;
      for (int k = 0; k < vars.length; k++) {
        int index = vars[k].indexOf(e.getKey().get(k));
        if (index < 0) {
          known = false;
          break;
        }
        cell = cell * vars[k].categories().size() + index;
      }
      checkArgument(!known || !hasTarget[cell], "cell %s has two targets", e.getKey());
      if (!known) {
        checkArgument(e.getValue() == 0, "target cell %s of %s has no respondents in the sample, so its target %s "
            + "can never be reached", String.join(", ", e.getKey()), variables, Resolved.fmt(e.getValue()));
        continue;
      }
      target[cell] = e.getValue();
      hasTarget[cell] = true;
    }
    double[] before = design.weights();
    int[] cellOf = new int[n];
    double[] sample = new double[cellCount];
    int[] count = new int[cellCount];
    int excluded = 0;
    for (int i = 0; i < n; i++) {
      cellOf[i] = -1;
      if (before[i] <= 0) {
        continue;
      }
      int cell = 0;
      boolean out = false;
      for (int k = 0; k < vars.length; k++) {
        if (vars[k].isMissing(i)) {
          checkArgument(missing == MissingPolicy.EXCLUDE,
              "post-stratification variable %s is missing for respondent %s (row %s); choose the missing-value "
                  + "policy EXCLUDE to leave such respondents out of the weighted sample", vars[k].name(),
              data.id(i), i + 1);
          out = true;
          break;
        }
        cell = cell * vars[k].categories().size() + vars[k].categoryIndex(i);
      }
      if (out) {
        excluded++;
        before[i] = 0;
        continue;
      }
      if (!hasTarget[cell]) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "respondent %s (row %s) is in cell %s, which has no target", data.id(i), i + 1, describe(vars, cell)));
      }
      cellOf[i] = cell;
      sample[cell] += before[i];
      count[cell]++;
    }
    double sampleTotal = 0;
    for (double s : sample) {
      sampleTotal += s;
    }
    checkArgument(sampleTotal > 0, "no respondents left to weight");
    double[] factor = new double[cellCount];
    double[] goal = new double[cellCount];
    for (int c = 0; c < cellCount; c++) {
      if (!hasTarget[c]) {
        continue;
      }
      double t = kind == TargetKind.PROPORTIONS ? target[c] * sampleTotal : target[c];
      checkArgument(count[c] > 0 || t == 0, "target cell %s has no respondents in the sample, so its target %s can "
          + "never be reached", describe(vars, c), Resolved.fmt(t));
      checkArgument(t > 0 || count[c] == 0, "target cell %s has a target of 0 but %s respondents; weights must stay "
          + "above 0", describe(vars, c), count[c]);
      factor[c] = count[c] == 0 ? 0 : t / sample[c];
      goal[c] = t;
    }
    double[] after = new double[n];
    for (int i = 0; i < n; i++) {
      after[i] = cellOf[i] < 0 ? 0 : before[i] * factor[cellOf[i]];
    }
    WeightingReport report = WeightingReport.of("postStratify", true, 1, 0, "", after, excluded);
    Calibration calibration = Calibration.postStratified(cellOf, cellCount, before, after);
    DesignStep step = new DesignStep("postStratify", String.format(Locale.ROOT, "cells of %s; %s",
        String.join(" x ", variables), kind == TargetKind.COUNTS ? "counts" : "proportions"));
    // each replicate's cells scaled to the same targets (R's postStratify of an svyrep.design)
    ReplicateRefit refit = design.replicates().isEmpty() ? null : new ReplicateRefit(cellOf, cellCount, (sums, r) -> {
      double[] f = new double[cellCount];
      for (int c = 0; c < cellCount; c++) {
        if (count[c] > 0 && !(sums[c] > 0)) {
          throw new IllegalArgumentException(String.format(Locale.ROOT, "replicate %d has no weight in cell %s, "
              + "so it cannot be post-stratified (R gives NaN); merge the cell with another", r + 1,
              describe(vars, c)));
        }
        f[c] = count[c] == 0 ? 0 : goal[c] / sums[c];
      }
      return f;
    });
    return new WeightingResult(design.reweighted(after, calibration, step, refit), report);
  }

  @Override
  public String toString() {
    return "PostStratification[" + variables + ", " + targets.size() + " cells]";
  }
}
