package dev.insight.stats.table;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;

/** A question down the side of a banner table: which rows it contributes. */
public sealed interface RowSpec permits RowSpec.Categories, RowSpec.Options, RowSpec.Mean, RowSpec.Quantiles {

  /**
   * The variable the rows come from.
   *
   * @return the variable name
   */
  String variable();

  /**
   * The categories of a single-choice question.
   *
   * @param variable the name of a single-choice (categorical) variable
   * @return the rows, without nets or boxes
   */
  static Categories categories(String variable) {
    return new Categories(variable, List.of(), false);
  }

  /**
   * The options of a multiple-response question as percent of respondents.
   *
   * @param variable the name of a multiple-response variable
   * @return the rows, without nets
   */
  static Options options(String variable) {
    return new Options(variable, PercentBase.RESPONDENTS, List.of());
  }

  /**
   * The mean and standard deviation of a numeric or scale question.
   *
   * @param variable the name of a numeric variable
   * @return the row, without boxes
   */
  static Mean mean(String variable) {
    return new Mean(variable, false);
  }

  /**
   * Quantiles of a numeric question, one row per probability, each column's with its confidence interval (R's
   * {@code svyby(~x, ~banner, design, svyquantile, quantiles = p, ci = TRUE)}).
   *
   * @param variable the name of a numeric variable
   * @param probabilities the probabilities, each in (0, 1] (0.5 for the median), in the order shown
   * @return the rows
   * @throws IllegalArgumentException when there is no probability, one is outside (0, 1] or one repeats
   */
  static Quantiles quantiles(String variable, double... probabilities) {
    List<Double> p = new java.util.ArrayList<>();
    for (double value : probabilities) {
      p.add(value);
    }
    return new Quantiles(variable, p);
  }

  /**
   * The median of a numeric question with its confidence interval.
   *
   * @param variable the name of a numeric variable
   * @return the row
   */
  static Quantiles median(String variable) {
    return quantiles(variable, 0.5);
  }

  /**
   * One row per valid category of a single-choice question, then its nets, then (for scales) the top-2 and
   * bottom-2 boxes: the last two and the first two valid categories in display order.
   *
   * @param variable the name of a single-choice variable
   * @param nets nets of category codes
   * @param boxes whether to add top-2 and bottom-2 box rows
   */
  record Categories(String variable, List<Net> nets, boolean boxes) implements RowSpec {
    /**
     * Validates the variable name and copies the nets
     *
     * @param variable the name of a single-choice variable
     * @param nets nets of category codes
     * @param boxes whether to add top-2 and bottom-2 box rows
     */
    public Categories {
      checkNotNull(variable, "variable");
      nets = List.copyOf(nets);
    }

    /**
     * These rows with nets added.
     *
     * @param more the nets
     * @return a new specification
     */
    public Categories withNets(Net... more) {
      List<Net> all = new java.util.ArrayList<>(nets);
      all.addAll(List.of(more));
      return new Categories(variable, all, boxes);
    }

    /**
     * These rows with top-2 and bottom-2 boxes.
     *
     * @return a new specification
     */
    public Categories withBoxes() {
      return new Categories(variable, nets, true);
    }
  }

  /**
   * One row per option of a multiple-response question, then its nets.
   *
   * @param variable the name of a multiple-response variable
   * @param percentBase percent of respondents (sums can exceed 100) or of mentions
   * @param nets nets of option codes; a respondent counts once however many of a net's options they chose
   */
  record Options(String variable, PercentBase percentBase, List<Net> nets) implements RowSpec {
    /**
     * Validates the variable name and copies the nets
     *
     * @param variable the name of a multiple-response variable
     * @param percentBase percent of respondents (sums can exceed 100) or of mentions
     * @param nets nets of option codes; a respondent counts once however many of a net's options they chose
     */
    public Options {
      checkNotNull(variable, "variable");
      checkNotNull(percentBase, "percentBase");
      nets = List.copyOf(nets);
    }

    /**
     * These rows with nets added.
     *
     * @param more the nets
     * @return a new specification
     */
    public Options withNets(Net... more) {
      List<Net> all = new java.util.ArrayList<>(nets);
      all.addAll(List.of(more));
      return new Options(variable, percentBase, all);
    }

    /**
     * These rows as percent of mentions.
     *
     * @return a new specification
     */
    public Options ofMentions() {
      return new Options(variable, PercentBase.MENTIONS, nets);
    }
  }

  /**
   * The weighted mean and standard deviation of a numeric or scale question; with boxes, also the share in the
   * top two and bottom two scale points (the labelled values, or the distinct values seen when none are labelled).
   *
   * @param variable the name of a numeric variable
   * @param boxes whether to add top-2 and bottom-2 box rows
   */
  record Mean(String variable, boolean boxes) implements RowSpec {
    /**
     * Validates the variable name
     *
     * @param variable the name of a numeric variable
     * @param boxes whether to add top-2 and bottom-2 box rows
     */
    public Mean {
      checkNotNull(variable, "variable");
      checkArgument(!variable.isBlank(), "variable cannot be blank");
    }

    /**
     * This row with top-2 and bottom-2 boxes.
     *
     * @return a new specification
     */
    public Mean withBoxes() {
      return new Mean(variable, true);
    }
  }

  /**
   * Quantiles of a numeric question: one row per probability, each cell the column's weighted quantile with its
   * Woodruff confidence interval and standard error, as R 4.x's {@code svyquantile} defaults ({@code qrule =
   * "math"}, {@code interval.type = "mean"}), under the table's design (strata, clusters, calibration, replicates).
   * Quantile rows carry no letters and no Rao-Scott test.
   *
   * @param variable the name of a numeric variable
   * @param probabilities the probabilities, each in (0, 1], in the order shown
   */
  record Quantiles(String variable, List<Double> probabilities) implements RowSpec {
    /**
     * Validates the variable name and the probabilities, and copies them.
     *
     * @param variable the name of a numeric variable
     * @param probabilities the probabilities, each in (0, 1], in the order shown
     */
    public Quantiles {
      checkNotNull(variable, "variable");
      checkArgument(!variable.isBlank(), "variable cannot be blank");
      probabilities = List.copyOf(probabilities);
      checkArgument(!probabilities.isEmpty(), "quantiles of %s need at least one probability", variable);
      for (double p : probabilities) {
        checkArgument(p > 0 && p <= 1, "quantiles of %s: probability %s is not in (0, 1]", variable, p);
      }
      checkArgument(probabilities.stream().distinct().count() == probabilities.size(),
          "quantiles of %s: a probability repeats: %s", variable, probabilities);
    }
  }
}
