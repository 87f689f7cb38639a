package dev.insight.examples.report;

import dev.insight.core.data.Category;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.MultiResponseVariable;
import dev.insight.stats.design.Filter;
import dev.insight.stats.estimate.Estimate;
import dev.insight.stats.estimate.Estimator;
import dev.insight.stats.estimate.IntervalMethod;
import dev.insight.stats.table.BannerTable;
import dev.insight.stats.table.BannerTables;
import dev.insight.stats.table.Suppression;
import dev.insight.stats.table.TableOptions;
import dev.insight.stats.table.TableSpec;
import dev.insight.stats.design.Margin;
import dev.insight.stats.design.WeightingResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The survey's numbers for a report: the weighted design and its weighting report, and the weighted share choosing
 * each option of a multiple-response question, with its confidence interval, beside the unweighted count.
 *
 * @param weighting the weighted design and its report
 * @param priorities one row per option of the priorities question
 * @param themes one row per code of the coded comments, among those who commented
 * @param banner the priorities and the codes by the banner variables, weighted, tested and with small counts
 *     suppressed (empty columns when no banner variable was given)
 */
record SurveyAnalysis(WeightingResult weighting, List<Row> priorities, List<Row> themes, BannerTable banner) {
  /** Counts below this (unweighted) are hidden in published tables, with secondary suppression. */
  static final int SUPPRESS_BELOW = 5;

  /** One option: its label, the unweighted count and base, and the weighted estimate. */
  record Row(String code, String label, int count, int base, Estimate estimate) {
    double unweightedShare() {
      return base == 0 ? Double.NaN : (double) count / base;
    }
  }

  /**
   * Rakes the survey to the margins from equal starting weights, then estimates.
   *
   * @param survey the survey
   * @param margins the population targets
   * @param priorities the multiple-response question to estimate for everyone
   * @param codes the coded comments (missing for those who did not comment)
   * @param banner the categorical variables across the top of the tables
   */
  static SurveyAnalysis of(Dataset survey, List<Margin> margins, String priorities, String codes,
      List<String> banner) {
    return of(SurveyWeighting.raked(survey, margins).result(), priorities, codes, banner);
  }

  /**
   * Estimates under a weighted design.
   *
   * @param weighted the weighted design (on the survey's data) and its report
   * @param priorities the multiple-response question to estimate for everyone
   * @param codes the coded comments (missing for those who did not comment)
   * @param banner the categorical variables across the top of the tables
   */
  static SurveyAnalysis of(WeightingResult weighted, String priorities, String codes, List<String> banner) {
    Dataset survey = weighted.design().data();
    Estimator estimator = Estimator.of(weighted.design()).withInterval(IntervalMethod.LOGIT);
    TableSpec spec = TableSpec.of(List.of(BannerTables.rowsFor(survey, priorities),
        BannerTables.rowsFor(survey, codes)), banner).withOptions(TableOptions.defaults());
    BannerTable table = Suppression.threshold(SUPPRESS_BELOW).apply(BannerTables.compute(weighted.design(), spec));
    return new SurveyAnalysis(weighted, rows(survey.multiResponse(priorities), estimator),
        rows(survey.multiResponse(codes), estimator), table);
  }

  private static List<Row> rows(MultiResponseVariable variable, Estimator estimator) {
    int[] counts = variable.counts();
    int base = variable.size() - variable.missingCount();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      Category option = variable.options().get(i);
      Estimate estimate = estimator.proportion(variable.name(), option.code(), Filter.all());
      rows.add(new Row(option.code(), option.label(), counts[i], base, estimate));
    }
    return rows;
  }
}
