package dev.insight.stats.table;

import static com.google.common.base.Preconditions.checkArgument;

import dev.insight.core.data.Dataset;
import dev.insight.core.data.NumericVariable;
import dev.insight.stats.design.Filter;
import dev.insight.stats.design.SurveyDesign;
import dev.insight.stats.estimate.Estimate;
import dev.insight.stats.estimate.Estimator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The rows of a {@link RowSpec.Quantiles}: each banner column is a domain of the design (the table's filter and the
 * column's category, the rest of the design kept for the variance, as R's {@code svyby}), and each cell is
 * {@link Estimator#quantile}'s estimate there: R 4.x {@code svyquantile}'s rule, Woodruff interval and standard
 * error, linearised or from the replicate weights.
 */
final class QuantileRows {
  private QuantileRows() {}

  /**
   * The question's block.
   *
   * @param design the table's design
   * @param spec the quantiles asked for
   * @param filter the table's filter
   * @param columns the table's columns, Total first
   * @param base the base of a column from its respondents with a value, their weights and effective base, and
   *     whether it is the Total
   */
  static RowBlock block(SurveyDesign design, RowSpec.Quantiles spec, Filter filter, List<BannerColumn> columns,
      BiFunction<Estimate, Boolean, Base> base) {
    Dataset data = design.data();
    String name = spec.variable();
    checkArgument(data.variable(name) instanceof NumericVariable, "row variable %s is not numeric; quantiles need "
        + "a numeric variable", name);
    Estimator estimator = Estimator.of(design);
    List<Filter> domains = new ArrayList<>();
    for (BannerColumn column : columns) {
      domains.add(column.isTotal() ? filter : filter instanceof Filter.All
          ? Filter.category(column.variable(), column.code())
          : new Filter.And(filter, Filter.category(column.variable(), column.code())));
    }
    List<Base> bases = new ArrayList<>();
    List<List<Cell>> cells = new ArrayList<>();
    for (int k = 0; k < spec.probabilities().size(); k++) {
      cells.add(new ArrayList<>());
    }
    for (int c = 0; c < columns.size(); c++) {
      List<Estimate> estimates = estimator.quantiles(name, spec.probabilities(), domains.get(c));
      for (int k = 0; k < spec.probabilities().size(); k++) {
        Estimate e = estimates.get(k);
        if (k == 0) {
          bases.add(base.apply(e, c == 0));
        }
        cells.get(k).add(new Cell(e.unweightedN(), e.weightedBase(), Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, e.value(), e.standardError(), e.interval().low(), e.interval().high(), "",
            Comparison.NOT_TESTED, false));
      }
    }
    List<TableRow> rows = new ArrayList<>();
    for (int k = 0; k < spec.probabilities().size(); k++) {
      double p = spec.probabilities().get(k);
      rows.add(new TableRow(code(p), label(p), RowKind.QUANTILE, cells.get(k)));
    }
    return new RowBlock(name, data.variable(name).label(), "respondents with a value", bases, rows, List.of());
  }

  /** The probability as written, without trailing zeros: {@code 0.25}, {@code 0.5}, {@code 1}. */
  static String code(double p) {
    return BigDecimal.valueOf(p).stripTrailingZeros().toPlainString();
  }

  /** Median, lower and upper quartile, or the percentile: {@code 10th percentile}, {@code Quantile 0.125}. */
  static String label(double p) {
    if (p == 0.5) {
      return "Median";
    } else if (p == 0.25) {
      return "Lower quartile";
    } else if (p == 0.75) {
      return "Upper quartile";
    }
    double percent = 100 * p;
    if (percent == Math.rint(percent)) {
      int n = (int) percent;
      String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
        case 1 -> "st";
        case 2 -> "nd";
        case 3 -> "rd";
        default -> "th";
      };
      return n + suffix + " percentile";
    }
    return "Quantile " + code(p);
  }
}
